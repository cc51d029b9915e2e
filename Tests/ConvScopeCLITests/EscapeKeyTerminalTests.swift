import Foundation
import Testing

/// Keys that used to quit the app (issue 14 point 10): Alt+key arrives as Esc then the key,
/// keypad 5 as `ESC O u` or `ESC [ E`. In a real terminal each is ignored — the app keeps
/// running on the same step — while a lone Esc still quits, as README documents.
@Suite(.serialized) struct EscapeKeyTerminalTests {
    /// tmux key names and raw bytes (hex) of sequences no key of ours uses.
    static let ignored: [(name: String, keys: [String], hex: Bool)] = [
        ("Alt+l", ["M-l"], false), ("Alt+q", ["M-q"], false), ("keypad 5", ["KP5"], false),
        ("ESC [ E", ["1b", "5b", "45"], true), ("ESC O u", ["1b", "4f", "75"], true),
        ("Ctrl+Right", ["1b", "5b", "31", "3b", "35", "43"], true),
    ]

    @Test func sequencesAndAltKeysAreIgnoredAndEscAloneQuits() async throws {
        let tmux = try TmuxSession()
        defer { tmux.kill() }
        try await tmux.openDemo()
        for (step, sequence) in Self.ignored.enumerated() {
            try tmux.tmux(["send-keys", "-t", tmux.target] + (sequence.hex ? ["-H"] : []) + sequence.keys)
            // Longer than the Esc delay and a frame: a quit or a step would show by now.
            try await Task.sleep(for: .milliseconds(300))
            let screen = try tmux.screen()
            #expect(screen.contains("step \(step + 1)/32"), "\(sequence.name) moved the screen: \(screen)")
            #expect(!screen.contains("rc="), "\(sequence.name) quit the app")
            // Still running and reading keys: one step forward.
            try tmux.press("Right")
            try await tmux.wait(for: "step \(step + 2)/32")
        }
        try tmux.press("Escape")
        #expect(try await tmux.exitStatus() == 0)
        try await tmux.expectRestored()
    }
}
