import Terminal

/// Reads a rendered screen the way a user does: by what is written where, in columns.
struct ScreenText {
    let buffer: Buffer

    /// The symbols of row `y`, one per column.
    func row(_ y: Int) -> [String] {
        (0..<buffer.width).map { buffer[x: $0, y: y]!.symbol }
    }

    /// The first position where `text` is written, top to bottom, left to right.
    func find(_ text: String) -> Point? {
        let needle = text.map(String.init)
        for y in 0..<buffer.height {
            let symbols = row(y)
            guard symbols.count >= needle.count else { return nil }
            for x in 0...symbols.count - needle.count where Array(symbols[x..<(x + needle.count)]) == needle {
                return Point(x: x, y: y)
            }
        }
        return nil
    }

    /// The area inside the frame of the panel whose title is exactly `title` (a cut map
    /// adds its visible range to the title, so a whole map is asked for by its bare name).
    func panel(titled title: String) -> Rect? {
        guard let start = find("┌─ \(title) ─") else { return nil }
        let top = row(start.y)
        guard let right = (start.x + 1..<buffer.width).first(where: { top[$0] == "┐" }) else { return nil }
        var bottom = start.y + 1
        while bottom < buffer.height && buffer[x: start.x, y: bottom]!.symbol == "│" { bottom += 1 }
        return Rect(x: start.x + 1, y: start.y + 1, width: right - start.x - 1, height: bottom - start.y - 1)
    }

    /// The space-separated words of row `y` inside `area`, with the column each starts at.
    func words(inRow y: Int, of area: Rect) -> [(x: Int, text: String)] {
        let symbols = row(y)
        var words: [(x: Int, text: String)] = []
        for x in area.x..<area.maxX where symbols[x] != " " {
            if x > area.x && symbols[x - 1] != " ", !words.isEmpty {
                words[words.count - 1].text += symbols[x]
            } else {
                words.append((x, symbols[x]))
            }
        }
        return words
    }

    /// The text of row `y`, trailing spaces removed.
    func line(_ y: Int) -> String { buffer.plainTextLines()[y] }
}
