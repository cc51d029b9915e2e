/// One terminal cell: a grapheme and the style it is drawn with.
///
/// A wide grapheme (CJK, emoji) occupies its own cell and the one to its right; the
/// right one is a *continuation* cell with an empty symbol, which backends skip.
public struct Cell: Hashable, Sendable {
    /// The grapheme shown, `""` for the right half of a wide grapheme.
    public var symbol: String
    public var style: Style

    public init(_ symbol: String = " ", style: Style = .plain) {
        self.symbol = symbol
        self.style = style
    }

    /// A space in the default style.
    public static let blank = Cell()

    /// Whether this cell is the right half of a wide grapheme.
    public var isContinuation: Bool { symbol.isEmpty }
}
