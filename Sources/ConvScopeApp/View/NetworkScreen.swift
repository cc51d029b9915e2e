import ConvScopeCore
import Terminal
import Walkthroughs

/// The whole CNN: its layer stack with output shapes and parameter counts, the width chain
/// that sizes the Linear layer, the current batch sample (its input, label, predicted class
/// and softmax probabilities), the output (forward) or gradient (backward) of the current
/// layer for that sample, and the loss as it falls.
enum NetworkScreen {
    static func plan(_ state: NetworkState, phase: Pass, step: Int, model: AppModel) -> ScreenPlan {
        let layers = state.layerSummaries
        let count = layers.count
        let isForward = phase == .forward
        // Forward: step i is layer i's output (step L the loss); backward: step k is the
        // gradient entering from the top, k = 0 being dL/d(logits).
        let layerIndex = isForward ? step : count - step
        let shown: Tensor = isForward ? state.activations[min(step + 1, count)] : state.gradients[layerIndex]
        let name =
            isForward
            ? (step < count ? "output of layer \(step + 1)" : "logits")
            : (step == 0
                ? "dL/d(logits)" : layerIndex == 0 ? "dL/dA (input)" : "dL/d(input of layer \(layerIndex + 1))")
        let loss = state.losses.last ?? .nan
        let n = state.sample
        let header: [[Span]] =
            [
                ScreenParts.titleLine(model.scene.title, step: step, of: count + 1, model: model),
                [
                    Span(
                        text: isForward ? "forward by layer" : "backward by layer",
                        style: Style(foreground: isForward ? .cyan : .magenta, attributes: .bold)),
                    Span(
                        text: "  \(KeyMap.key(.openLayer)) open · \(KeyMap.key(.trainStep)) step · "
                            + "\(KeyMap.key(.togglePlay)) train · "
                            + "\(KeyMap.key(.nextSample))/\(KeyMap.key(.previousSample)) sample · "
                            + "\(KeyMap.key(.nextPhase)) back",
                        style: .dim),
                ],
                [
                    Span(
                        text:
                            "batch \(Formatting.compactShape(state.images.shape))  lr "
                            + "\(Formatting.number(state.learningRate))  loss \(Formatting.number(loss))  "
                            + "accuracy \(Int((state.accuracy * 100).rounded()))%  "
                            + "after \(state.losses.count - 1) SGD steps",
                        style: Style(foreground: .cyan))
                ],
            ] + chainLines(state.chain, width: model.size.width)
        let current = isForward ? step : (step == 0 ? count : layerIndex)
        let lossIsCurrent = (isForward && step == count) || (!isForward && step == 0)
        let stack = stackLines(state, current: current, lossIsCurrent: lossIsCurrent)
        let sample = shown.rank >= 3 ? shown.at([n]) : shown.sliced([AxisSlice(start: n, stop: n + 1)])
        let arithmetic: [[Span]] = [
            [
                Span(text: name, style: .bold),
                Span(text: " " + Formatting.compactShape(shown.shape) + ", sample \(n) shown"),
            ],
            [
                Span(
                    text: isForward && step < count
                        ? "\(layers[step]): \(Formatting.compactShape(state.activations[step].shape)) → "
                            + "\(Formatting.compactShape(state.activations[step + 1].shape))"
                        : "")
            ],
            verdict(state),
        ]
        return GradientPanels.plan(
            model, header: header, arithmetic: arithmetic, status: [Formatting.statistics(name, shown)],
            markKey: [Span(text: "the loss after each SGD step, oldest left", style: .dim)],
            columns: { numbers in
                let inputTitle = "input A[\(n)] \(Formatting.compactShape(Array(state.images.shape.dropFirst())))"
                let input = GradientPanels.map(
                    inputTitle, state.images.at([n]), numbers: false,
                    capabilities: model.capabilities,
                    mark: { _, _ in .plain }, focus: (0...0, 0...0))
                let map = GradientPanels.map(
                    name, sample, numbers: numbers, capabilities: model.capabilities,
                    mark: { _, _ in .plain }, focus: (0...0, 0...0), isActive: true)
                let chart = LossChart.lines(state.losses, width: 30, height: 6, unicode: model.capabilities.unicode)
                let now = "now \(Formatting.number(loss))"
                let lossPanel = Panel(
                    title: "loss",
                    lines: chart.map { [Span(text: $0, style: Style(foreground: .cyan))] }
                        + [[Span(text: now, style: .bold)]], minimumWidth: max(12, now.count + 2))
                // The stack keeps its natural width: shapes and parameter counts are never cut.
                // Short screens keep the loss in the header and the sample's verdict line below.
                let tall = model.size.height >= 30
                let layerPanel = Panel(title: "layers, shapes, p = params", lines: stack)
                return [
                    ([layerPanel] + (tall ? [prediction(state)] : []), false),
                    ([input, map], true), (tall ? [lossPanel] : [], false),
                ]
            },
            resultStep: { _, _ in nil })
    }

