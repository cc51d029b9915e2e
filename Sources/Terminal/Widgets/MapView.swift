import Foundation

/// One 2-d map (an input channel, a kernel, an output map) drawn into an area, as
/// right-aligned numbers or as a heat map, with a viewport that keeps a focus region
/// visible when the map is larger than the area. It knows nothing of tensors: the caller
/// gives the map's size, the value and the mark of each cell (row, column), and a mode.
public struct MapView: Widget {
    public enum Mode: Equatable, Sendable {
        /// `width` columns per value plus one of gap; one row per value.
        case numbers(width: Int, decimals: Int)
        /// One column per value; `.halfBlocks` packs two value rows into one terminal row.
        case heat(HeatmapMode, range: ClosedRange<Double>, scale: ColorScale = .heat)
    }

    public let rows: Int
    public let columns: Int
    /// The value at (row, column).
    public let value: (Int, Int) -> Double
    /// What the cell at (row, column) means at this step, which decides its style.
    public let mark: (Int, Int) -> CellMark
    public let mode: Mode
    /// Rows and columns that must stay in view (the window, the current cell).
    public let focus: (rows: ClosedRange<Int>, columns: ClosedRange<Int>)
    /// Whether the gap after a marked number carries a character saying what the colour
    /// would (for terminals and pipes without colour).
    public var textMarks = false

    public init(
        rows: Int, columns: Int, value: @escaping (Int, Int) -> Double,
        mark: @escaping (Int, Int) -> CellMark = { _, _ in .plain }, mode: Mode,
        focus: (rows: ClosedRange<Int>, columns: ClosedRange<Int>) = (0...0, 0...0)
    ) {
        self.rows = rows
        self.columns = columns
        self.value = value
        self.mark = mark
        self.mode = mode
        self.focus = focus
    }

    /// Columns one value takes, gap included.
    var columnPitch: Int {
        if case .numbers(let width, _) = mode { return width + 1 }
        return 1
    }

    /// Value rows per terminal row.
    var rowsPerLine: Int { MapView.rowsPerLine(mode) }

    static func rowsPerLine(_ mode: Mode) -> Int {
        if case .heat(.halfBlocks, _, _) = mode { return 2 }
        return 1
    }

    /// Terminal rows needed for `rows` value rows in `mode`.
    public static func lines(_ rows: Int, _ mode: Mode) -> Int {
        (rows + rowsPerLine(mode) - 1) / rowsPerLine(mode)
    }

    /// The area needed to show the whole map; numbers keep the gap after the last column,
    /// where a plain-text mark may go.
    public var fullSize: Size {
        Size(width: columns * columnPitch, height: (rows + rowsPerLine - 1) / rowsPerLine)
    }

    /// The first visible row and column, and how many of each fit in `area`.
    public func viewport(in area: Rect) -> (row: Int, column: Int, rows: Int, columns: Int) {
        let visibleColumns = min(columns, (area.width + (columnPitch > 1 ? 1 : 0)) / columnPitch)
        let visibleRows = min(rows, area.height * rowsPerLine)
        func start(_ focus: ClosedRange<Int>, visible: Int, total: Int, step: Int) -> Int {
            guard visible < total, visible > 0 else { return 0 }
            let centre = (focus.lowerBound + focus.upperBound) / 2
            var first = min(max(centre - visible / 2, 0), total - visible)
            // Keep the whole focus visible when it fits.
            if focus.upperBound >= first + visible { first = focus.upperBound - visible + 1 }
            if focus.lowerBound < first { first = focus.lowerBound }
            // Half blocks pair rows from an even row: move by one to stay aligned, towards
            // whichever side keeps the focus in view.
            if first % step != 0 {
                first += focus.upperBound >= first - 1 + visible && first + 1 <= focus.lowerBound ? 1 : -1
            }
            return min(max(0, first), max(0, total - visible + (total - visible) % step))
        }
        let row = start(focus.rows, visible: visibleRows, total: rows, step: rowsPerLine)
        let column = start(focus.columns, visible: visibleColumns, total: columns, step: 1)
        return (row, column, min(visibleRows, rows - row), visibleColumns)
    }

    /// Whether the whole map is visible in `area`.
    public func fitsWhole(in area: Rect) -> Bool { area.size.fits(fullSize) }

