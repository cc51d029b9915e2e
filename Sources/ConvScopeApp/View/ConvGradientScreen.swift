import ConvScopeCore
import Terminal
import Walkthroughs

/// The convolution backward screens: dL/dA (an input's influence on every output
/// channel), dL/dW (a tap's correlation of A with dL/dZ) and dL/db (sums of dL/dZ).
enum ConvGradientScreen {
    static func plan(_ walk: ConvBackwardWalkthrough, phase: Pass, step number: Int, model: AppModel) -> ScreenPlan {
        // A dL/dW or dL/db sum has a term per sample and output position: only as many are
        // made as the terms panel and the written-out sum could show.
        let step = walk.step(number, of: phase, listing: max(GradientPanels.maximumLines, model.size.width / 4))
        switch phase {
        case .dLdW: return weightGradient(walk, step: step, model: model)
        case .dLdb: return biasGradient(walk, step: step, model: model)
        default: return inputGradient(walk, step: step, model: model)
        }
    }

    /// 4-d views (height 1 for Conv1d) so 1-d and 2-d layers share the screens.
    static func maps(_ t: Tensor) -> Tensor {
        t.rank == 3 ? t.reshaped([t.shape[0], t.shape[1], 1, t.shape[2]]) : t
    }

    /// The shape of `t[:, c]` for a tensor of `shape`: the channel axis kept with extent 1.
    static func channelShape(_ shape: [Int]) -> [Int] {
        [shape[0], 1] + shape.dropFirst(2)
    }

    /// `(h, w)` of the spatial part of an index; h is 0 for 1-d layers.
    static func cell(_ index: [Int]) -> (Int, Int) {
        index.count == 4 ? (index[2], index[3]) : (0, index[2])
    }

    static func inputGradient(_ walk: ConvBackwardWalkthrough, step: GradientStep, model: AppModel) -> ScreenPlan {
        let layer = walk.layer
        let (n, c) = (step.element[0], step.element[1])
        let here = cell(step.element)
        let dLdZ = maps(walk.dLdZ)
        let W = maps(layer.W)
        let dLdA = maps(walk.dLdA)
        let fed = Set(step.terms.map { [$0.output[1], cell($0.output).0, cell($0.output).1] })
        let taps = Set(step.terms.map { [$0.through[0], cell($0.through).0, cell($0.through).1] })
        let grid = OutputGrid(shape: dLdA.shape)
        let header = GradientPanels.header(
            model, step: step, count: walk.stepCount(.dLdA), walk: "dLdA: one input element at a time",
            definition: definitions(layer).dLdA)
        let name = "dLd\(model.scene.inputName)" + Formatting.index(step.element)
        // Statistics, widths and heat colours of the big maps are the ones the walkthrough keeps.
        let status = [
            Formatting.statistics(
                "dLdZ\(Formatting.index([n]))", shape: Array(walk.dLdZ.shape.dropFirst()),
                walk.upstreamSummary([n]).statistics),
            Formatting.statistics("W[:,\(c)]", layer.W.sliced([.all, AxisSlice(start: c, stop: c + 1)])),
            Formatting.statistics(
                "dLd\(model.scene.inputName)\(Formatting.index([n, c]))", shape: Array(walk.dLdA.shape.dropFirst(2)),
                walk.inputGradientSummary([n, c]).statistics),
        ]
        return GradientPanels.plan(
            model, header: header,
            arithmetic: GradientPanels.arithmetic(
                width: model.size.width,
                name, step.terms, total: step.termCount, result: step.result, note: "   (backward's value)"),
            status: status,
            columns: { numbers in
                let outputs = GradientPanels.shown(layer.outChannels, model).map { o in
                    GradientPanels.map(
                        "dLdZ\(Formatting.index([n, o]))", dLdZ.at([n, o]), summary: walk.upstreamSummary([n, o]),
                        numbers: numbers, capabilities: model.capabilities,
                        mark: { r, q in fed.contains([o, r, q]) ? .tap : .plain },
                        focus: focus(of: step.terms.filter { $0.output[1] == o }.map { cell($0.output) }))
                }
                let kernels = GradientPanels.shown(layer.outChannels, model).map { o in
                    GradientPanels.map(
                        "W\(Formatting.index([o, c]))", W.at([o, c]), numbers: true, capabilities: model.capabilities,
                        mark: { r, q in taps.contains([o, r, q]) ? .tap : .plain }, focus: (0...0, 0...0))
                }
                let terms = GradientPanels.terms(step.terms, total: step.termCount) { term in
                    "dLdZ\(Formatting.index(term.output))·W\(Formatting.index(term.through))"
                }
                let result = GradientPanels.result(
                    "dLd\(model.scene.inputName)\(Formatting.index([n, c]))", dLdA.at([n, c]),
                    summary: walk.inputGradientSummary([n, c]), current: step.number,
                    numbers: numbers, capabilities: model.capabilities,
                    step: { r, q in grid.step(n: n, c: c, i: r, j: q) }, at: here)
                return [
                    (GradientPanels.noting(outputs, of: layer.outChannels), true), (kernels, false), ([terms], false),
                    ([result], true),
                ]
            },
            resultStep: { r, q in grid.step(n: n, c: c, i: r, j: q) })
    }

