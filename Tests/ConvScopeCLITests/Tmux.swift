import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tmux server of its own running one command in a detached session, for tests that
/// need a real terminal.
struct Tmux {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static var isAvailable: Bool { (try? Tmux().tmux(["-V"])) != nil }

    private let socket = "convscope-test-\(UUID().uuidString)"

    func start(_ command: String, width: Int, height: Int) throws {
        try tmux(["new-session", "-d", "-s", "main", "-x", String(width), "-y", String(height), command])
    }

    func send(_ key: String) throws { try tmux(["send-keys", "-t", "main", key]) }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "main", "-x", String(width), "-y", String(height)])
    }

    /// The visible text of the pane.
    func screen() throws -> String { try tmux(["capture-pane", "-t", "main", "-p"]) }

    func waitForScreen(_ condition: (String) -> Bool) throws {
        try waitFor { condition(try screen()) }
    }

    /// Polls `condition` every 50 ms for up to 10 s.
    func waitFor(_ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if try condition() { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure(description: "timed out; the screen was:\n" + ((try? screen()) ?? "(gone)"))
    }

    func stop() { _ = try? tmux(["kill-server"]) }

    /// Runs `tmux -L socket arguments` and returns what it printed; a non-zero exit throws.
    ///
    /// Spawned and reaped directly rather than through Foundation's `Process`, whose exit
    /// detection waits on a descriptor that the server `new-session` forks inherits.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = (["tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawnp(&pid, "tmux", &actions, nil, argv, environ) == 0 else {
            throw Failure(description: "cannot run tmux")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed with wait status \(status)")
        }
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }
}
