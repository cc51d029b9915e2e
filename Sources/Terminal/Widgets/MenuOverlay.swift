/// A list drawn over the current screen (the screen menu): a centred box with one line per
/// entry, the selection highlighted and kept in view.
public struct MenuOverlay: Widget {
    public var title: String
    public var labels: [String]
    public var selection: Int
    public var glyphs: Glyphs

    public init(title: String, labels: [String], selection: Int, glyphs: Glyphs) {
        self.title = title
        self.labels = labels
        self.selection = selection
        self.glyphs = glyphs
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let width = min(area.width - 2, max(40, (labels.map(\.count).max() ?? 0) + 4))
        let height = min(area.height - 2, labels.count + 2)
        guard width >= 10, height >= 3 else { return }
        let frame = area.centered(Size(width: width, height: height))
        buffer.fill(frame)
        let box = Box(title: title, style: Style(foreground: .cyan), glyphs: glyphs)
        box.render(into: &buffer, area: frame)
        let inner = box.inner(of: frame)
        let first = min(max(0, selection - inner.height / 2), max(0, labels.count - inner.height))
        for row in 0..<min(inner.height, labels.count - first) {
            let index = first + row
            let style = index == selection ? Style(foreground: .black, background: .cyan, attributes: .bold) : .plain
            let line = Rect(x: inner.x, y: inner.y + row, width: inner.width, height: 1)
            buffer.fill(line, with: Cell(" ", style: style))
            Label(" " + labels[index], style: style, glyphs: glyphs).render(into: &buffer, area: line)
        }
    }
}