    static func weightGradient(_ walk: ConvBackwardWalkthrough, step: GradientStep, model: AppModel) -> ScreenPlan {
        let layer = walk.layer
        let (o, c) = (step.element[0], step.element[1])
        let here = cell(step.element)
        let dLdZ = maps(walk.dLdZ)
        let dLdW = maps(walk.dLdW)
        let padded = walk.forward.record.paddedInput
        let p = layer.geometry.padding
        let samples = padded.shape[0]
        let (rows, columns) = (padded.shape[2], padded.shape[3])
        // Which padded cells the tap reads (the same in every sample), asked of the geometry
        // cell by cell as they are drawn: a step has a term per output position.
        let tap = layer.spatialAxes == 1 ? HW(0, step.element[2]) : HW(step.element[2], step.element[3])
        let outputSize = layer.geometry.outputSize(forInput: layer.spatialSize(walk.forward.input.shape))
        func read(_ r: Int, _ q: Int) -> Bool {
            layer.geometry.output(readingPadded: HW(r, q), tap: tap, outputSize: outputSize) != nil
        }
        // Sample n's terms run over the output rows then columns, so its first and last
        // terms span the cells it reads.
        let perSample = step.termCount / max(1, samples)
        func span(ofSample n: Int) -> (rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
            guard perSample > 0 else { return (0...0, 0...0) }
            let ends = [n * perSample, (n + 1) * perSample - 1].map {
                cell(walk.term($0, ofStep: step.number, of: .dLdW).through)
            }
            return focus(of: ends.map { ($0.0 + p.h, $0.1 + p.w) })
        }
        let grid = OutputGrid(shape: dLdW.shape)
        let inputShape = walk.forward.input.shape
        /// Whether an unpadded input index lies inside A (else the tap read zero padding).
        func inside(_ index: [Int]) -> Bool {
            zip(index.dropFirst(2), inputShape.dropFirst(2)).allSatisfy { (0..<$1).contains($0) }
        }
        var header = GradientPanels.header(
            model, step: step, count: walk.stepCount(.dLdW), walk: "dLdW: one weight tap at a time",
            definition: definitions(layer).dLdW)
        // As many (o, c) maps of dLdW as stack in the body, pages holding the current one.
        let current = o * layer.inChannels + c
        let room = Bands(size: model.size, headerLines: header.count + 1, arithmeticLines: 3, statusLines: 4).body
            .height
        let slices = ChannelWindow(
            total: layer.outChannels * layer.inChannels, focus: current, capacity: room / (dLdW.shape[2] + 2))
        if !slices.isComplete {
            let first = slices.shown.lowerBound
            let last = slices.shown.upperBound - 1
            let names = [first, last].map { "dLdW" + Formatting.index([$0 / layer.inChannels, $0 % layer.inChannels]) }
            header.append([
                Span(
                    text: "\(names[0])–\(names[1]): \(slices.shown.count) of \(slices.total) (o, c) maps shown",
                    style: Style(foreground: .yellow))
            ])
        }
        let status = [
            Formatting.statistics(
                "dLdZ[:,\(o)]", shape: channelShape(walk.dLdZ.shape), walk.upstreamChannelSummary(o).statistics),
            Formatting.statistics(
                "\(model.scene.inputName)[:,\(c)]", shape: channelShape(inputShape),
                walk.forward.inputChannelSummary(c).statistics),
            Formatting.statistics("dLdW\(Formatting.index([o, c]))", walk.dLdW.at([o, c])),
        ]
        return GradientPanels.plan(
            model, header: header,
            arithmetic: GradientPanels.arithmetic(
                width: model.size.width,
                "dLdW" + Formatting.index(step.element), step.terms, total: step.termCount, result: step.result,
                note: "   (backward's value)"),
            status: status,
            markKey: GradientPanels.markKey(model, padding: p != HW(square: 0)),
            columns: { numbers in
                let gradients = GradientPanels.shown(samples, model).map { n in
                    GradientPanels.map(
                        "dLdZ\(Formatting.index([n, o]))", dLdZ.at([n, o]), summary: walk.upstreamSummary([n, o]),
                        numbers: numbers, capabilities: model.capabilities,
                        mark: { _, _ in .tap }, focus: (0...0, 0...0))
                }
                let inputs = GradientPanels.shown(samples, model).map { n in
                    GradientPanels.map(
                        "\(p == HW(square: 0) ? model.scene.inputName : "A_pad")\(Formatting.index([n, c]))",
                        padded.at([n, c]), summary: walk.forward.paddedInputSummary([n, c]), numbers: numbers,
                        capabilities: model.capabilities,
                        mark: { r, q in
                            if read(r, q) { return .tap }
                            return r < p.h || r >= rows - p.h || q < p.w || q >= columns - p.w ? .padding : .plain
                        },
                        focus: span(ofSample: n))
                }
                let terms = GradientPanels.terms(step.terms, total: step.termCount) { term in
                    "dLdZ\(Formatting.index(term.output))·"
                        + (inside(term.through) ? "A\(Formatting.index(term.through))" : "pad")
                }
                // Every (o, c) map of dLdW that fits, filling in step by step; the current one framed.
                let results = slices.shown.map { k -> Panel in
                    let (o2, c2) = (k / layer.inChannels, k % layer.inChannels)
                    var panel = GradientPanels.result(
                        "dLdW\(Formatting.index([o2, c2]))", dLdW.at([o2, c2]), current: step.number,
                        numbers: true, capabilities: model.capabilities,
                        step: { r, q in grid.step(n: o2, c: c2, i: r, j: q) },
                        at: k == current ? here : (0, 0))
                    panel.isActive = k == current
                    return panel
                }
                return [
                    (GradientPanels.noting(gradients, of: samples), true), (inputs, true), ([terms], false),
                    (results, false),
                ]
            },
            resultStep: { r, q in grid.step(n: o, c: c, i: r, j: q) })
    }

