import Foundation
import Terminal
import Testing

@testable import ConvScopeApp

/// Text snapshots of screens: the plain text, a separator, then the styled runs, so a
/// change of layout, wording or colour shows up as a readable diff.
///
/// Snapshots live in `__Snapshots__/NAME.txt` next to this file. To (re)record them run
/// `CONVSCOPE_RECORD_SNAPSHOTS=1 swift test --filter ConvScopeAppTests`; a recording run
/// fails on purpose, so it can never pass silently.
enum Snapshot {
    static let separator = "\n---- styled runs ----\n"

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__")

    /// Read once: Foundation's environment getter is not safe to call from many tests at once.
    static let isRecording = ProcessInfo.processInfo.environment["CONVSCOPE_RECORD_SNAPSHOTS"] == "1"

    /// The snapshot text of a buffer.
    static func text(of buffer: Buffer) -> String {
        buffer.plainText() + separator + buffer.styledRuns().joined(separator: "\n") + "\n"
    }

    /// Compares `buffer` with the stored snapshot `name`, or records it when recording.
    static func check(_ buffer: Buffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = folder.appendingPathComponent("\(name).txt")
        let actual = text(of: buffer)
        if isRecording {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try actual.write(to: file, atomically: true, encoding: .utf8)
                Issue.record(
                    "recorded snapshot \(name); run again without CONVSCOPE_RECORD_SNAPSHOTS to check it",
                    sourceLocation: sourceLocation)
            } catch {
                Issue.record("could not record snapshot \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record(
                """
                no snapshot \(name) at \(file.path); record it with \
                CONVSCOPE_RECORD_SNAPSHOTS=1 swift test --filter ConvScopeAppTests, look at it, then run again
                """, sourceLocation: sourceLocation)
            return
        }
        if actual != expected {
            Issue.record(
                """
                screen differs from snapshot \(name) (\(file.path)); first difference:
                \(firstDifference(expected, actual))
                actual screen:
                \(buffer.plainText())
                """, sourceLocation: sourceLocation)
        }
    }

    /// The first line that differs, as `line N: expected … / actual …`.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let (old, new) = (expected.components(separatedBy: "\n"), actual.components(separatedBy: "\n"))
        for index in 0..<max(old.count, new.count) {
            let (a, b) = (index < old.count ? old[index] : "<none>", index < new.count ? new[index] : "<none>")
            if a != b { return "line \(index + 1):\n  expected \(a)\n  actual   \(b)" }
        }
        return "none"
    }
}

extension Snapshot {
    /// Renders the model `start` makes at each size after `keys` and checks `NAME-WxH`.
    static func checkScreens(
        _ name: String, _ keys: [Key], sizes: [Size] = [AppFixtures.small, AppFixtures.large],
        start: (Size) throws -> AppModel = { try AppFixtures.demo(size: $0) },
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        for size in sizes {
            var model = try start(size)
            model.press(keys)
            check(model.render(), named: "\(name)-\(size)", sourceLocation: sourceLocation)
        }
    }
}
