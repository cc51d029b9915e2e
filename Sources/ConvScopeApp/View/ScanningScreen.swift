import ConvScopeCore
import Terminal
import Walkthroughs

/// An MLP scanned window by window next to the convolutional network it equals: the
/// window on the signal, the same window flattened time-major as the MLP reads it, the
/// MLP's first weight column beside the first kernel it becomes, and both outputs.
enum ScanningScreen {
    static func plan(_ walk: ScanningWalkthrough, step t: Int, model: AppModel) -> ScreenPlan {
        guard let step = try? walk.step(t) else {
            return ProblemScreen.plan("the MLP and the network disagree on shapes at window \(t)", model: model)
        }
        let channels = walk.input.shape[1]
        let (k, positions) = (walk.windowSize, walk.positions)
        let start = t * walk.hop
        let kernel = walk.network.parameterizedLayers[0].W
        let column = walk.mlpWeights[0].sliced([.all, AxisSlice(start: 0, stop: 1)])
        let columnGrid = column.reshaped([column.count / channels, channels])
        let sizes = walk.mlpWeights.map { "\($0.shape[0])" }.joined(separator: "→") + "→\(walk.outFeatures)"
        let header: [[Span]] = [
            ScreenParts.titleLine(model.scene.title, step: t, of: positions, model: model),
            [Span(text: "MLP \(sizes) at every window of \(k) steps, hop \(walk.hop)", style: .bold)],
        ] + ScreenParts.broken("≡ " + walk.network.summary, at: " → ", width: model.size.width - 1).map { [Span(text: $0)] } + [
            [Span(text: "MLP row s·\(channels)+c is tap s of channel c: W[o,c,s] = w[s·\(channels)+c, o]",
                  style: Style(foreground: .cyan))],
        ]
        let difference = step.mlpOutput.maxAbsDifference(step.networkOutput)
        let arithmetic: [[Span]] = [
            [Span(text: "MLP(window \(t))", style: .bold), Span(text: " = " + values(step.mlpOutput))],
            [Span(text: "Z[0, o·\(positions)+\(t)]", style: .bold), Span(text: " = " + values(step.networkOutput))],
            [Span(text: "max |difference| = \(Formatting.number(difference))", style: MarkStyle.numberStyle(.current, value: 0)),
             Span(text: difference <= 1e-12 ? "   the same numbers: the MLP is this convolution" : "   they differ", style: .dim)],
        ]
        let Z = walk.output.reshaped([walk.outFeatures, positions])
        return GradientPanels.plan(
            model, header: header, arithmetic: arithmetic,
            status: [Formatting.statistics("A", walk.input), Formatting.statistics("Z", walk.output)],
            markKey: ScreenParts.markKey([(.tap, "window / weights in use"), (.current, "this window"), (.pending, "pending")], plain: model.capabilities.colorDepth == .none),
            columns: { numbers in
                let signal = GradientPanels.map("A[0] C×W", walk.input.at([0]), numbers: numbers, capabilities: model.capabilities,
                                                mark: { _, c in (start..<(start + k)).contains(c) ? .tap : .plain },
                                                focus: (0...0, start...(start + k - 1)))
                let window = GradientPanels.map("window \(t) steps×C", step.window.reshaped([k, channels]), numbers: numbers,
                                                capabilities: model.capabilities, mark: { _, _ in .plain }, focus: (0...0, 0...0))
                let weights = GradientPanels.map("w1[:,0] steps×C", columnGrid, numbers: numbers, capabilities: model.capabilities,
                                                 mark: { _, _ in .plain }, focus: (0...0, 0...0))
                let first = GradientPanels.map("W1[0] C×taps", kernel.at([0]), numbers: numbers, capabilities: model.capabilities,
                                               mark: { _, _ in .plain }, focus: (0...0, 0...0))
                let outputs = GradientPanels.result("Z o×t", Z, current: t, numbers: numbers, capabilities: model.capabilities,
                                                    step: { _, c in c }, at: (0, t))
                return [([signal, window], true), ([weights, first], true), ([outputs], true)]
            },
            resultStep: { _, c in c })
    }

    private static func values(_ t: Tensor) -> String {
        "[" + t.scalars.map(Formatting.number).joined(separator: ", ") + "]"
    }
}
