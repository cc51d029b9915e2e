/// A one-line colour key: `min <gradient> max`, drawn like the heat map it explains.
/// When the row is too narrow for a gradient only `min..max` is shown, and nothing
/// when even that does not fit (a cut number would mislead).
public struct Legend: Widget {
    public var range: ClosedRange<Double>
    public var scale: ColorScale
    public var mode: HeatmapMode
    /// Widest a bound's label may be.
    public var labelWidth: Int
    public var maxDecimals: Int

    public init(
        range: ClosedRange<Double>, scale: ColorScale = .heat, mode: HeatmapMode = .halfBlocks, labelWidth: Int = 8,
        maxDecimals: Int = 2
    ) {
        self.range = range
        self.scale = scale
        self.mode = mode
        self.labelWidth = labelWidth
        self.maxDecimals = maxDecimals
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let low = NumberFormat.fit(range.lowerBound, width: labelWidth, maxDecimals: maxDecimals)
        let high = NumberFormat.fit(range.upperBound, width: labelWidth, maxDecimals: maxDecimals)
        let row = area.row(0)
        let gradientWidth = area.width - low.count - high.count - 2
        guard gradientWidth >= 2 else {
            let range = "\(low)..\(high)"
            if range.count <= area.width { buffer.write(range, x: area.x, y: area.y, clip: row) }
            return
        }
        var x = buffer.write(low + " ", x: area.x, y: area.y, clip: row)
        for i in 0..<gradientWidth {
            let t = Double(i) / Double(gradientWidth - 1)
            let color = TermColor.rgb(scale.color(at: t))
            switch mode {
            case .halfBlocks:
                buffer.put(" ", x: x, y: area.y, style: Style(background: color), clip: row)
            case .shades(let colored):
                buffer.put(
                    HeatmapMode.shade(at: t), x: x, y: area.y, style: Style(foreground: colored ? color : .default),
                    clip: row)
            }
            x += 1
        }
        buffer.write(" " + high, x: x, y: area.y, clip: row)
    }
}
