import ConvScopeCore
import Terminal

/// The whole CNN: its layer stack with output shapes and parameter counts, the output
/// (forward) or gradient (backward) of the current layer, and the loss as it falls.
enum NetworkScreen {
    static func plan(_ state: NetworkState, phase: Phase, step: Int, model: AppModel) -> ScreenPlan {
        let layers = state.layerSummaries
        let count = layers.count
        let isForward = phase == .forward
        // Forward: step i is layer i's output (step L the loss); backward: step k is the
        // gradient entering from the top, k = 0 being dL/d(logits).
        let layerIndex = isForward ? step : count - step
        let shown: Tensor = isForward ? state.activations[min(step + 1, count)] : state.gradients[layerIndex]
        let name = isForward ? (step < count ? "output of layer \(step + 1)" : "logits")
                             : (step == 0 ? "dL/d(logits)" : layerIndex == 0 ? "dL/dA (input)" : "dL/d(input of layer \(layerIndex + 1))")
        let loss = state.losses.last ?? .nan
        let header: [[Span]] = [
            ScreenParts.titleLine(model.scene.title, step: step, of: count + 1, model: model),
            [Span(text: isForward ? "forward, layer by layer" : "backward, layer by layer", style: Style(foreground: isForward ? .cyan : .magenta, attributes: .bold)),
             Span(text: "  \(KeyMap.key(.openLayer)) open · \(KeyMap.key(.trainStep)) step · \(KeyMap.key(.togglePlay)) train · \(KeyMap.key(.nextPhase)) back",
                  style: .dim)],
            [Span(text: "batch \(Formatting.compactShape(state.images.shape))  lr \(Formatting.number(state.learningRate))  loss \(Formatting.number(loss))  accuracy \(Int((state.accuracy * 100).rounded()))%  after \(state.losses.count - 1) SGD steps",
                  style: Style(foreground: .cyan))],
        ]
        let stack: [[Span]] = layers.enumerated().map { i, summary in
            // Backward step k shows the gradient at the input of layer count − k (step 0: the logits).
            let current = isForward ? i == step : step > 0 && i == layerIndex
            let compact = summary.replacingOccurrences(of: ", ", with: ",").replacingOccurrences(of: "kernel ", with: "k")
                .replacingOccurrences(of: "stride ", with: "s").replacingOccurrences(of: "()", with: "")
            let text = (i + 1 < 10 ? " " : "") + "\(i + 1) " + compact
            let detail = " \(Formatting.compactShape(state.activations[i + 1].shape))" + (state.parameterCounts[i] > 0 ? " \(state.parameterCounts[i])p" : "")
            return [Span(text: (current ? "▶" : " ") + text, style: current ? MarkStyle.numberStyle(.current, value: 0) : .plain),
                    Span(text: detail, style: .dim)]
        } + [[Span(text: ((isForward && step == count) || (!isForward && step == 0) ? "▶" : " ") + "   loss \(Formatting.number(loss))",
                   style: (isForward && step == count) || (!isForward && step == 0) ? MarkStyle.numberStyle(.current, value: 0) : .bold)]]
        let sample = shown.rank >= 3 ? shown.at([0]) : shown.sliced([AxisSlice(start: 0, stop: 1)])
        let arithmetic: [[Span]] = [
            [Span(text: name, style: .bold), Span(text: " " + Formatting.compactShape(shown.shape) + ", sample 0 shown")],
            [Span(text: isForward && step < count ? "\(layers[step]): \(Formatting.compactShape(state.activations[step].shape)) → \(Formatting.compactShape(state.activations[step + 1].shape))" : "")],
            [],
        ]
        return GradientPanels.plan(
            model, header: header, arithmetic: arithmetic, status: [Formatting.statistics(name, shown)],
            markKey: [Span(text: "the loss after each SGD step, oldest left", style: .dim)],
            columns: { numbers in
                let map = GradientPanels.map(name, sample, numbers: numbers, capabilities: model.capabilities,
                                             mark: { _, _ in .plain }, focus: (0...0, 0...0), isActive: true)
                let chart = LossChart.lines(state.losses, width: 30, height: 6, unicode: model.capabilities.unicode)
                let lossPanel = Panel(title: "loss", lines: chart.map { [Span(text: $0, style: Style(foreground: .cyan))] }
                                            + [[Span(text: "now \(Formatting.number(loss))", style: .bold)]], minimumWidth: 12)
                return [([Panel(title: "layers, shapes, p = params", lines: stack, minimumWidth: 32)], false), ([map], true), ([lossPanel], false)]
            },
            resultStep: { _, _ in nil })
    }
}
