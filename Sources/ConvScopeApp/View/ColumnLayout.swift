import Terminal

/// Lays out columns of stacked panels side by side, the way every backward screen is
/// built: sources | factors | terms | result.
enum ColumnLayout {
    /// Panels stacked top to bottom, and whether their maps may shrink and scroll.
    typealias Column = (panels: [Panel], flexible: Bool)

    /// Columns get their natural width when all fit. Otherwise text columns shrink to
    /// their minimum first, then the `flexible` ones (big maps that scroll) share what is
    /// left, never below their title (text columns go below their minimum, to their own
    /// title, when the body has no other room for the titles). In a column,
    /// panels get their natural height (their place taking at least `slotHeight` rows), or
    /// an equal share (at least 3 rows) when they do not all fit; panels that get less than
    /// 3 rows are left out.
    /// Before sharing, a last column that does not fit beside the others goes under the one
    /// before it when that makes everything fit (see `stacked`).
    static func arrange(_ columns: [Column], in body: Rect) -> [Panel] {
        let visible = stacked(columns, in: body)
        let natural = visible.map { naturalWidth(of: $0.panels) }
        let minimum = visible.map { column in column.panels.map { $0.minimumWidth ?? $0.naturalSize.width }.max() ?? 0 }
        let gaps = max(0, visible.count - 1)
        var widths = natural
        var excess = natural.reduce(0, +) + gaps - body.width
        for i in widths.indices where excess > 0 && minimum[i] < natural[i] {
            let cut = min(excess, natural[i] - minimum[i])
            widths[i] -= cut
            excess -= cut
        }
        if excess > 0 {
            let flexible = widths.indices.filter { visible[$0].flexible }
            let pool = flexible.reduce(0) { $0 + widths[$1] }
            let room = max(0, pool - excess)
            // Each keeps its title's width first; the rest is shared in proportion to what
            // each wants beyond that, the last taking what rounding left.
            let floors = flexible.map { i in
                min(widths[i], visible[i].panels.map { Panel.titleWidth($0.title) }.max() ?? 10)
            }
            let wanted = zip(flexible, floors).map { widths[$0] - $1 }
            let spare = max(0, room - floors.reduce(0, +))
            var left = spare
            for (k, i) in flexible.enumerated() {
                let share =
                    k == flexible.count - 1
                    ? min(left, wanted[k])
                    : spare * wanted[k] / max(1, wanted.reduce(0, +))
                widths[i] = floors[k] + share
                left -= share
            }
            // Still too wide with every map at its title: text columns give up more of their
            // lines' ends (cut at a word), down to their own titles.
            var over = widths.reduce(0, +) + gaps - body.width
            for i in widths.indices where over > 0 && visible[i].panels.allSatisfy({ $0.minimumWidth != nil }) {
                let title = visible[i].panels.map { Panel.titleWidth($0.title) }.max() ?? 0
                let cut = min(over, max(0, widths[i] - title))
                widths[i] -= cut
                over -= cut
            }
        }
        var panels: [Panel] = []
        var x = body.x
        for (column, width) in zip(visible, widths) {
            let slots = column.panels.map { max($0.naturalSize.height, $0.slotHeight) }
            let share = max(3, body.height / max(1, column.panels.count))
            let fits = slots.reduce(0, +) <= body.height
            var y = body.y
            for (spec, slot) in zip(column.panels, slots) {
                let h = min(fits ? slot : min(slot, share), body.maxY - y)
                guard h >= 3 else { break }
                var panel = spec
                panel.frame = Rect(
                    x: x, y: y, width: min(width, body.maxX - x),
                    height: min(h, spec.naturalSize.height))
                panels.append(panel)
                y += h
            }
            x += width + 1
        }
        return panels
    }

    /// Whether the columns fit side by side, text columns at their minimum width, once the
    /// last column is stacked where `arrange` would stack it.
    static func fits(_ columns: [Column], in body: Rect) -> Bool {
        fitsSideBySide(stacked(columns, in: body), in: body)
    }

    /// The non-empty columns, the last one moved under the one before it when they do not
    /// fit side by side but do so, within the body's height: a short map (a 1-d output, a
    /// small kernel) then keeps its numbers instead of every map turning into a heat map.
    static func stacked(_ columns: [Column], in body: Rect) -> [Column] {
        var visible = columns.filter { !$0.panels.isEmpty }
        guard visible.count >= 2, !fitsSideBySide(visible, in: body) else { return visible }
        let last = visible.removeLast()
        let below = visible.removeLast()
        let merged = (panels: below.panels + last.panels, flexible: below.flexible || last.flexible)
        let height = merged.panels.map { max($0.naturalSize.height, $0.slotHeight) }.reduce(0, +)
        let candidate = visible + [merged]
        return height <= body.height && fitsSideBySide(candidate, in: body) ? candidate : visible + [below, last]
    }

    /// Whether the non-empty columns fit side by side as they are, text at its minimum width.
    private static func fitsSideBySide(_ columns: [Column], in body: Rect) -> Bool {
        let visible = columns.filter { !$0.panels.isEmpty }
        let widths = visible.map { column in column.panels.map { $0.minimumWidth ?? $0.naturalSize.width }.max() ?? 0 }
        return widths.reduce(0, +) + visible.count - 1 <= body.width
    }

    /// The width that shows every panel of a column whole.
    static func naturalWidth(of panels: [Panel]) -> Int {
        panels.map(\.naturalSize.width).max() ?? 0
    }
}
