/// A border around an area with an optional title in the top edge, e.g.
/// `┌─ Conv1 ─┐`. Draw the content into `inner(of:)`.
public struct Box: Widget {
    public var title: String
    public var style: Style
    public var titleStyle: Style
    public var glyphs: Glyphs

    public init(title: String = "", style: Style = .plain, titleStyle: Style = .bold, glyphs: Glyphs = .unicode) {
        self.title = title
        self.style = style
        self.titleStyle = titleStyle
        self.glyphs = glyphs
    }

    /// The area inside the border.
    public func inner(of area: Rect) -> Rect { area.inset(by: 1) }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard area.width >= 2, area.height >= 2 else { return }
        let right = area.maxX - 1
        let bottom = area.maxY - 1
        for x in area.x + 1..<right {
            buffer.put(glyphs.horizontal, x: x, y: area.y, style: style)
            buffer.put(glyphs.horizontal, x: x, y: bottom, style: style)
        }
        for y in area.y + 1..<bottom {
            buffer.put(glyphs.vertical, x: area.x, y: y, style: style)
            buffer.put(glyphs.vertical, x: right, y: y, style: style)
        }
        buffer.put(glyphs.topLeft, x: area.x, y: area.y, style: style)
        buffer.put(glyphs.topRight, x: right, y: area.y, style: style)
        buffer.put(glyphs.bottomLeft, x: area.x, y: bottom, style: style)
        buffer.put(glyphs.bottomRight, x: right, y: bottom, style: style)
        // The title follows one line segment, with a space either side: "┌─ Title ─┐".
        let titleArea = Rect(x: area.x + 2, y: area.y, width: area.width - 4, height: 1)
        guard !title.isEmpty, titleArea.width >= 3 else { return }
        let fitted = TextFitting.truncate(
            title, toWidth: titleArea.width - 2, ellipsis: glyphs.ellipsis, widthOf: buffer.widthOf)
        guard !fitted.isEmpty else { return }
        let end = buffer.write(" ", x: titleArea.x, y: area.y, style: style, clip: titleArea)
        let afterTitle = buffer.write(fitted, x: end, y: area.y, style: titleStyle, clip: titleArea)
        buffer.write(" ", x: afterTitle, y: area.y, style: style, clip: titleArea)
    }
}
