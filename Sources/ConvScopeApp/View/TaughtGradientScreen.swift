import ConvScopeCore
import Terminal
import Walkthroughs

/// dL/dA the way the assignment computes it, on the same element as the dL/dA walk:
/// dL/dZ scattered by the stride into zeros of the stride-1 size and padded by K−1, a
/// window of it against the flipped kernel of every output channel, and the padded-input
/// gradient whose border is cropped off.
enum TaughtGradientScreen {
    static func plan(_ walk: ConvBackwardWalkthrough, step number: Int, model: AppModel) -> ScreenPlan {
        let taught = walk.taught
        let step = walk.taughtStep(number)
        let (n, c, y, x) = (step.element[0], step.element[1], step.element[2], step.element[3])
        let g = walk.layer.geometry
        let text = SpatialText(axes: walk.layer.spatialAxes)
        let (gradRows, gradColumns) = (taught.padded.shape[2], taught.padded.shape[3])
        let scatteredSize = (gradRows - 2 * taught.border.h, gradColumns - 2 * taught.border.w)
        let crop = taught.cropping
        let result = taught.paddedInputGradient.at([n, c])
        let (rows, columns) = (result.shape[0], result.shape[1])
        let inputGrid = OutputGrid(shape: ConvGradientScreen.maps(walk.dLdA).shape)
        let window = taught.windowExtent(ofPadded: step.element)

        func gradientMark(_ r: Int, _ q: Int) -> CellMark {
            if window.rows.contains(r) && window.columns.contains(q) { return .tap }
            let (sr, sq) = (r - taught.border.h, q - taught.border.w)
            let inside = (0..<scatteredSize.0).contains(sr) && (0..<scatteredSize.1).contains(sq)
            return inside && sr % g.stride.h == 0 && sq % g.stride.w == 0 ? .plain : .padding
        }
        /// A padded-input cell's step in the dL/dA walk, or nil in the cropped border.
        func stepOf(_ r: Int, _ q: Int) -> Int? {
            let (h, w) = (r - crop.h, q - crop.w)
            guard (0..<(rows - 2 * crop.h)).contains(h), (0..<(columns - 2 * crop.w)).contains(w) else { return nil }
            return inputGrid.step(n: n, c: c, i: h, j: w)
        }
        let channelSums = walk.taughtChannelSums(step)
        let name = "dLd\(model.scene.inputName)" + Formatting.index(walk.dLdA.index(ofOffset: number))
        let header = GradientPanels.header(
            model, step: step, count: walk.stepCount(.dLdA),
            walk: "dLdA as taught: G = dLdZ ↑\(text.pair(g.stride)) pad \(text.pair(taught.border)), flip W, crop",
            definition: walk.layer.spatialAxes == 1
                ? "dLdA_pad[n,c,x] = Σ_o Σ_k G[n,o,x+k]·flip(W)[o,c,k]"
                : "dLdA_pad[n,c,y,x] = Σ_o Σ_p,q G[n,o,y+p,x+q]·flip(W)[o,c,p,q]")
        let indent = String(repeating: " ", count: name.count + 1)
        let arithmetic: [[Span]] = [
            [
                Span(text: name, style: .bold),
                Span(
                    text: Formatting.foldedSum(
                        lead: " = dLdA_pad\(Formatting.index(text.dims(step.element))) = ",
                        channelSums.enumerated().map { ($0.element, "o\($0.offset)") },
                        width: model.size.width - name.count)),
            ],
            [
                Span(text: indent + "= "),
                Span(text: Formatting.number(step.result), style: MarkStyle.numberStyle(.current, value: 0)),
                Span(text: "   the dLdA walk gives \(Formatting.number(walk.dLdA.scalars[number]))", style: .dim),
            ],
            [
                Span(
                    text: indent + "crop \(text.pair(crop)) from each side of dLdA_pad "
                        + Formatting.compactShape(Array(text.dims(taught.paddedInputGradient.shape).dropFirst(2)))
                        + " gives dLdA",
                    style: .dim)
            ],
        ]
        let status = [
            Formatting.statistics(
                "G\(Formatting.index([n]))", shape: Array(text.tensor(taught.padded).shape.dropFirst()),
                walk.taughtGradientSummary([n]).statistics),
            Formatting.statistics("flip(W)[:,\(c)]", Self.inputChannel(c, of: text.tensor(taught.flippedKernel))),
            Formatting.statistics(
                "dLdA_pad\(Formatting.index([n, c]))",
                shape: Array(text.tensor(taught.paddedInputGradient).shape.dropFirst(2)),
                walk.taughtPaddedInputGradientSummary([n, c]).statistics),
        ]
        return GradientPanels.plan(
            model, header: header, arithmetic: arithmetic, status: status,
            markKey: GradientPanels.markKey(model, padding: true),
            columns: { numbers in
                let gradients = GradientPanels.shown(taught.padded.shape[1], model).map { o in
                    GradientPanels.map(
                        "G\(Formatting.index([n, o]))", taught.padded.at([n, o]),
                        summary: walk.taughtGradientSummary([n, o]), numbers: numbers,
                        capabilities: model.capabilities, mark: gradientMark,
                        focus: window)
                }
                let kernels = GradientPanels.shown(taught.flippedKernel.shape[0], model).map { o in
                    GradientPanels.map(
                        "flip W\(Formatting.index([o, c]))", taught.flippedKernel.at([o, c]), numbers: true,
                        capabilities: model.capabilities, mark: { _, _ in .tap }, focus: (0...0, 0...0))
                }
                let sums = Panel(
                    title: "Σ per o",
                    lines: channelSums.enumerated().map { o, sum in
                        [Span(text: "o\(o): "), Span(text: Formatting.number(sum), style: .bold)]
                    })
                let target = GradientPanels.map(
                    "dLdA_pad\(Formatting.index([n, c]))", result,
                    summary: walk.taughtPaddedInputGradientSummary([n, c]),
                    numbers: numbers, capabilities: model.capabilities,
                    mark: { r, q in
                        guard let s = stepOf(r, q) else { return .padding }
                        return s == number ? .current : s < number ? .done : .pending
                    },
                    focus: (y...y, x...x), isActive: true)
                return [
                    (GradientPanels.noting(gradients, of: taught.padded.shape[1]), true), (kernels, false),
                    ([sums], false), ([target], true),
                ]
            },
            resultStep: { r, q in stepOf(r, q) })
    }

    /// `kernel[:, c]` as NumPy indexes it: the input-channel axis dropped, `(O, K)` or `(O, kH, kW)`.
    static func inputChannel(_ c: Int, of kernel: Tensor) -> Tensor {
        kernel.sliced([.all, AxisSlice(start: c, stop: c + 1)]).reshaped([kernel.shape[0]] + kernel.shape.dropFirst(2))
    }
}
