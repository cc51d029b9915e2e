import Terminal

/// Lays out columns of stacked panels side by side, the way every backward screen is
/// built: sources | factors | terms | result.
enum ColumnLayout {
    /// Columns get their natural width when all fit. Otherwise text columns shrink to
    /// their minimum first, then the `flexible` ones (big maps that scroll) share what is
    /// left, never below their title. In a column, panels get their natural height, or an
    /// equal share (at least 3 rows) when they do not all fit.
    static func arrange(_ columns: [(panels: [Panel], flexible: Bool)], in body: Rect) -> [Panel] {
        let visible = columns.filter { !$0.panels.isEmpty }
        let natural = visible.map { $0.panels.map(\.naturalSize.width).max() ?? 0 }
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
            for i in flexible {
                let floor = visible[i].panels.map { $0.title.count + 6 }.max() ?? 10
                widths[i] = max(floor, room * widths[i] / max(1, pool))
            }
        }
        var panels: [Panel] = []
        var x = body.x
        for (column, width) in zip(visible, widths) {
            let heights = column.panels.map(\.naturalSize.height)
            let share = max(3, body.height / max(1, column.panels.count))
            let fits = heights.reduce(0, +) <= body.height
            var y = body.y
            for (spec, height) in zip(column.panels, heights) {
                let h = min(fits ? height : min(height, share), body.maxY - y)
                guard h >= 3 else { break }
                var panel = spec
                panel.frame = Rect(x: x, y: y, width: min(width, body.maxX - x), height: h)
                panels.append(panel)
                y += h
            }
            x += width + 1
        }
        return panels
    }

    /// Whether the columns fit side by side, text columns at their minimum width.
    static func fits(_ columns: [(panels: [Panel], flexible: Bool)], in body: Rect) -> Bool {
        let visible = columns.filter { !$0.panels.isEmpty }
        let widths = visible.map { column in column.panels.map { $0.minimumWidth ?? $0.naturalSize.width }.max() ?? 0 }
        return widths.reduce(0, +) + visible.count - 1 <= body.width
    }
}
