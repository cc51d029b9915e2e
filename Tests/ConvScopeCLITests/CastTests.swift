import ConvScopeApp
import ConvScopeCore
import Foundation
import TensorFiles
import Terminal
import Testing

/// Recordings: `render --cast` and `--record`, read back as asciicast v2.
@Suite struct CastTests {
    /// A recording's lines decoded: the header object and every event.
    struct Recording {
        struct Event {
            let time: Double
            let code: String
            let data: String
        }

        let header: [String: Any]
        let events: [Event]

        init(contentsOf url: URL) throws {
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.hasSuffix("\n"))
            let lines = text.split(separator: "\n")
            let first = try #require(lines.first, "an empty recording")
            header = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
            events = try lines.dropFirst().map { line in
                let array = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
                #expect(array.count == 3)
                return Event(
                    time: try #require(array[0] as? Double), code: try #require(array[1] as? String),
                    data: try #require(array[2] as? String))
            }
        }

        var markers: [String] { events.filter { $0.code == "m" }.map(\.data) }
        var outputs: [Event] { events.filter { $0.code == "o" } }
        var timesNeverDecrease: Bool { zip(events, events.dropFirst()).allSatisfy { $0.time <= $1.time } }
    }

    @Test func renderRecordsOneFrameAndMarkerPerStep() throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let cast = scratch.appendingPathComponent("steps.cast")
        let result = try ConvscopeProcess.run([
            "render", "--sample", "digits-sobel-x", "--cast", cast.path,
            "--steps", "3..7", "--size", "100x30",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let recording = try Recording(contentsOf: cast)
        #expect(recording.header["version"] as? Int == 2)
        #expect(recording.header["width"] as? Int == 100 && recording.header["height"] as? Int == 30)
        let timestamp = try #require(recording.header["timestamp"] as? Int)
        #expect(abs(Double(timestamp) - Date().timeIntervalSince1970) < 600)
        #expect((recording.header["title"] as? String)?.contains("--cast") == true)
        #expect((recording.header["env"] as? [String: String])?["TERM"] == "xterm-256color")
        #expect(recording.timesNeverDecrease)
        #expect(recording.markers == ["step 3/256", "step 4/256", "step 5/256", "step 6/256", "step 7/256"])
        #expect(recording.events.filter { $0.code == "m" }.map(\.time) == [0, 0.5, 1, 1.5, 2])
        // One frame per step at its marker's time, then an empty event holding the last one.
        let outputs = recording.outputs
        #expect(outputs.map(\.time) == [0, 0.5, 1, 1.5, 2, 2.5])
        #expect(outputs.last?.data == "")
        #expect(outputs[0].data.hasPrefix("\u{1B}[?25l\u{1B}[0m\u{1B}[H\u{1B}[2J"))
        #expect(outputs[4].data == (try Self.expectedFrame(step: 7, size: Size(width: 100, height: 30))))
    }

    /// Step `step` of the digits-sobel-x screen drawn in-process, as the recording must hold it.
    static func expectedFrame(step: Int, size: Size) throws -> String {
        let bundle = try NPZ.read(contentsOf: samplesFolder.appendingPathComponent("digits-sobel-x.npz"))
        var scenes = try SceneFactory.scenes(for: LayerSpec(kind: .conv2d, padding: [1]), bundle: bundle)
        scenes[0].title = "sample digits-sobel-x"
        var model = AppModel(scenes: scenes, size: size, capabilities: .full)
        model.step = step - 1
        return model.render().ansi()
    }

    @Test func anExistingFileIsReplacedOnlyWithForce() throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let cast = scratch.appendingPathComponent("mine.cast")
        try Data("mine".utf8).write(to: cast)
        let arguments = ["render", "--sample", "digits-box", "--cast", cast.path, "--steps", "1..2"]
        try expectOneLineFailure(try ConvscopeProcess.run(arguments), phrase: "already exists; add --force")
        #expect(try String(contentsOf: cast, encoding: .utf8) == "mine")
        let forced = try ConvscopeProcess.run(arguments + ["--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try Recording(contentsOf: cast).markers == ["step 1/256", "step 2/256"])
    }

    @Test(arguments: [["demo"], ["view", "--sample", "digits-box"]])
    func interactiveCommandsRefuseAnExistingFileBeforeOpeningTheTerminal(_ command: [String]) throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let cast = scratch.appendingPathComponent("mine.cast")
        try Data("mine".utf8).write(to: cast)
        try expectOneLineFailure(try ConvscopeProcess.run(command + ["--record", cast.path]), phrase: "add --force")
        // With --force the next obstacle is the missing terminal: the file was not the problem.
        try expectOneLineFailure(
            try ConvscopeProcess.run(command + ["--record", cast.path, "--force"]), phrase: "not a terminal")
        #expect(try String(contentsOf: cast, encoding: .utf8) == "mine")
    }

    @Test func aFailedWriteLeavesNoPartialFile() throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = scratch.appendingPathComponent("taken.cast")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        let result = try ConvscopeProcess.run([
            "render", "--sample", "digits-box", "--cast", folder.path, "--steps", "1..3", "--force",
        ])
        try expectOneLineFailure(result, phrase: "taken.cast")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["taken.cast"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test(arguments: [
        (["--cast", "NEW", "--steps", "5..3"], "A ≤ B"),
        (["--cast", "NEW", "--steps", "0..3"], "out of range"),
        (["--cast", "NEW", "--steps", "1..257"], "steps 1 to 256"),
        (["--cast", "NEW", "--steps", "two"], "not A..B"),
        (["--steps", "1..3"], "--steps goes with --cast"),
        (["--cast", "/nonexistent-folder/x.cast"], "no folder"),
    ])
    func badRecordingOptionsAreOneLine(_ options: [String], _ phrase: String) throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let cast = scratch.appendingPathComponent("new.cast").path
        let result = try ConvscopeProcess.run(
            ["render", "--sample", "digits-box"] + options.map { $0 == "NEW" ? cast : $0 })
        try expectOneLineFailure(result, phrase: phrase)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }

    /// The real thing: `view --record` in a tmux terminal, stepped with keys, then resized and
    /// quit with q — or killed with SIGTERM, which keeps what was recorded (it is on disk as it happens).
    @Test(arguments: ["q", "SIGTERM"])
    func viewRecordsWhatTheUserStepsThrough(_ ending: String) async throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let cast = scratch.appendingPathComponent("session.cast")
        let tmux = try TmuxSession(width: 90, height: 28)
        defer { tmux.kill() }
        try tmux.launch("view --sample digits-sobel-x --record \(cast.path)")
        try await tmux.wait(for: "step 1/256")
        for step in 2...3 {
            try tmux.press("l")
            try await tmux.wait(for: "step \(step)/256")
        }
        if ending == "q" {
            try tmux.resize(width: 110, height: 34)
            try tmux.press("q")
            #expect(try await tmux.exitStatus() == 0)
        } else {
            kill(try tmux.appPID(), SIGTERM)
            #expect(try await tmux.exitStatus() == 143)
        }
        let recording = try Recording(contentsOf: cast)
        #expect(recording.header["width"] as? Int == 90 && recording.header["height"] as? Int == 28)
        #expect(recording.markers == ["step 1/256", "step 2/256", "step 3/256"])
        #expect(recording.timesNeverDecrease)
        #expect(
            recording.outputs.last?.data == (try CastTests.expectedFrame(step: 3, size: Size(width: 90, height: 28))))
        // After `q`, the confirmation on stderr (the tmux line wraps long paths: join the lines);
        // a signal ends the process at once, with the recording kept but nothing said.
        let frames = recording.outputs.filter { !$0.data.isEmpty }.count
        let shown = try tmux.screen().replacingOccurrences(of: "\n", with: "")
        let confirmation = "convscope: wrote \(cast.path): \(frames) frames, 3 step markers"
        #expect(shown.contains(confirmation) == (ending == "q"), "\(shown)")
    }

    /// Peak memory of a running process (VmHWM), in bytes.
    static func peakMemory(of pid: pid_t) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") })
        return try #require(Int(line.split(separator: " ").dropFirst().first ?? "")) * 1024
    }

    /// A long `render --cast` streams: the file grows by megabytes while the process's peak
    /// memory stays put, and SIGTERM leaves a readable recording of the steps made so far.
    @Test func renderCastStreamsWithFlatMemoryAndSurvivesAnInterrupt() throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let bundle = scratch.appendingPathComponent("long.npz")
        let cast = scratch.appendingPathComponent("long.cast")
        try NPZ.write(["A": Tensor.randomNormal(shape: [1, 1, 20000], seed: 7)], to: bundle)
        let process = Process()
        // Signals ignored by the test runner would be inherited: reset them.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "--default-signal=TERM", ConvscopeProcess.binary.path, "render", "relu", bundle.path, "--cast", cast.path,
        ]
        try process.run()
        // Generous on a loaded machine: the loop ends as soon as the size is reached.
        func waitForSize(_ bytes: Int) throws {
            for _ in 0..<2400 where process.isRunning {
                let size = (try? FileManager.default.attributesOfItem(atPath: cast.path)[.size] as? Int) ?? 0
                if size >= bytes { return }
                usleep(50_000)
            }
            Issue.record("the recording never reached \(bytes) bytes")
        }
        try waitForSize(1 << 20)
        let early = try Self.peakMemory(of: process.processIdentifier)
        try waitForSize(5 << 20)
        let late = try Self.peakMemory(of: process.processIdentifier)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM)
        #expect(late - early < 2 << 20, "peak memory grew from \(early) to \(late) bytes while 4 MB were recorded")
        let recording = try Recording(contentsOf: cast)
        #expect(recording.markers.count > 100)
        #expect(recording.markers == (1...recording.markers.count).map { "step \($0)/20000" })
    }
}
