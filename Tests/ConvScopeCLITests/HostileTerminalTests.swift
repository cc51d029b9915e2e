import ConvScopeCore
import Foundation
import TensorFiles
import Testing

/// The real binary in terminals that misbehave: tiny, resized in a storm, dumb or unknown,
/// colourless, ASCII-only, killed, suspended. After each the terminal is as it was
/// (`TmuxSession.expectRestored`). A crash mid-animation cannot be provoked without a bug;
/// the restorer's crash path is covered by its signal handlers, not here.
@Suite(.serialized) struct HostileTerminalTests {
    /// Opens `demo --paused` (with `environment`) and waits for its first step.
    /// Steps once, quits, and expects exit status 0 and a restored terminal.
    func stepAndQuit(_ tmux: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try tmux.press("Right")
        try await tmux.wait(for: "step 2/32")
        try tmux.press("q")
        #expect(try await tmux.exitStatus() == 0, sourceLocation: sourceLocation)
        try await tmux.expectRestored(sourceLocation: sourceLocation)
    }

    @Test func shrunkTo10x5AndGrownBack() async throws {
        let tmux = try TmuxSession()
        defer { tmux.kill() }
        try await tmux.openDemo()
        try tmux.resize(width: 10, height: 5)
        try await tmux.wait("the tiny screen") { !$0.contains("step 1/32") }
        try tmux.resize(width: 80, height: 24)
        try await tmux.wait(for: "step 1/32")
        try await stepAndQuit(tmux)
    }

    @Test func resizeStorm() async throws {
        let tmux = try TmuxSession()
        defer { tmux.kill() }
        try await tmux.openDemo()
        for i in 0..<20 {
            try tmux.resize(width: 12 + (i * 37) % 150, height: 4 + (i * 11) % 50)
        }
        // Back to the starting size, which `stty -a` records too.
        try tmux.resize(width: 80, height: 24)
        let screen = try await tmux.wait(for: "step 1/32")
        #expect(screen.split(separator: "\n").allSatisfy { $0.count <= 80 })
        try await stepAndQuit(tmux)
    }

    @Test(arguments: [
        ("dumb", "convscope: TERM is 'dumb', which cannot show a full-screen view"),
        ("no-such-terminal", "convscope: unknown terminal type 'no-such-terminal'"),
    ])
    func unusableTERMIsRefused(term: String, message: String) async throws {
        let tmux = try TmuxSession()
        defer { tmux.kill() }
        try tmux.launch("demo", environment: "TERM=\(term)")
        #expect(try await tmux.exitStatus() == 1)
        #expect(try tmux.screen().contains(message))
        try await tmux.expectRestored()
    }

    @Test func noColorMeansNoColourEscapes() async throws {
        let tmux = try TmuxSession()
        defer { tmux.kill() }
        try await tmux.openDemo(environment: "NO_COLOR=1")
        let parameters = try tmux.styledScreen().matches(of: /\u{1b}\[([0-9;]*)m/).flatMap {
            $0.1.split(separator: ";")
        }
        // 39 and 49 reset to the terminal's default colours; tmux writes them for plain cells.
        let colours = parameters.compactMap { Int($0) }.filter {
            ((30...49).contains($0) && $0 % 10 != 9) || (90...107).contains($0)
        }
        #expect(colours.isEmpty, "colour escapes: \(colours)")
        try await stepAndQuit(tmux)
    }

    @Test func cLocaleDrawsASCII() async throws {
        let tmux = try TmuxSession()
        defer { tmux.kill() }
        try await tmux.openDemo(environment: "LANG=C LC_ALL=C")
        let screen = try tmux.screen()
        #expect(screen.contains("+-"), "\(screen)")
        #expect(screen.unicodeScalars.allSatisfy { $0.isASCII }, "\(screen)")
        try await stepAndQuit(tmux)
    }

    @Test func sigtermRestoresTheTerminal() async throws {
        let tmux = try TmuxSession()
        defer { tmux.kill() }
        try tmux.launch("demo")
        try await tmux.wait(for: "ConvScope 1/")
        let pid = try tmux.appPID()
        #expect(kill(pid, SIGTERM) == 0)
        #expect(try await tmux.exitStatus() == 143)
        try await tmux.expectRestored()
    }

    /// Ctrl-Z and `fg` with the app as the shell's job itself (not inside `launch`'s script),
    /// so the shell's job control sees the stop directly.
    @Test func ctrlZThenFgRedrawsAndKeepsWorking() async throws {
        let tmux = try TmuxSession()
        defer { tmux.kill() }
        let (before, after) = (
            tmux.scratch.appendingPathComponent("before").path, tmux.scratch.appendingPathComponent("after").path
        )
        try tmux.type("stty -a > '\(before)'")
        try tmux.type("'\(ConvscopeProcess.binary.path)' demo --paused")
        try await tmux.wait(for: "step 1/32")
        try await Task.sleep(for: .milliseconds(300))
        try tmux.press("C-z")
        try await tmux.wait(for: "Stopped")
        let flags = try tmux.tmux("display-message", "-p", "-t", tmux.target, "#{cursor_flag} #{alternate_on}")
        #expect(
            flags.trimmingCharacters(in: .whitespacesAndNewlines) == "1 0", "while suspended: cursor shown, main screen"
        )
        try tmux.type("fg")
        try await tmux.wait(for: "step 1/32")
        try tmux.press("Right")
        try await tmux.wait(for: "step 2/32")
        try tmux.press("q")
        try tmux.type("echo rc=$?; stty -a > '\(after)'")
        #expect(try await tmux.exitStatus() == 0)
        try await tmux.wait("stty -a after the app") { _ in FileManager.default.fileExists(atPath: after) }
        try await Task.sleep(for: .milliseconds(100))
        #expect(try String(contentsOfFile: before, encoding: .utf8) == String(contentsOfFile: after, encoding: .utf8))
        let restored = try tmux.tmux("display-message", "-p", "-t", tmux.target, "#{cursor_flag} #{alternate_on}")
        #expect(restored.trimmingCharacters(in: .whitespacesAndNewlines) == "1 0", "cursor shown, main screen")
    }

    /// NaN inputs make the CNN's loss NaN: the failing SGD step stops playback; the app lives on.
    @Test func failingTrainingStepMidAnimation() async throws {
        let tmux = try TmuxSession()
        defer { tmux.kill() }
        let bundle = tmux.scratch.appendingPathComponent("nan.npz")
        try NPZ.write(["A": Tensor(shape: [4, 1, 8, 8], repeating: .nan), "Y": Tensor([0, 1, 0, 1])], to: bundle)
        try tmux.launch("cnn '\(bundle.path)'")
        try await tmux.wait(for: "ConvScope")
        try tmux.press("Space")
        try tmux.press("?")
        try await tmux.wait(for: "ConvScope keys")
        try await tmux.quitAndExpectRestored()
    }
}
