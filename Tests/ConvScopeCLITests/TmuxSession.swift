import Foundation
import Testing

/// A private tmux server running `bash --norc` in one window, for driving the real
/// `convscope` binary in a real terminal. Every instance has its own socket, so tests
/// can run side by side; call `kill()` (in a `defer`) to end the server.
final class TmuxSession {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let socket = "convscope-\(UUID().uuidString.prefix(8))"
    let target = "app"
    /// Holds the `stty -a` records of `launch`.
    let scratch: URL
    /// The server's socket file, which tmux leaves behind when killed.
    private(set) var socketPath = ""

    init(width: Int = 80, height: Int = 24) throws {
        scratch = try makeScratchFolder()
        do {
            try tmux(
                "new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)",
                "LANG=C.UTF-8 PS1='$ ' bash --norc --noprofile")
            socketPath = try tmux("display-message", "-p", "#{socket_path}").trimmingCharacters(
                in: .whitespacesAndNewlines)
        } catch {
            kill()
            throw error
        }
    }

    /// Ends the server and removes its socket and the scratch folder.
    func kill() {
        _ = try? tmux("kill-server")
        if !socketPath.isEmpty { try? FileManager.default.removeItem(atPath: socketPath) }
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Runs `tmux -L socket ARGS` and returns its output.
    @discardableResult
    func tmux(_ arguments: String...) throws -> String { try tmux(arguments) }

    /// Spawned with `posix_spawn` and reaped with `waitpid`: Foundation's `Process` learns
    /// of a child's exit when a socket the child holds closes, and the server the first
    /// command starts inherits that socket and keeps it open, so `waitUntilExit` would hang.
    /// The signal mask and dispositions are reset: test threads block most signals, and the
    /// server, the shell and the app would inherit that (no SIGWINCH, no Ctrl-C, no exit).
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let output = scratch.appendingPathComponent("tmux-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let argv = ["env", "-u", "TMUX", "tmux", "-L", socket, "-f", "/dev/null"] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        var all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, "env", &actions, &attributes, &cArguments, environ)
        guard spawned == 0 else { throw Failure(description: "cannot run tmux: error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed (\(status)): \(text)")
        }
        return text
    }

    /// Types a command line into the shell and presses Enter.
    func type(_ line: String) throws {
        try tmux("send-keys", "-t", target, "-l", line)
        try tmux("send-keys", "-t", target, "Enter")
    }

    /// Sends keys by tmux name (`Right`, `C-c`, `q`).
    func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", target] + keys)
    }

    /// The two ways xterm-compatible terminals report the mouse.
    enum MouseEncoding: String, CaseIterable, Sendable {
        /// `ESC [ M` and three bytes: 32 + button, 33 + column, 33 + row.
        case x10
        /// `ESC [ < button ; column ; row M` (from 1), `m` for the release.
        case sgr
    }

    /// A left click at column x, row y (from 0): the press, then the release, as the bytes a
    /// terminal sends in `encoding`.
    func click(x: Int, y: Int, encoding: MouseEncoding = .x10) throws {
        let bytes: [Int] =
            switch encoding {
            case .x10: [0x1b, 0x5b, 0x4d, 0x20, x + 33, y + 33] + [0x1b, 0x5b, 0x4d, 0x23, x + 33, y + 33]
            case .sgr:
                ["\u{1b}[<0;\(x + 1);\(y + 1)M", "\u{1b}[<0;\(x + 1);\(y + 1)m"].flatMap { $0.utf8.map(Int.init) }
            }
        try tmux(["send-keys", "-t", target, "-H"] + bytes.map { String($0, radix: 16) })
    }

    func resize(width: Int, height: Int) throws {
        try tmux("resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)")
    }

    /// The visible text of the pane.
    func screen() throws -> String {
        try tmux("capture-pane", "-t", target, "-p")
    }

