/// Why a terminal user interface cannot start. Descriptions are one line without a
/// program name; the command line adds its own prefix.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (piped, redirected, CI).
    case notATerminal
    /// `TERM` is unset, empty or `dumb`.
    case unsupportedTerminal(String?)
    /// ncurses has no description of `TERM`.
    case unknownTerminal(String)

    public var description: String {
        switch self {
        case .notATerminal:
            "stdin or stdout is not a terminal; use `convscope render` to print a screen as text"
        case .unsupportedTerminal(let term):
            "TERM is \(term.map { "'\($0)'" } ?? "not set"), which cannot show a full-screen view; use `convscope "
                + "render` to print a screen as text"
        case .unknownTerminal(let term):
            "unknown terminal type '\(term)' (no terminfo entry); set TERM to one this system knows, e.g. "
                + "xterm-256color, or use `convscope render` to print a screen as text"
        }
    }
}
