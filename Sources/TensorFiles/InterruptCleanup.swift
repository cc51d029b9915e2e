#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Removes a temporary file when Ctrl-C (SIGINT), SIGTERM or SIGHUP arrives while it is
/// being written, then lets the signal do what it did before (end the process, or the
/// terminal's own handler), so an interrupted `-o` leaves nothing behind.
enum InterruptCleanup {
    /// The temporary file being written, as a C string the handler can pass to `unlink`.
    nonisolated(unsafe) private static var pending: UnsafeMutablePointer<CChar>?
    /// The handlers in place before ours, by signal number.
    nonisolated(unsafe) private static var previous: [sigaction] = Array(repeating: sigaction(), count: 65)
    private static let signals = [SIGINT, SIGTERM, SIGHUP]

    /// Runs `body`, which writes `path`; the signals above remove `path` until it returns.
    static func removing<T>(_ path: String, during body: () throws -> T) rethrows -> T {
        pending = strdup(path)
        for signal in signals {
            var action = sigaction()
            action.plainHandler = { received in
                if let path = InterruptCleanup.pending { unlink(path) }
                sigaction(received, &InterruptCleanup.previous[Int(received)], nil)
                raise(received)  // delivered with the old action once this handler returns
            }
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, &previous[Int(signal)])
            // A signal ignored before (nohup) stays ignored: the write goes on to the end.
            if unsafeBitCast(previous[Int(signal)].plainHandler, to: Int.self) == 1 {
                sigaction(signal, &previous[Int(signal)], nil)
            }
        }
        defer {
            for signal in signals { sigaction(signal, &previous[Int(signal)], nil) }
            free(pending)
            pending = nil
        }
        return try body()
    }
}

extension sigaction {
    /// The one-argument handler, under each C library's name for it (glibc's
    /// `__sigaction_handler.sa_handler`, Darwin's `__sigaction_u.__sa_handler`).
    fileprivate var plainHandler: (@convention(c) (Int32) -> Void)? {
        get {
            #if canImport(Glibc)
                __sigaction_handler.sa_handler
            #else
                __sigaction_u.__sa_handler
            #endif
        }
        set {
            #if canImport(Glibc)
                __sigaction_handler.sa_handler = newValue
            #else
                __sigaction_u.__sa_handler = newValue
            #endif
        }
    }
}
