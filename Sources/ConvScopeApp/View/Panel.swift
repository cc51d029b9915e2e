import Terminal

/// A framed area of the body: a map, or lines of text, under a title. Screens either give
/// the frame themselves or leave it empty and let `ColumnLayout` place the panel.
struct Panel {
    var frame = Rect(x: 0, y: 0, width: 0, height: 0)
    var title: String
    var map: MapView?
    var lines: [[Span]] = []
    /// Lines the panel has beyond `lines`, not built because no screen is that tall.
    var unbuiltLines = 0
    /// Drawn with a brighter border: the panel the step is about.
    var isActive = false
    /// The narrowest frame that still reads well: for text panels, where clipping only
    /// loses the ends of labels; nil means the natural width (maps scroll instead).
    var minimumWidth: Int?
    /// A width the panel keeps even when its content is narrower (the widest title any step
    /// could give it), so a column does not move from step to step.
    var reservedWidth = 0
    /// Rows the panel's place in its column takes when more than it needs, so panels side by
    /// side line up (each kernel beside its input channel).
    var slotHeight = 0
    /// Words after the title, most important first, dropped when the frame is too narrow
    /// for them (`+3 more` on the last of the channels shown).
    var notes: [String] = []

    /// The frame size that shows everything: the map or the lines, and the whole title.
    var naturalSize: Size {
        let textWidth = lines.map { $0.reduce(0) { $0 + $1.text.count } }.max() ?? 0
        let inner = map?.fullSize ?? Size(width: textWidth, height: lines.count)
        return Size(width: max(inner.width + 2, Panel.titleWidth(title), reservedWidth), height: inner.height + 2)
    }

    /// The area inside the border.
    var inner: Rect { frame.inset(by: 1) }

    /// The frame width that shows the whole of `title` between the border's corners.
    static func titleWidth(_ title: String) -> Int { title.count + 6 }

    /// The title as drawn in the frame's top edge: the title, then the `notes`, then the
    /// visible rows and columns when the map is cut to fit; the least important of these
    /// are dropped when the frame is too narrow, so no part is cut mid-token.
    var fullTitle: String {
        var parts = [title] + notes
        if let map, !map.fitsWhole(in: inner) {
            let view = map.viewport(in: inner)
            if view.rows < map.rows { parts.append("r\(view.row)–\(view.row + view.rows - 1)") }
            if view.columns < map.columns { parts.append("c\(view.column)–\(view.column + view.columns - 1)") }
        }
        return TextFitting.title(parts, toWidth: frame.width - Panel.titleWidth(""))
    }
}
