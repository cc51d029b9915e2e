extension Buffer {
    /// A text form of every run of consecutive non-plain cells, for snapshot tests that
    /// must catch colour and attribute regressions that `plainText()` cannot show.
    ///
    /// One line per run: `row:firstColumn-lastColumn fg=… bg=… attributes "text"`,
    /// fields left out when default, e.g. `2:0-3 fg=ansi(1) bold "Conv"`.
    public func styledRuns() -> [String] {
        var runs: [String] = []
        for y in 0..<height {
            var start = 0
            let cells = Array(row(y))
            while start < cells.count {
                let style = cells[start].style
                var end = start
                while end + 1 < cells.count && cells[end + 1].style == style { end += 1 }
                if style != .plain {
                    let text = cells[start...end].map(\.symbol).joined()
                    runs.append("\(y):\(start)-\(end)\(Self.describe(style)) \"\(text)\"")
                }
                start = end + 1
            }
        }
        return runs
    }

    private static func describe(_ style: Style) -> String {
        var fields = ""
        if style.foreground != .default { fields += " fg=\(style.foreground)" }
        if style.background != .default { fields += " bg=\(style.background)" }
        if !style.attributes.isEmpty { fields += " \(style.attributes)" }
        return fields
    }
}
