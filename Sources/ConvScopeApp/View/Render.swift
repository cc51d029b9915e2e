import Terminal

extension AppModel {
    /// The screen list's title with its keys from the key map: `screens  ↑↓ Enter, Esc`.
    static var menuTitle: String {
        "screens  \(KeyMap.menuKey(.move(-1)))\(KeyMap.menuKey(.move(1))) \(KeyMap.menuKey(.open)), "
            + KeyMap.name(.escape)
    }

    /// Draws the whole screen for the model into a new buffer of the model's size. Without
    /// `keyHints` (printed screens, where no key works), the bottom line carries the key to
    /// the cell marks when heat-map legends take its usual place.
    public func render(keyHints: Bool = true) -> Buffer {
        var buffer = Buffer(size: size)
        let glyphs = Glyphs(capabilities)
        guard let plan = ScreenLayout(model: self).plan else {
            TooSmallMessage(required: ScreenLayout.minimumSize, glyphs: glyphs).render(
                into: &buffer, area: buffer.bounds)
            return buffer
        }
        let bands = Bands(
            size: size, headerLines: plan.header.count, arithmeticLines: plan.arithmetic.count, statusLines: 4)
        draw(plan.header, in: bands.header, into: &buffer, glyphs: glyphs)
        for panel in plan.panels where panel.frame.width >= 4 && panel.frame.height >= 3 {
            let border = panel.isActive ? Style(foreground: .cyan) : Style(foreground: .indexed(245))
            Box(title: panel.fullTitle, style: border, titleStyle: Style(attributes: .bold), glyphs: glyphs)
                .render(into: &buffer, area: panel.frame)
            if var map = panel.map {
                map.textMarks = capabilities.colorDepth == .none
                map.render(into: &buffer, area: panel.inner)
            }
            draw(
                Self.fitted(panel.lines, unbuilt: panel.unbuiltLines, height: panel.inner.height), in: panel.inner,
                into: &buffer, glyphs: glyphs)
        }
        // The text below the panels follows the tallest panel rather than the bottom edge.
        let lift = max(0, bands.arithmetic.y - ((plan.panels.map(\.frame.maxY).max() ?? bands.body.y) + 1))
        draw(plan.arithmetic, in: bands.arithmetic.offset(dy: -lift), into: &buffer, glyphs: glyphs)
        draw(plan.status, in: bands.status.offset(dy: -lift), into: &buffer, glyphs: glyphs)
        drawKey(plan, in: bands.status.inset(top: 3).offset(dy: -lift), into: &buffer)
        if let notice {
            draw(
                [[Span(text: notice, style: Style(foreground: .yellow, attributes: .bold))]], in: bands.hints,
                into: &buffer, glyphs: glyphs)
        } else if !keyHints {
            if !plan.legends.isEmpty { draw([plan.markKey], in: bands.hints, into: &buffer, glyphs: glyphs) }
        } else {
            KeyHintBar(KeyMap.hints, keyStyle: Style(foreground: .cyan, attributes: .bold)).render(
                into: &buffer, area: bands.hints)
        }
        if let menu {
            MenuOverlay(
                title: Self.menuTitle, labels: menu.entries.map(menuLabel), selection: menu.selection, glyphs: glyphs
            )
            .render(into: &buffer, area: buffer.bounds)
        }
        if showsHelp {
            HelpOverlay(
                title: "ConvScope keys", bindings: KeyMap.help, keyStyle: Style(foreground: .cyan, attributes: .bold),
                glyphs: glyphs
            )
            .render(into: &buffer, area: buffer.bounds)
        }
        return buffer
    }

    /// The lines that fit `height` rows; when some are cut (or were never built), the last
    /// row says how many.
    static func fitted(_ lines: [[Span]], unbuilt: Int = 0, height: Int) -> [[Span]] {
        let total = lines.count + unbuilt
        guard total > height, height > 0 else { return lines }
        return Array(lines.prefix(height - 1)) + [[Span(text: "… +\(total - height + 1) more", style: .dim)]]
    }

    /// Styled lines, one per row of `area`, clipped to it.
    private func draw(_ lines: [[Span]], in area: Rect, into buffer: inout Buffer, glyphs: Glyphs) {
        for (row, spans) in lines.enumerated() where row < area.height {
            let line = Rect(x: area.x, y: area.y + row, width: area.width, height: 1)
            var x = area.x
            for span in ScreenParts.fitLine(spans, width: area.width) {
                x = buffer.write(span.text, x: x, y: line.y, style: span.style, clip: line)
            }
        }
    }

    /// The heat-map legends, side by side, or the key to the cell marks.
    private func drawKey(_ plan: ScreenPlan, in area: Rect, into buffer: inout Buffer) {
        let line = Rect(x: area.x, y: area.y, width: area.width, height: min(1, area.height))
        guard !plan.legends.isEmpty else {
            draw([plan.markKey], in: line, into: &buffer, glyphs: Glyphs(capabilities))
            return
        }
        let parts = line.splitColumns(plan.legends.map { _ in .fill })
        for (legend, part) in zip(plan.legends, parts) {
            let (scale, range) = ColorScale.forValues(in: legend.range)
            let kind = scale == .diverging ? "signed" : capabilities.unicode ? "≥ 0" : ">= 0"
            var x = buffer.write("\(legend.name) ", x: part.x, y: part.y, style: .bold, clip: part)
            x = buffer.write("\(kind) ", x: x, y: part.y, style: .dim, clip: part)
            let integral =
                range.lowerBound == range.lowerBound.rounded() && range.upperBound == range.upperBound.rounded()
            Legend(range: range, scale: scale, mode: HeatmapMode(capabilities), maxDecimals: integral ? 0 : 2)
                .render(into: &buffer, area: Rect(x: x, y: part.y, width: max(0, part.maxX - x - 2), height: 1))
        }
    }
}
