import CNcursesw

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Puts the terminal back the way it was, whatever way the process ends while the
/// ncurses screen is up:
///
/// - `SIGINT` (Ctrl-C), `SIGTERM`, `SIGHUP`: restore, then exit with 128 + signal
///   (130, 143, 129). Swift `defer`s and deinitialisers do not run.
/// - `exit()` from anywhere: an `atexit` handler restores.
/// - crashes (`SIGILL` from `fatalError`/traps, `SIGSEGV`, `SIGBUS`, `SIGFPE`,
///   `SIGABRT`, `SIGTRAP`): restore, then hand the signal to whatever handler was
///   there before (Swift's backtracer), so crash reports still appear.
/// - `SIGTSTP` (Ctrl-Z): ncurses' own handler runs (restores the terminal, stops, and
///   redraws after `fg`), then the keypad is switched back on, which ncurses forgets:
///   without it the first arrow key after `fg` arrives as Esc `[` `C` and quits.
/// - `SIGCONT` and `SIGWINCH` are left to ncurses, which reports resizes.
///
/// The signal handlers call `endwin`, as ncurses' own handlers do.
enum TerminalRestorer {
    nonisolated(unsafe) private static var active = false
    nonisolated(unsafe) private static var installed = false
    /// Handlers in place before ours, by signal number, for chaining on crashes.
    nonisolated(unsafe) private static var previousActions: [sigaction] = Array(repeating: sigaction(), count: 65)

    private static let exitSignals = [SIGINT, SIGTERM, SIGHUP]
    private static let crashSignals = [SIGILL, SIGSEGV, SIGBUS, SIGFPE, SIGABRT, SIGTRAP]

    /// Marks the ncurses screen as up; installs the handlers on first use.
    /// Call right after `newterm`, so ours replace the ones ncurses installs.
    static func activate() {
        active = true
        guard !installed else { return }
        installed = true
        atexit { TerminalRestorer.restore() }
        for signal in exitSignals {
            install(signal) { received in
                TerminalRestorer.restore()
                _exit(128 + received)
            }
        }
        install(SIGTSTP) { received in
            // The handler ncurses installed in newterm, if any; it returns once continued.
            if let suspend = TerminalRestorer.previousActions[Int(received)].plainHandler,
                unsafeBitCast(suspend, to: Int.self) > 1
            {  // not SIG_DFL (0) or SIG_IGN (1)
                suspend(received)
            }
            if TerminalRestorer.active { keypad(cs_stdscr(), true) }
        }
        for signal in crashSignals {
            install(signal) { received in
                TerminalRestorer.restore()
                sigaction(received, &TerminalRestorer.previousActions[Int(received)], nil)
                raise(received)
            }
        }
    }

    /// Leaves curses mode (mouse reporting off, cursor visible, modes restored) if the
    /// screen is up; does nothing otherwise.
    static func restore() {
        guard active else { return }
        active = false
        mousemask(0, nil)
        curs_set(1)
        endwin()
    }

    private static func install(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        action.plainHandler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(signal, &action, &previousActions[Int(signal)])
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
