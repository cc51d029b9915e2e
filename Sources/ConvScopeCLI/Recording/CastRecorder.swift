import ConvScopeApp
import Foundation
import Terminal
import Walkthroughs

/// Turns what the app shows into an asciicast at a fixed size, streamed into a ``CastFile``
/// as it is made: a whole-screen frame whenever the picture changes, and a marker labelled
/// with the step (`step 5/32`) whenever the step changes, so players can seek from step to
/// step. Frames are drawn at the recording's size whatever the terminal's, in 256 colours
/// and UTF-8. Only the last frame is kept in memory.
final class CastRecorder {
    private let file: CastFile
    private let size: Size
    private var lastFrame: Buffer?
    private var lastPlace: Place?
    /// Pictures and step markers written so far, for the confirmation line.
    private(set) var frameCount = 0
    private(set) var markerCount = 0

    /// A recording starting now, titled with the command line that makes it; writes the header.
    init(size: Size, into file: CastFile) throws {
        self.size = size
        self.file = file
        let title = (["convscope"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
        try file.open(
            Asciicast(
                width: size.width, height: size.height, timestamp: Int(Date().timeIntervalSince1970),
                title: title))
    }

    /// Records what `model` shows `time` seconds into the recording. Times must not decrease.
    func record(_ model: AppModel, at time: Double) throws {
        var model = model
        model.size = size
        model.capabilities = .full
        let frame = model.render()
        if frame != lastFrame {
            // The first frame also hides the cursor, as the app does.
            let data = (lastFrame == nil ? "\u{1B}[?25l" : "") + frame.ansi()
            try file.append(Asciicast.Event(time: time, code: .output, data: data).line)
            lastFrame = frame
            frameCount += 1
        }
        let place = Place(scene: model.sceneIndex, phase: model.phase, step: model.step)
        if place != lastPlace {
            try file.append(Asciicast.Event(time: time, code: .marker, data: Self.label(model)).line)
            lastPlace = place
            markerCount += 1
        }
    }

    /// Keeps the last frame on screen until `time` (a recording lasts until its last event).
    func hold(until time: Double) throws {
        try file.append(Asciicast.Event(time: time, code: .output, data: "").line)
    }

    /// One stderr line saying what was recorded where (stdout recordings say nothing there).
    func confirm() {
        guard file.path != "-" else { return }
        CLINote.print("wrote \(file.path): \(frameCount) frames, \(markerCount) step markers")
    }

    /// Where the model stands; a new place gets a marker.
    private struct Place: Equatable {
        let scene: Int
        let phase: Pass
        let step: Int
    }

    /// `step 5/32`, after the pass when it is not the forward one and the scene when there are several.
    private static func label(_ model: AppModel) -> String {
        let scene = model.scenes.count > 1 ? "scene \(model.sceneIndex + 1) " : ""
        let phase = model.phase == .forward ? "" : "\(model.phase.rawValue) "
        return "\(scene)\(phase)step \(model.step + 1)/\(model.stepCount)"
    }
}
