import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a program in a process group of its own with a time limit: stdin and stdout are
/// /dev/null, stderr goes to a file. When the limit passes, or the program ends, or we are
/// interrupted, the whole group is killed, so nothing the program started outlives us.
enum ChildProcess {
    enum Outcome: Equatable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
    }

    /// The running child's group, for the interrupt handler (0 when none runs).
    nonisolated(unsafe) private static var runningGroup: pid_t = 0

    /// Runs `arguments` (the first found on PATH) with `environment`; throws when it cannot start.
    static func run(_ arguments: [String], environment: [String: String], stderrPath: String, timeout: Double) throws
        -> Outcome
    {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let started = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard started == 0 else { throw POSIXError(POSIXErrorCode(rawValue: started) ?? .EIO) }

        runningGroup = pid
        let previous = [SIGINT, SIGTERM, SIGHUP].map { ($0, signal($0, endGroupAndExit)) }
        defer {
            kill(-pid, SIGKILL)
            runningGroup = 0
            for (number, handler) in previous { signal(number, handler) }
        }
        return wait(for: pid, deadline: Date(timeIntervalSinceNow: timeout))
    }

    /// Polls the child until it ends or the deadline passes (then kills its group).
    private static func wait(for pid: pid_t, deadline: Date) -> Outcome {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                let signal = status & 0x7f
                return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
            }
            if result == -1 && errno != EINTR { return .signalled(SIGKILL) }
            if Date() >= deadline {
                kill(-pid, SIGKILL)
                while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                return .timedOut
            }
            usleep(5_000)
        }
    }

    /// Interrupted while the child runs: end its group too, then exit as the signal asks.
    private static let endGroupAndExit: @convention(c) (Int32) -> Void = { number in
        if ChildProcess.runningGroup > 0 { kill(-ChildProcess.runningGroup, SIGKILL) }
        _exit(128 + number)
    }
}