    /// The width chain folded at `width` columns without cutting a link:
    /// `widths 128 → (128 − 5)//1 + 1 = 124 → … · Linear input 14 · 30 = 420`.
    static func chainLines(_ chain: WidthChain?, width: Int) -> [[Span]] {
        guard let chain else { return [] }
        let pieces =
            ["widths", String(chain.inputWidth)] + chain.links.map { "→ " + $0.formula }
            + ["· Linear input \(chain.linearText)"]
        return TextFolding.fold(pieces, width: width, indent: "       ").map { [Span(text: $0)] }
    }

    /// One row per layer, `▶ 3 Conv1d(56,28,k6,s2)  (10,28,60)  9436p`, columns aligned and
    /// the parameter counts right-aligned, then the loss.
    static func stackLines(_ state: NetworkState, current: Int, lossIsCurrent: Bool) -> [[Span]] {
        let names = state.layerSummaries.map {
            $0.replacingOccurrences(of: ", ", with: ",").replacingOccurrences(of: "kernel ", with: "k")
                .replacingOccurrences(of: "stride ", with: "s").replacingOccurrences(of: "()", with: "")
        }
        let shapes = state.activations.dropFirst().map { Formatting.compactShape($0.shape) }
        let counts = state.parameterCounts.map { $0 > 0 ? "\($0)p" : "" }
        let (nameWidth, shapeWidth) = (names.map(\.count).max() ?? 0, shapes.map(\.count).max() ?? 0)
        let countWidth = counts.map(\.count).max() ?? 0
        let index = String(state.layerSummaries.count).count
        func padded(_ text: String, _ width: Int, right: Bool = false) -> String {
            let fill = String(repeating: " ", count: max(0, width - text.count))
            return right ? fill + text : text + fill
        }
        let rows: [[Span]] = names.indices.map { i in
            let isCurrent = i == current
            let label =
                (isCurrent ? "▶" : " ") + padded(String(i + 1), index, right: true) + " "
                + padded(names[i], nameWidth)
            return [
                Span(text: label, style: isCurrent ? MarkStyle.numberStyle(.current, value: 0) : .plain),
                Span(
                    text: " " + padded(shapes[i], shapeWidth) + " " + padded(counts[i], countWidth, right: true),
                    style: .dim),
            ]
        }
        let loss =
            (lossIsCurrent ? "▶" : " ") + String(repeating: " ", count: index)
            + " loss \(Formatting.number(state.losses.last ?? .nan))"
        return rows + [[Span(text: loss, style: lossIsCurrent ? MarkStyle.numberStyle(.current, value: 0) : .bold)]]
    }

    /// `A[3]: label 3, predicted 7 (wrong) · p(3) 0.1020 · p(7) 0.4123`, short enough for 80 columns.
    static func verdict(_ state: NetworkState) -> [Span] {
        let n = state.sample
        let (label, guess) = (state.truth[n], state.predicted[n])
        let p = { (k: Int) in "p(\(k)) " + NumberFormat.fixed(state.probabilities[n, k], decimals: 4) }
        let right = label == guess
        return [
            Span(text: "A[\(n)]: label \(label), predicted \(guess) ", style: .bold),
            Span(
                text: right ? "(right)" : "(wrong)",
                style: Style(foreground: right ? .green : .red, attributes: .bold)),
            Span(text: " · " + p(label) + (right ? "" : " · " + p(guess))),
        ]
    }

    /// The current sample's label and predicted class, then every class's softmax
    /// probability (the library's, from the logits), the label and prediction marked.
    static func prediction(_ state: NetworkState) -> Panel {
        let n = state.sample
        let (label, guess) = (state.truth[n], state.predicted[n])
        let classes = state.probabilities.shape[1]
        let digits = String(classes - 1).count
        let rows: [[Span]] = (0..<classes).map { k in
            let p = state.probabilities[n, k]
            let mark =
                k == label && k == guess
                ? " label, predicted"
                : k == label ? " label" : k == guess ? " predicted" : ""
            let style: Style =
                k == label
                ? Style(foreground: .green, attributes: .bold)
                : k == guess ? Style(foreground: .red, attributes: .bold) : .plain
            let row =
                String(repeating: " ", count: digits - String(k).count) + "\(k) "
                + NumberFormat.fixed(p, decimals: 4)
            return [Span(text: row, style: style), Span(text: mark, style: .dim)]
        }
        return Panel(title: "A[\(n)] softmax", lines: rows)
    }
}
