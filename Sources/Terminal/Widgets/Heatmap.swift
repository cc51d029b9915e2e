/// A 2-d array of numbers drawn as colours, one column per value. In `.halfBlocks`
/// mode each terminal row shows two value rows; in `.shades` mode one. Values beyond
/// the area are cut off (the caller chooses which part to show by slicing `values`).
public struct Heatmap: Widget {
    /// Values by row; rows may differ in length.
    public var values: [[Double]]
    /// Values mapped to the ends of the scale; defaults to the finite values' range.
    public var range: ClosedRange<Double>
    public var scale: ColorScale
    public var mode: HeatmapMode

    public init(_ values: [[Double]], range: ClosedRange<Double>? = nil, scale: ColorScale = .heat, mode: HeatmapMode = .halfBlocks) {
        self.values = values
        self.range = range ?? ColorScale.finiteRange(of: values.joined()) ?? 0...1
        self.scale = scale
        self.mode = mode
    }

    /// Terminal cells needed to show all values.
    public var fullSize: Size {
        let rows = mode == .halfBlocks ? (values.count + 1) / 2 : values.count
        return Size(width: values.map(\.count).max() ?? 0, height: rows)
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let visible = area.intersection(buffer.bounds)
        for y in visible.y..<visible.maxY {
            for x in visible.x..<visible.maxX {
                if let cell = cell(column: x - area.x, row: y - area.y) {
                    buffer.put(Character(cell.symbol), x: x, y: y, style: cell.style)
                }
            }
        }
    }

    /// The cell for terminal row `row` and column `column` of the map, `nil` past the data.
    private func cell(column: Int, row: Int) -> Cell? {
        switch mode {
        case .halfBlocks:
            guard let upper = value(row: 2 * row, column: column) else { return nil }
            let lower = value(row: 2 * row + 1, column: column)
            let style = Style(
                foreground: scale.color(of: upper, in: range),
                background: lower.map { scale.color(of: $0, in: range) } ?? .default)
            return Cell(String(HeatmapMode.upperHalfBlock), style: style)
        case .shades(let colored):
            guard let value = value(row: row, column: column) else { return nil }
            let shade = HeatmapMode.shade(at: ColorScale.position(of: value, in: range))
            return Cell(String(shade), style: Style(foreground: colored ? scale.color(of: value, in: range) : .default))
        }
    }

    private func value(row: Int, column: Int) -> Double? {
        guard row < values.count, column < values[row].count else { return nil }
        return values[row][column]
    }
}
