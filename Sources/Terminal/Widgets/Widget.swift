/// Something that draws itself into a rectangle of a buffer. Implementations never
/// draw outside `area` (nor outside the buffer).
public protocol Widget {
    func render(into buffer: inout Buffer, area: Rect)
}
