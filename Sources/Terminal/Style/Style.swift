/// Text attributes a cell can carry.
public struct CellAttributes: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = CellAttributes(rawValue: 1 << 0)
    public static let dim = CellAttributes(rawValue: 1 << 1)
    public static let reverse = CellAttributes(rawValue: 1 << 2)
    public static let underline = CellAttributes(rawValue: 1 << 3)
    public static let italic = CellAttributes(rawValue: 1 << 4)

    private static let names: [(CellAttributes, String)] = [
        (.bold, "bold"), (.dim, "dim"), (.reverse, "reverse"), (.underline, "underline"), (.italic, "italic"),
    ]

    /// Names joined by `+`, e.g. `bold+underline`; empty for none.
    public var description: String {
        Self.names.filter { contains($0.0) }.map(\.1).joined(separator: "+")
    }
}

/// Colours and attributes applied to written text.
public struct Style: Hashable, Sendable {
    public var foreground: TermColor
    public var background: TermColor
    public var attributes: CellAttributes

    public init(foreground: TermColor = .default, background: TermColor = .default, attributes: CellAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's default look.
    public static let plain = Style()
    public static let bold = Style(attributes: .bold)
    public static let dim = Style(attributes: .dim)
    public static let reverse = Style(attributes: .reverse)
}
