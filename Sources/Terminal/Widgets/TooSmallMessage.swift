/// The screen shown instead of a layout that does not fit: two centred lines,
/// `terminal too small` and `need 80×24, have 60×20`.
public struct TooSmallMessage: Widget {
    public var required: Size
    public var glyphs: Glyphs

    public init(required: Size, glyphs: Glyphs = .unicode) {
        self.required = required
        self.glyphs = glyphs
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let detail =
            "need \(required.width)\(glyphs.times)\(required.height), have \(area.width)\(glyphs.times)\(area.height)"
        let middle = area.centered(Size(width: area.width, height: 2))
        Text("terminal too small\n" + detail, style: .bold, alignment: .center, glyphs: glyphs).render(
            into: &buffer, area: middle)
    }
}