    /// Polls the pane until `condition` holds, for at most `seconds`; returns the screen.
    @discardableResult
    func wait(_ what: String, seconds: Double = 15, until condition: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var text = try screen()
        while !condition(text) {
            guard Date() < deadline else {
                throw Failure(description: "timed out waiting for \(what); screen:\n\(text)")
            }
            try await Task.sleep(for: .milliseconds(40))
            text = try screen()
        }
        return text
    }

    /// Waits until the pane shows `text`.
    @discardableResult
    func wait(for text: String, seconds: Double = 15) async throws -> String {
        try await wait("'\(text)'", seconds: seconds) { $0.contains(text) }
    }

    // MARK: Running the app and checking the terminal afterwards

    /// Runs `convscope ARGS` (with `environment`, e.g. `TERM=dumb`, set for it) between two
    /// `stty -a` records, then prints its exit status as `rc=N`. All of it runs as one script,
    /// so Ctrl-Z stops the whole job and `fg` resumes it where it was.
    func launch(_ arguments: String, environment: String = "") throws {
        let (before, after) = (
            scratch.appendingPathComponent("before").path, scratch.appendingPathComponent("after").path
        )
        let script = scratch.appendingPathComponent("launch.sh")
        try """
        stty -a > '\(before)'
        env \(environment) '\(ConvscopeProcess.binary.path)' \(arguments)
        echo rc=$?
        stty -a > '\(after).new'; mv '\(after).new' '\(after)'

        """.write(to: script, atomically: true, encoding: .utf8)
        try type("bash --norc '\(script.path)'")
    }

    /// The process id of the running app: a descendant of the pane's shell running the binary.
    func appPID() throws -> pid_t {
        var queue = [
            try tmux("display-message", "-p", "-t", target, "#{pane_pid}").trimmingCharacters(
                in: .whitespacesAndNewlines)
        ]
        while let pid = queue.popLast() {
            let command = (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? ""
            if command.hasPrefix(ConvscopeProcess.binary.path + "\0") { return pid_t(pid)! }
            let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
            queue += children.split(separator: " ").map(String.init)
        }
        throw Failure(description: "the app is not running")
    }

    /// The pane with its colour and attribute escapes (`capture-pane -e`).
    func styledScreen() throws -> String {
        try tmux("capture-pane", "-t", target, "-p", "-e")
    }

    /// Waits for the `rc=N` line `launch` prints and returns N.
    func exitStatus() async throws -> Int32 {
        let pattern = /rc=(\d+)/
        let text = try await wait("the exit status") { $0.contains(pattern) }
        return Int32(text.firstMatch(of: pattern)!.1)!
    }

    /// Launches the demo, paused, and waits for its first frame; returns the screen.
    @discardableResult
    func openDemo(environment: String = "") async throws -> String {
        try launch("demo --paused", environment: environment)
        return try await wait(for: "step 1/32")
    }

    /// Quits with `q`, then expects exit status 0 and the terminal as the app found it.
    func quitAndExpectRestored(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try press("q")
        #expect(try await exitStatus() == 0, sourceLocation: sourceLocation)
        try await expectRestored(sourceLocation: sourceLocation)
    }

    /// Checks the terminal is as the app found it: same `stty -a`, cursor shown, main screen.
    func expectRestored(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let files = ["before", "after"].map { scratch.appendingPathComponent($0) }
        try await wait("stty -a after the app") { _ in FileManager.default.fileExists(atPath: files[1].path) }
        let (before, after) = try (
            String(contentsOf: files[0], encoding: .utf8), String(contentsOf: files[1], encoding: .utf8)
        )
        #expect(!before.isEmpty && before == after, "stty -a changed", sourceLocation: sourceLocation)
        let flags = try tmux("display-message", "-p", "-t", target, "#{cursor_flag} #{alternate_on}")
        #expect(
            flags.trimmingCharacters(in: .whitespacesAndNewlines) == "1 0", "cursor shown, alternate screen off",
            sourceLocation: sourceLocation)
    }
}
