/// A colour as widgets ask for it. Backends map it down to what the terminal supports
/// with `mapped(to:)`, so widgets can ask for heat colours without knowing the terminal.
public enum TermColor: Hashable, Sendable, CustomStringConvertible {
    /// The terminal's own foreground or background.
    case `default`
    /// One of the 16 ANSI colours (0–7 normal, 8–15 bright).
    case ansi(UInt8)
    /// An entry of the xterm 256-colour palette.
    case indexed(UInt8)
    /// A true colour, shown as its nearest palette entry.
    case rgb(RGB)

    public static let black = TermColor.ansi(0)
    public static let red = TermColor.ansi(1)
    public static let green = TermColor.ansi(2)
    public static let yellow = TermColor.ansi(3)
    public static let blue = TermColor.ansi(4)
    public static let magenta = TermColor.ansi(5)
    public static let cyan = TermColor.ansi(6)
    public static let white = TermColor.ansi(7)

    public var description: String {
        switch self {
        case .default: "default"
        case .ansi(let n): "ansi(\(n))"
        case .indexed(let n): "idx(\(n))"
        case .rgb(let c): c.description
        }
    }
}
