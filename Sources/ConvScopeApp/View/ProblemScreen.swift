import Terminal

/// What the screen shows when live sizes make no layer: the sizes, and the library's
/// explanation of why, until a size changes again.
enum ProblemScreen {
    static func plan(_ problem: String, model: AppModel) -> ScreenPlan {
        let header =
            [
                [
                    Span(text: "ConvScope", style: Style(foreground: .cyan, attributes: .bold)),
                    Span(text: " · "), Span(text: model.scene.title, style: .bold),
                ],
                [Span(text: "these sizes make no layer", style: Style(foreground: .indexed(203), attributes: .bold))],
            ] + ScreenParts.parameterBar(model)
        let body = Bands(size: model.size, headerLines: header.count, arithmeticLines: 3, statusLines: 4).body
        let lines: [[Span]] =
            Formatting.wrap(problem, width: max(20, body.width - 4)).map { [Span(text: $0)] } + [
                [],
                [
                    Span(
                        text:
                            "Change a size with \(KeyMap.key(.decreaseParameter)) and \(KeyMap.key(.increaseParameter))"
                            + " (\(KeyMap.key(.nextParameter)) selects which); the last good layer returns", style: .dim
                    )
                ],
                [Span(text: "as soon as the sizes make one.", style: .dim)],
            ]
        let width = min(body.width, max(40, (lines.map { $0.reduce(0) { $0 + $1.text.count } }.max() ?? 0) + 4))
        let panel = Panel(
            frame: Rect(x: body.x, y: body.y, width: width, height: min(body.height, lines.count + 2)),
            title: "impossible", lines: lines, isActive: true)
        return ScreenPlan(
            header: header, panels: [panel], arithmetic: [], status: [], legends: [], markKey: [],
            outputPanel: nil, stepOfOutputCell: nil, showsNumbers: true)
    }
}
