/// The characters widgets draw with, in a Unicode and an ASCII variant so every widget
/// has a fallback for terminals without UTF-8.
public struct Glyphs: Hashable, Sendable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    /// Marks text that was cut short.
    public var ellipsis: String
    /// The "by" in sizes such as 80×24.
    public var times: String

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        ellipsis: "…", times: "×")
    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        ellipsis: "~", times: "x")

    /// The glyph set a terminal with `capabilities` can show.
    public init(_ capabilities: TerminalCapabilities) {
        self = capabilities.unicode ? .unicode : .ascii
    }

    public init(
        horizontal: Character, vertical: Character, topLeft: Character, topRight: Character,
        bottomLeft: Character, bottomRight: Character, ellipsis: String, times: String
    ) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.ellipsis = ellipsis
        self.times = times
    }
}
