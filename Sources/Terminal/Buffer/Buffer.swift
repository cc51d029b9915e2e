/// A width×height grid of cells that widgets draw into and backends display.
///
/// All writes are clipped to the buffer (and optionally a clip rectangle), so drawing
/// past an edge is harmless. Wide graphemes take two cells; overwriting either half of
/// one blanks the other half, so the grid never holds half a wide grapheme.
public struct Buffer: Sendable {
    public let width: Int
    public let height: Int
    private var cells: [Cell]
    /// Columns a grapheme occupies; must agree with the terminal's `wcwidth`.
    public let widthOf: @Sendable (Character) -> Int

    public init(width: Int, height: Int, widthOf: @escaping @Sendable (Character) -> Int = CharacterWidth.of) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
        self.widthOf = widthOf
    }

    public init(size: Size) { self.init(width: size.width, height: size.height) }

    public var size: Size { Size(width: width, height: height) }
    public var bounds: Rect { Rect(size: size) }

    /// Columns `text` occupies according to `widthOf`.
    public func columns(of text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + widthOf($1) }
    }

    /// The cell at (x, y), or `nil` outside the buffer.
    public subscript(x x: Int, y y: Int) -> Cell? {
        bounds.contains(Point(x: x, y: y)) ? cells[y * width + x] : nil
    }

    /// Puts one grapheme with `style` at (x, y); ignored outside `clip` ∩ bounds.
    /// A wide grapheme that would cross the clip's right edge is drawn as a space.
    /// Returns the number of columns advanced (the grapheme's width).
    @discardableResult
    public mutating func put(_ character: Character, x: Int, y: Int, style: Style, clip: Rect? = nil) -> Int {
        let area = clip.map(bounds.intersection) ?? bounds
        let w = widthOf(character)
        guard w > 0, area.contains(Point(x: x, y: y)) else { return w }
        if w == 2 && x + 1 < area.maxX {
            replace(x: x, y: y, with: Cell(String(character), style: style))
            replace(x: x + 1, y: y, with: Cell("", style: style))
        } else {
            replace(x: x, y: y, with: Cell(w == 1 ? String(character) : " ", style: style))
        }
        return w
    }

    /// Writes `text` starting at (x, y) on one line, clipped to `clip` ∩ bounds.
    /// Control characters are dropped. Returns the column after the last grapheme.
    @discardableResult
    public mutating func write(_ text: some StringProtocol, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil)
        -> Int
    {
        var column = x
        for character in text {
            column += put(character, x: column, y: y, style: style, clip: clip)
        }
        return column
    }

    /// Sets every cell of `rect` (clipped to the buffer) to `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let area = rect.intersection(bounds)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                replace(x: x, y: y, with: cell)
            }
        }
    }

    /// Replaces one in-bounds cell, blanking the other half of a wide grapheme it cuts.
    private mutating func replace(x: Int, y: Int, with cell: Cell) {
        let index = y * width + x
        if cells[index].isContinuation && x > 0 {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        }
        if x + 1 < width && cells[index + 1].isContinuation && !cell.isContinuation {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }

    /// The rows as strings, continuation cells skipped and trailing spaces removed.
    public func plainTextLines() -> [String] {
        (0..<height).map { y in
            var line = cells[(y * width)..<((y + 1) * width)].map(\.symbol).joined()
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// `plainTextLines()` joined with newlines.
    public func plainText() -> String { plainTextLines().joined(separator: "\n") }

    /// The cells of row `y` (which must be in bounds).
    func row(_ y: Int) -> ArraySlice<Cell> { cells[(y * width)..<((y + 1) * width)] }
}

extension Buffer: Equatable {
    /// Buffers are equal when they have the same size and cells (the width function is not compared).
    public static func == (lhs: Buffer, rhs: Buffer) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells
    }
}
