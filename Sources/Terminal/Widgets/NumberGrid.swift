/// A table of numbers in right-aligned columns of equal width. One number of decimals
/// (the most that lets the values fit, capped by `maxDecimals`) is used for the whole
/// grid so values compare at a glance; non-finite values get `nonFiniteStyle`.
/// Only whole columns and rows are drawn.
public struct NumberGrid: Widget {
    /// Values by row.
    public var rows: [[Double]]
    public var columnWidth: Int
    public var maxDecimals: Int
    /// Optional headers, drawn bold and right-aligned above the columns.
    public var columnHeaders: [String]
    public var style: Style
    public var nonFiniteStyle: Style
    public var glyphs: Glyphs

    public init(
        _ rows: [[Double]], columnWidth: Int, maxDecimals: Int = 3, columnHeaders: [String] = [],
        style: Style = .plain, nonFiniteStyle: Style = Style(foreground: .magenta), glyphs: Glyphs = .unicode
    ) {
        self.rows = rows
        self.columnWidth = columnWidth
        self.maxDecimals = maxDecimals
        self.columnHeaders = columnHeaders
        self.style = style
        self.nonFiniteStyle = nonFiniteStyle
        self.glyphs = glyphs
    }

    /// Columns are separated by one space.
    public static let gap = 1

    /// The area needed to show every value.
    public var fullSize: Size {
        let columns = rows.map(\.count).max() ?? 0
        let width = columns == 0 ? 0 : columns * columnWidth + (columns - 1) * Self.gap
        return Size(width: width, height: rows.count + (columnHeaders.isEmpty ? 0 : 1))
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard columnWidth > 0 else { return }
        let decimals = NumberFormat.decimals(toFit: rows.flatMap { $0 }, width: columnWidth, maxDecimals: maxDecimals)
        var y = area.y
        if !columnHeaders.isEmpty {
            drawRow(columnHeaders, style: { _ in .bold }, y: y, into: &buffer, area: area)
            y += 1
        }
        for row in rows {
            let texts = row.map { value -> String in
                let text = NumberFormat.fixed(value, decimals: decimals)
                return text.count <= columnWidth ? text : NumberFormat.fit(value, width: columnWidth, maxDecimals: decimals)
            }
            drawRow(texts, style: { row[$0].isFinite ? style : nonFiniteStyle }, y: y, into: &buffer, area: area)
            y += 1
        }
    }

    private func drawRow(_ texts: [String], style: (Int) -> Style, y: Int, into buffer: inout Buffer, area: Rect) {
        guard y < area.maxY else { return }
        for (column, text) in texts.enumerated() {
            let cell = Rect(x: area.x + column * (columnWidth + Self.gap), y: y, width: columnWidth, height: 1)
            guard cell.maxX <= area.maxX else { return }
            Label(text, style: style(column), alignment: .right, glyphs: glyphs).render(into: &buffer, area: cell)
        }
    }
}
