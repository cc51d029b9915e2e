import ConvScopeCore
import Terminal
import Walkthroughs

/// The distributed scan: the shape chain through the network's layers, how each layer's
/// shared kernel is cut from the MLP's weight (reshape, transpose, slice, with shapes),
/// the three kernels, the window on the signal, and the MLP with that sharing built in
/// agreeing with the network at every window.
enum DistributedScanningScreen {
    static func plan(_ walk: ScanningWalkthrough, step t: Int, model: AppModel) -> ScreenPlan {
        guard let step = try? walk.step(t) else {
            return ProblemScreen.plan("the MLP and the network disagree on shapes at window \(t)", model: model)
        }
        let k = walk.windowSize
        let start = t * walk.hop
        let kernels = walk.network.parameterizedLayers.map(\.W)
        let chain = walk.shapes.map(Formatting.compactShape).joined(separator: " → ")
        let header: [[Span]] =
            [
                ScreenParts.titleLine(model.scene.title, step: t, of: walk.positions, model: model),
                [Span(text: "shapes ", style: .bold), Span(text: chain)],
            ]
            + walk.cuts.enumerated().map { i, cut in
                [
                    Span(text: "W\(i + 1) = ", style: .bold),
                    Span(text: ScanningScreen.expression("w\(i + 1)", cut), style: Style(foreground: .cyan)),
                ]
            }
        let Z = walk.output.reshaped([walk.outFeatures, walk.positions])
        return GradientPanels.plan(
            model, header: header, arithmetic: ScanningScreen.comparison(walk, step, window: t),
            status: [Formatting.statistics("A", walk.input), Formatting.statistics("Z", walk.output)],
            markKey: ScanningScreen.markKey(model),
            columns: { numbers in
                let signal = GradientPanels.map(
                    "A[0] C×W", walk.input.at([0]), numbers: numbers, capabilities: model.capabilities,
                    mark: { _, c in (start..<(start + k)).contains(c) ? .tap : .plain },
                    focus: (0...0, start...(start + k - 1)))
                // Each kernel (C_out, C_in, K) as C_out rows of C_in·K taps (channel-major).
                let panels = kernels.enumerated().map { i, W in
                    GradientPanels.map(
                        "W\(i + 1) \(Formatting.compactShape(W.shape)) o×(c,k)",
                        W.reshaped([W.shape[0], W.shape[1] * W.shape[2]]), numbers: numbers,
                        capabilities: model.capabilities, mark: { _, _ in .plain }, focus: (0...0, 0...0))
                }
                let outputs = GradientPanels.result(
                    "Z o×t", Z, current: t, numbers: numbers, capabilities: model.capabilities,
                    step: { _, c in c }, at: (0, t))
                return [([signal], true), (panels, true), ([outputs], true)]
            },
            resultStep: { _, c in c })
    }
}