    /// Draws the visible part.
    public func render(into buffer: inout Buffer, area: Rect) {
        let view = viewport(in: area)
        switch mode {
        case .numbers(let width, let decimals):
            for r in 0..<view.rows {
                for c in 0..<view.columns {
                    let (row, column) = (view.row + r, view.column + c)
                    let v = value(row, column)
                    let m = mark(row, column)
                    let text = m == .pending ? "·" : MapView.number(v, width: width, decimals: decimals)
                    let padded = String(repeating: " ", count: max(0, width - text.count)) + text
                    let x = buffer.write(
                        padded, x: area.x + c * columnPitch, y: area.y + r,
                        style: MarkStyle.numberStyle(m, value: v), clip: area)
                    if textMarks, let glyph = MarkStyle.textMark(m) {
                        buffer.put(glyph, x: x, y: area.y + r, style: .plain, clip: area)
                    }
                }
            }
        case .heat(let heatMode, let range, let scale):
            func color(_ row: Int, _ column: Int) -> TermColor {
                let v = value(row, column)
                return MarkStyle.heatOverride(mark(row, column)) ?? MarkStyle.nonFiniteColor(v)
                    ?? scale.color(of: v, in: range)
            }
            for line in 0..<((view.rows + rowsPerLine - 1) / rowsPerLine) {
                for c in 0..<view.columns {
                    let (row, column) = (view.row + line * rowsPerLine, view.column + c)
                    let (x, y) = (area.x + c, area.y + line)
                    switch heatMode {
                    case .halfBlocks:
                        let lower = row + 1 < view.row + view.rows ? color(row + 1, column) : .default
                        buffer.put(
                            HeatmapMode.upperHalfBlock, x: x, y: y,
                            style: Style(foreground: color(row, column), background: lower), clip: area)
                    case .shades(let colored):
                        let m = mark(row, column)
                        let v = value(row, column)
                        let shade: Character =
                            m != .plain && m != .done
                            ? MarkStyle.shadeGlyph(m)
                            : v.isInfinite
                                ? (v > 0 ? "+" : "-")
                                : HeatmapMode.shade(at: ColorScale.position(of: v, in: range))
                        buffer.put(
                            shade, x: x, y: y, style: colored ? Style(foreground: color(row, column)) : .plain,
                            clip: area)
                    }
                }
            }
        }
    }

    /// The map cell under a point of `area`, if any.
    public func cell(at point: Point, in area: Rect) -> (row: Int, column: Int)? {
        guard area.contains(point) else { return nil }
        let view = viewport(in: area)
        let offset = point.x - area.x
        if columnPitch > 1 && offset % columnPitch == columnPitch - 1 { return nil }
        let c = offset / columnPitch
        let r = (point.y - area.y) * rowsPerLine
        guard c < view.columns, r < view.rows else { return nil }
        return (view.row + r, view.column + c)
    }

    /// A value in at most `width` columns with the map's shared number of decimals.
    public static func number(_ v: Double, width: Int, decimals: Int) -> String {
        let text = NumberFormat.fixed(v, decimals: decimals)
        return text.count <= width ? text : NumberFormat.fit(v, width: width, maxDecimals: decimals)
    }

    /// The narrowest column (at most `limit`) and the decimals that show `values` legibly:
    /// integers as integers, otherwise up to `maxDecimals` decimals. Only the extremes are
    /// formatted (the widest number is the smallest or the largest), so big maps stay cheap.
    public static func numberFormat(
        for values: [Double], limit: Int = 7,
        maxDecimals: Int = 2
    ) -> (width: Int, decimals: Int) {
        var low = Double.infinity
        var high = -Double.infinity
        var integral = true
        var special = false
        for v in values {
            guard v.isFinite else {
                special = true
                continue
            }
            low = min(low, v)
            high = max(high, v)
            if integral && v != v.rounded() { integral = false }
        }
        return numberFormat(
            low: low, high: high, integral: integral, special: special, limit: limit, maxDecimals: maxDecimals)
    }

    /// `numberFormat(for:)` from what it reads of the values: the least and greatest finite
    /// ones (`low > high` when none is finite), whether all finite ones are whole numbers,
    /// and whether any is NaN or infinite. For callers that keep these per tensor.
    public static func numberFormat(
        low: Double, high: Double, integral: Bool, special: Bool, limit: Int = 7,
        maxDecimals: Int = 2
    ) -> (width: Int, decimals: Int) {
        // Small values get more decimals, so a map of gradients near 0.01 does not read as zeros.
        let largest = max(abs(low), abs(high))
        let extra = largest > 0 && largest < 0.1 ? min(3, Int(-Foundation.log10(largest).rounded(.down)) - 1) : 0
        let decimals = integral ? 0 : maxDecimals + max(0, extra)
        let widest =
            low > high
            ? 1
            : max(
                NumberFormat.fixed(low, decimals: decimals).count,
                NumberFormat.fixed(high, decimals: decimals).count)
        return (min(max(widest, special ? 4 : 1), limit), decimals)
    }
}
