/// One line of text, aligned in its area's first row and truncated with an ellipsis
/// when it does not fit.
public struct Label: Widget {
    public var text: String
    public var style: Style
    public var alignment: Alignment
    public var glyphs: Glyphs

    public init(_ text: String, style: Style = .plain, alignment: Alignment = .left, glyphs: Glyphs = .unicode) {
        self.text = text
        self.style = style
        self.alignment = alignment
        self.glyphs = glyphs
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        let fitted = TextFitting.truncate(text, toWidth: area.width, ellipsis: glyphs.ellipsis, widthOf: buffer.widthOf)
        let fittedWidth = buffer.columns(of: fitted)
        let x = area.x + alignment.offset(textWidth: fittedWidth, areaWidth: area.width)
        buffer.write(fitted, x: x, y: area.y, style: style, clip: row)
    }
}

/// Several lines, one per row of the area, each a `Label`; lines beyond the area's
/// height are not drawn.
public struct Text: Widget {
    public var lines: [String]
    public var style: Style
    public var alignment: Alignment
    public var glyphs: Glyphs

    public init(_ text: String, style: Style = .plain, alignment: Alignment = .left, glyphs: Glyphs = .unicode) {
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        self.style = style
        self.alignment = alignment
        self.glyphs = glyphs
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        for (index, line) in lines.prefix(area.height).enumerated() {
            Label(line, style: style, alignment: alignment, glyphs: glyphs).render(into: &buffer, area: area.row(index))
        }
    }
}
