/// How many colours the terminal can show; widgets and backends map colours down to it.
public enum ColorDepth: Int, Comparable, Sendable, CaseIterable {
    case none = 0
    case eight = 8
    case sixteen = 16
    case twoFiftySix = 256

    /// The deepest depth a terminal reporting `count` colours (ncurses `COLORS`) supports.
    public init(colorCount count: Int) {
        switch count {
        case 256...: self = .twoFiftySix
        case 16...: self = .sixteen
        case 8...: self = .eight
        default: self = .none
        }
    }

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }
}
