/// A box centred in its area listing key bindings, drawn over whatever is beneath
/// (its rectangle is cleared first). Long descriptions are truncated to the area.
public struct HelpOverlay: Widget {
    public var title: String
    public var bindings: [KeyBinding]
    public var keyStyle: Style
    public var glyphs: Glyphs

    public init(title: String = "Help", bindings: [KeyBinding], keyStyle: Style = .bold, glyphs: Glyphs = .unicode) {
        self.title = title
        self.bindings = bindings
        self.keyStyle = keyStyle
        self.glyphs = glyphs
    }

    /// Space between the key column and the descriptions.
    static let columnGap = 2

    public func render(into buffer: inout Buffer, area: Rect) {
        let keyWidth = bindings.map { buffer.columns(of: $0.key) }.max() ?? 0
        let actionWidth = bindings.map { buffer.columns(of: $0.action) }.max() ?? 0
        let titleWidth = buffer.columns(of: title) + 4
        let contentWidth = max(keyWidth + Self.columnGap + actionWidth, titleWidth)
        // Border and one space of padding on each side.
        let frame = area.centered(Size(width: contentWidth + 4, height: bindings.count + 2))
        buffer.fill(frame)
        let box = Box(title: title, glyphs: glyphs)
        box.render(into: &buffer, area: frame)
        let content = box.inner(of: frame).inset(left: 1, right: 1)
        let columns = content.splitColumns([.fixed(keyWidth), .fixed(Self.columnGap), .fill])
        for (index, binding) in bindings.prefix(content.height).enumerated() {
            Label(binding.key, style: keyStyle, glyphs: glyphs).render(into: &buffer, area: columns[0].row(index))
            Label(binding.action, glyphs: glyphs).render(into: &buffer, area: columns[2].row(index))
        }
    }
}