    static func biasGradient(_ walk: ConvBackwardWalkthrough, step: GradientStep, model: AppModel) -> ScreenPlan {
        let o = step.element[0]
        let dLdZ = maps(walk.dLdZ)
        let header = GradientPanels.header(
            model, step: step, count: walk.stepCount(.dLdb), walk: "dLdb: one output channel at a time",
            definition: definitions(walk.layer).dLdb)
        let status = [
            Formatting.statistics(
                "dLdZ[:,\(o)]", shape: channelShape(walk.dLdZ.shape), walk.upstreamChannelSummary(o).statistics),
            Formatting.statistics("dLdb", walk.dLdb),
        ]
        return GradientPanels.plan(
            model, header: header,
            arithmetic: GradientPanels.arithmetic(
                width: model.size.width,
                "dLdb" + Formatting.index(step.element), step.terms, total: step.termCount, result: step.result,
                note: "   (backward's value)"),
            status: status,
            columns: { numbers in
                let gradients = GradientPanels.shown(dLdZ.shape[0], model).map { n in
                    GradientPanels.map(
                        "dLdZ\(Formatting.index([n, o]))", dLdZ.at([n, o]), summary: walk.upstreamSummary([n, o]),
                        numbers: numbers, capabilities: model.capabilities,
                        mark: { _, _ in .tap }, focus: (0...0, 0...0))
                }
                let result = GradientPanels.result(
                    "dLdb", walk.dLdb, current: step.number, numbers: true,
                    capabilities: model.capabilities, step: { _, q in q }, at: (0, o))
                return [(GradientPanels.noting(gradients, of: dLdZ.shape[0]), true), ([result], false)]
            },
            resultStep: { _, q in q })
    }

    /// The three sums in the layer's own index names: `[n,c,w]`, `[o,c,k]`, `[n,o,w]` for
    /// Conv1d (p is the padding, s the stride, d the dilation), two spatial axes for Conv2d.
    static func definitions(_ layer: ConvFunction) -> (dLdA: String, dLdW: String, dLdb: String) {
        if layer.spatialAxes == 1 {
            return (
                "dLdA[n,c,w] = Σ_o Σ_k dLdZ[n,o,w']·W[o,c,k] over w'·s + k·d = w + p",
                "dLdW[o,c,k] = Σ_n Σ_w dLdZ[n,o,w] · A_pad[n,c,w·s+k·d]",
                "dLdb[o] = Σ_n Σ_w dLdZ[n,o,w]"
            )
        }
        return (
            "dLdA[n,c,h,w] = Σ over every output it fed: dLdZ[n,o,i,j] · W[o,c,tap]",
            "dLdW[o,c,p,q] = Σ_n Σ_i,j dLdZ[n,o,i,j] · A_pad[n,c,i·s+p·d,j·s+q·d]",
            "dLdb[o] = Σ_n Σ_i,j dLdZ[n,o,i,j]"
        )
    }

    /// The rows and columns spanned by some cells, to keep in view.
    static func focus(of cells: [(Int, Int)]) -> (rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        guard let first = cells.first else { return (0...0, 0...0) }
        let rows = cells.map(\.0)
        let columns = cells.map(\.1)
        return (
            (rows.min() ?? first.0)...(rows.max() ?? first.0), (columns.min() ?? first.1)...(columns.max() ?? first.1)
        )
    }
}
