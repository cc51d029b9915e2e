import ConvScopeCore
import Terminal
import Walkthroughs

/// An MLP scanned window by window next to the convolutional network it equals: the
/// window on the signal, the same window flattened time-major as the MLP reads it, one
/// MLP weight column (`c` cycles them) beside the kernel it becomes, the reshape that
/// turns the weight into the kernel, and both outputs. The distributed scan has its own
/// screen (`DistributedScanningScreen`).
enum ScanningScreen {
    static func plan(_ walk: ScanningWalkthrough, step number: Int, model: AppModel) -> ScreenPlan {
        if walk.isDistributed { return DistributedScanningScreen.plan(walk, step: number, model: model) }
        let positions = walk.positions
        let (o, t) = (number / positions, number % positions)
        guard let step = try? walk.step(t) else {
            return ProblemScreen.plan("the MLP and the network disagree on shapes at window \(t)", model: model)
        }
        let channels = walk.input.shape[1]
        let k = walk.windowSize
        let start = t * walk.hop
        let kernel = walk.network.parameterizedLayers[0].W
        let column = walk.mlpWeights[0].sliced([.all, AxisSlice(start: o, stop: o + 1)])
        let columnGrid = column.reshaped([column.count / channels, channels])
        let name = walk.mlpWeights.count == 1 ? "w" : "w1"
        let sizes = walk.mlpWeights.map { "\($0.shape[0])" }.joined(separator: "→") + "→\(walk.outFeatures)"
        let header: [[Span]] =
            [
                ScreenParts.titleLine(
                    model.scene.title, step: number, of: positions * walk.firstLayerColumns, model: model),
                [Span(text: "MLP \(sizes) at every window of \(k) steps, hop \(walk.hop)", style: .bold)],
            ]
            + ScreenParts.broken("≡ " + walk.network.summary, at: " → ", width: model.size.width - 1).map {
                [Span(text: $0)]
            } + [
                [Span(text: reshape(name, walk.cuts[0]), style: Style(foreground: .cyan))],
                [
                    Span(
                        text: "MLP row s·\(channels)+c is tap s of channel c: W[o,c,s] = \(name)[s·\(channels)+c, o]",
                        style: Style(foreground: .cyan)),
                    Span(text: "   \(KeyMap.key(.nextChannel)) next column", style: .dim),
                ],
            ]
        let Z = walk.output.reshaped([walk.outFeatures, positions])
        return GradientPanels.plan(
            model, header: header, arithmetic: comparison(walk, step, window: t),
            status: [Formatting.statistics("A", walk.input), Formatting.statistics("Z", walk.output)],
            markKey: markKey(model),
            columns: { numbers in
                let signal = GradientPanels.map(
                    "A[0] C×W", walk.input.at([0]), numbers: numbers, capabilities: model.capabilities,
                    mark: { _, c in (start..<(start + k)).contains(c) ? .tap : .plain },
                    focus: (0...0, start...(start + k - 1)))
                let window = GradientPanels.map(
                    "window \(t) steps×C", step.window.reshaped([k, channels]), numbers: numbers,
                    capabilities: model.capabilities, mark: { _, _ in .plain }, focus: (0...0, 0...0))
                let weights = GradientPanels.map(
                    "\(name)[:,\(o)] steps×C", columnGrid, numbers: numbers, capabilities: model.capabilities,
                    mark: { _, _ in .plain }, focus: (0...0, 0...0))
                let first = GradientPanels.map(
                    "W1[\(o)] C×taps", kernel.at([o]), numbers: numbers, capabilities: model.capabilities,
                    mark: { _, _ in .plain }, focus: (0...0, 0...0))
                let outputs = GradientPanels.result(
                    "Z o×t", Z, current: number, numbers: numbers, capabilities: model.capabilities,
                    step: { _, c in o * positions + c }, at: (0, t))
                return [([signal, window], true), ([weights, first], true), ([outputs], true)]
            },
            resultStep: { _, c in o * positions + c })
    }

    /// `w1 (192,8) → .T (8,192) → reshape (8,8,24) → transpose(0,2,1) (8,24,8)`.
    static func reshape(_ name: String, _ cut: KernelCut) -> String {
        let s = Formatting.compactShape
        return "\(name) \(s(cut.mlpShape)) → .T \(s(cut.transposedShape)) → reshape \(s(cut.reshapedShape))"
            + " → transpose(0,2,1) \(s(cut.fullKernelShape))"
    }

    /// The same as one NumPy expression with the shared slice and the kernel's shape:
    /// `w1.T.reshape(8,8,24).transpose(0,2,1)[:2,:,:2] → (2,24,2)`, short enough for 80 columns.
    static func expression(_ name: String, _ cut: KernelCut) -> String {
        let reshaped = cut.reshapedShape.map(String.init).joined(separator: ",")
        let slice = cut.isSliced ? "[:\(cut.keptOutputs),:,:\(cut.keptTaps)]" : ""
        return "\(name).T.reshape(\(reshaped)).transpose(0,2,1)\(slice) → \(Formatting.compactShape(cut.kernelShape))"
    }

    /// The MLP's output on window `t` against the network's outputs for it.
    static func comparison(
        _ walk: ScanningWalkthrough, _ step: (window: Tensor, mlpOutput: Tensor, networkOutput: Tensor),
        window t: Int
    ) -> [[Span]] {
        let difference = step.mlpOutput.maxAbsDifference(step.networkOutput)
        return [
            [Span(text: "MLP(window \(t))", style: .bold), Span(text: " = " + values(step.mlpOutput))],
            [
                Span(text: "Z[0, o·\(walk.positions)+\(t)]", style: .bold),
                Span(text: " = " + values(step.networkOutput)),
            ],
            [
                Span(
                    text: "max |difference| = \(Formatting.number(difference))",
                    style: MarkStyle.numberStyle(.current, value: 0)),
                Span(
                    text: difference <= 1e-12 ? "   the same numbers: the MLP is this convolution" : "   they differ",
                    style: .dim),
            ],
        ]
    }

    static func markKey(_ model: AppModel) -> [Span] {
        ScreenParts.markKey(
            [(.tap, "window / weights in use"), (.current, "this window"), (.pending, "pending")],
            plain: model.capabilities.colorDepth == .none)
    }

    private static func values(_ t: Tensor) -> String {
        "[" + t.scalars.map(Formatting.number).joined(separator: ", ") + "]"
    }
}
