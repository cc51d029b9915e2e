import ConvScopeCore
import Terminal

/// The parts every screen shares: the title line, the live-size bar, the skipped-rows note,
/// heat-map ranges and the key to the cell marks.
enum ScreenParts {
    /// The first header line: app, scene, step counter and playback state.
    static func titleLine(_ title: String, step: Int, of count: Int, model: AppModel) -> [Span] {
        let scene = model.scenes.count > 1 ? " \(model.sceneIndex + 1)/\(model.scenes.count)" : ""
        let play = model.isPlaying ? "▶ " + model.playbackRate : "❚❚ paused"
        return [
            Span(text: "ConvScope\(scene)", style: Style(foreground: .cyan, attributes: .bold)),
            Span(text: " · step \(step + 1)/\(count) \(play) · "),
            Span(text: title, style: .bold),
        ]
    }

    /// The finite range of a tensor's values, for heat-map colours.
    static func range(of tensor: Tensor) -> ClosedRange<Double> {
        let statistics = TensorStatistics(tensor)
        guard let low = statistics.min, let high = statistics.max else { return 0...1 }
        return low...high
    }

    /// A heat map of `tensor`'s values in `mode`: diverging about zero when some are
    /// negative, sequential otherwise (`ColorScale.forValues`).
    static func heat(_ mode: HeatmapMode, of tensor: Tensor) -> MapView.Mode {
        heat(mode, range: range(of: tensor))
    }

    /// A heat map over a finite range kept for the map (`TensorSummary.range`).
    static func heat(_ mode: HeatmapMode, range values: ClosedRange<Double>) -> MapView.Mode {
        let (scale, range) = ColorScale.forValues(in: values)
        return .heat(mode, range: range, scale: scale)
    }

    /// A key to the cell marks: a sample of each mark's style and what it means.
    /// Without colour (`plain`), each sample is the character `render` puts after marked
    /// numbers and the one it draws in a shaded heat map, since a colour swatch would not show.
    static func markKey(_ marks: [(CellMark, String)], plain: Bool) -> [Span] {
        marks.compactMap { mark, meaning -> [Span]? in
            if plain {
                let number = mark == .pending ? "·" : MarkStyle.textMark(mark).map { "0\($0)" }
                let shade = MarkStyle.shadeGlyph(mark) == " " ? nil : String(MarkStyle.shadeGlyph(mark))
                let samples = [number, shade].compactMap { $0 }
                guard !samples.isEmpty else { return nil }
                return [Span(text: " " + samples.joined(separator: " ") + " "), Span(text: meaning + "  ")]
            }
            return [
                Span(text: mark == .pending ? " · " : " 0 ", style: MarkStyle.numberStyle(mark, value: 0)),
                Span(text: " \(meaning)  "),
            ]
        }.flatMap { $0 }
    }

    /// The live sizes of a scene built from a recipe, the selected one highlighted.
    static func parameterBar(_ model: AppModel) -> [[Span]] {
        guard let recipe = model.scene.recipe else { return [] }
        let selected = model.parameterIndex % recipe.parameters.count
        var spans = [Span(text: "sizes ", style: .dim)]
        for (i, parameter) in recipe.parameters.enumerated() {
            let text = "\(parameter.name) \(parameter.value)"
            spans.append(
                Span(
                    text: i == selected ? "‹\(text)›" : " \(text) ",
                    style: i == selected ? Style(foreground: .black, background: .cyan, attributes: .bold) : .plain))
        }
        spans.append(
            Span(
                text:
                    "  \(KeyMap.key(.nextParameter)) \(KeyMap.key(.decreaseParameter)) "
                    + "\(KeyMap.key(.increaseParameter))",
                style: .dim))
        return [spans]
    }

    /// Points out the trailing rows and columns of the padded input that no window reaches,
    /// when the stride does not divide what is left after the first window.
    static func skippedNote(size: HW, geometry g: ConvGeometry, spatialAxes: Int) -> String {
        let unreached = g.unreachedExtent(forInput: size)
        var parts: [String] = []
        if spatialAxes == 2 && unreached.h > 0 { parts.append("\(unreached.h) row\(unreached.h == 1 ? "" : "s")") }
        if unreached.w > 0 { parts.append("\(unreached.w) col\(unreached.w == 1 ? "" : "s")") }
        return parts.isEmpty ? "" : "  stride skips last " + parts.joined(separator: ", ")
    }

    /// A styled line cut to `width` columns at a word boundary, ending in "…", so a line
    /// wider than its area never ends in half a number or half an index.
    static func fitLine(_ spans: [Span], width: Int) -> [Span] {
        let text = spans.map(\.text).joined()
        let fitted = TextFitting.truncateWords(text, toWidth: width)
        guard fitted != text else { return spans }
        // The kept characters keep their spans' styles; the ellipsis takes the last one's.
        var left = fitted.count - 1
        var result: [Span] = []
        for span in spans where left > 0 {
            result.append(Span(text: String(span.text.prefix(left)), style: span.style))
            left -= min(left, span.text.count)
        }
        result.append(Span(text: "…", style: result.last?.style ?? .plain))
        return result
    }

    /// `text` broken into lines of at most `width` columns only where `separator` joins two
    /// parts (a layer chain at its arrows), the separator ending the line it breaks; a part
    /// wider than `width` keeps a line of its own.
    static func broken(_ text: String, at separator: String, width: Int) -> [String] {
        let parts = text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        var lines: [String] = []
        var line = ""
        for (index, part) in parts.enumerated() {
            let end = separator.reversed().drop { $0 == " " }.reversed()
            let piece = part + (index < parts.count - 1 ? String(end) : "")
            if !line.isEmpty && line.count + 1 + piece.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + piece
        }
        return lines + [line]
    }
}
