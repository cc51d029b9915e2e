extension Buffer {
    /// Escape sequences that redraw the whole screen as this buffer, for terminals and
    /// players that know nothing of earlier frames: reset, home and clear (`ESC[0m ESC[H
    /// ESC[2J`), then each row with content placed with `ESC[row;1H`, its cells with an SGR
    /// sequence wherever the style changes, and a reset at its end.
    ///
    /// Colours are mapped to `depth`; trailing blank cells are left out, and the right halves
    /// of wide graphemes are skipped (the terminal advances two columns for them).
    public func ansi(colorDepth depth: ColorDepth = .twoFiftySix) -> String {
        var text = "\u{1B}[0m\u{1B}[H\u{1B}[2J"
        for y in 0..<height {
            let cells = row(y).map { Cell($0.symbol, style: $0.style.mapped(to: depth)) }
            guard let last = cells.lastIndex(where: { $0 != .blank }) else { continue }
            text += "\u{1B}[\(y + 1);1H"
            var style = Style.plain
            for cell in cells[...last] where !cell.isContinuation {
                if cell.style != style {
                    style = cell.style
                    text += style.sgr(colorDepth: depth)
                }
                text += cell.symbol
            }
            text += "\u{1B}[0m"
        }
        return text
    }
}

extension Style {
    /// This style with both colours as a terminal of `depth` shows them.
    func mapped(to depth: ColorDepth) -> Style {
        Style(
            foreground: foreground.mapped(to: depth), background: background.mapped(to: depth), attributes: attributes)
    }
}
