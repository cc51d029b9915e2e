import ConvScopeCore
import Terminal

/// How the user's answer shows on a screen: mismatching cells of the map being filled in,
/// a verdict in the header, and the current cell's two values on the key line.
extension ScreenPlan {
    /// The plan with `answer` laid over it for the model's scene and phase. The current cell
    /// keeps its mark; every other cell whose value differs from the user's is `.mismatch`.
    func overlaid(with answer: AnswerOverlay, model: AppModel) -> ScreenPlan {
        var plan = self
        let checked = answer.checked(scene: model.sceneIndex, phase: model.phase)
        if !plan.header.isEmpty {
            plan.header[0] += AnswerMarks.headline(checked.map { [$0.check] } ?? answer.checks)
        }
        guard let checked else { return plan }
        if let index = outputPanel, let map = panels[index].map, let stepOf = stepOfOutputCell,
            !checked.differing.isEmpty
        {
            plan.panels[index].map = MapView(
                rows: map.rows, columns: map.columns, value: map.value,
                mark: { r, c in
                    let mark = map.mark(r, c)
                    guard mark != .current, let step = stepOf(r, c), checked.differing.contains(step) else {
                        return mark
                    }
                    return .mismatch
                }, mode: map.mode, focus: map.focus)
        }
        plan.legends = []
        plan.markKey = AnswerMarks.currentCell(checked, step: model.step)
        return plan
    }
}

/// The text pieces of the answer overlay.
enum AnswerMarks {
    static let wrong = Style(foreground: .indexed(196), attributes: .bold)
    static let right = Style(foreground: .green, attributes: .bold)

    /// ` · ✗ yours: unflipped kernel in backward` — the first failing tensor's mistake, else
    /// what differs; ` · ✓ yours matches` when nothing does.
    static func headline(_ checks: [TensorCheck]) -> [Span] {
        let failing = checks.filter { !$0.passes }
        guard let first = failing.first else {
            return [Span(text: " · "), Span(text: "✓ yours matches", style: right)]
        }
        let names = failing.count > 1 || checks.count > 1 ? "\(first.key): " : ""
        let more = failing.count > 1 ? " (+\(failing.count - 1) more)" : ""
        return [Span(text: " · "), Span(text: "✗ yours: " + names + summary(first) + more, style: wrong)]
    }

    /// The mistake's name, or the wrong shape, or how many values differ.
    static func summary(_ check: TensorCheck) -> String {
        if let mistake = check.mistake { return mistake.name }
        if !check.shapeMatches {
            return "shape \(Formatting.shape(check.mine.shape)) ≠ \(Formatting.shape(check.expected.shape))"
        }
        return "\(check.mismatches.count) of \(check.expected.count) differ"
    }

    /// `! dLdA[0,1,2]: yours 4.5 ≠ library 3   12 of 18 differ · x/X next/previous`.
    static func currentCell(_ checked: AnswerOverlay.Checked, step: Int) -> [Span] {
        let check = checked.check
        let sample = Span(text: " ! ", style: MarkStyle.numberStyle(.mismatch, value: 0))
        guard check.shapeMatches, check.expected.scalars.indices.contains(step) else {
            return [
                sample,
                Span(
                    text:
                        " your \(check.key) has shape \(Formatting.shape(check.mine.shape)), the library's "
                        + "\(Formatting.shape(check.expected.shape)): no cells to compare"
                ),
            ]
        }
        let (mine, expected) = (check.mine.scalars[step], check.expected.scalars[step])
        let differs = checked.differing.contains(step)
        let count =
            check.mismatches.isEmpty
            ? "all \(check.expected.count) match"
            : "\(check.mismatches.count) of \(check.expected.count) differ · x/X next/previous"
        return [
            sample,
            Span(text: " \(check.key)\(Formatting.index(check.expected.index(ofOffset: step))): "),
            Span(
                text: "yours \(Formatting.number(mine)) \(differs ? "≠" : "=") library \(Formatting.number(expected))",
                style: differs ? wrong : right),
            Span(text: "   " + count),
        ]
    }
}
