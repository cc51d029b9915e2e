import ConvScopeCore
import Terminal
import Walkthroughs

/// Activations and Flatten: each output element from one input element (forward), each
/// dL/dA element from one dL/dZ element times `f′` (backward).
enum ElementwiseScreen {
    static func plan(_ walk: ElementwiseWalkthrough, phase: Pass, step number: Int, model: AppModel) -> ScreenPlan {
        let kind = walk.layer.activationKind
        let isFlatten = kind == nil
        let name = kind?.rawValue.lowercased() ?? ""
        let shapes = "A \(Formatting.compactShape(walk.input.shape))  Z \(Formatting.compactShape(walk.output.shape))"
        if phase == .forward {
            let step = walk.forwardStep(number)
            let source = MapSlice("A", walk.input, at: step.source)
            let target = MapSlice("Z", walk.output, at: step.output)
            let header: [[Span]] = [
                ScreenParts.titleLine(model.scene.title, step: number, of: walk.output.count, model: model),
                [Span(text: walk.layer.summary, style: .bold), Span(text: "   " + shapes)],
                [
                    Span(
                        text: isFlatten
                            ? "Z[n, k] = A[n, …] at row-major offset k of sample n: channel-major order"
                            : "Z = \(name)(A), element by element",
                        style: Style(foreground: .cyan))
                ],
            ]
            let zName = "Z" + Formatting.index(step.output)
            let formula =
                isFlatten
                ? " = A\(Formatting.index(step.source))"
                : " = \(name)(A\(Formatting.index(step.source))) = \(name)(\(Formatting.number(step.input)))"
            let overflow = OverflowNote.textbook(kind, z: step.input)
            let arithmetic: [[Span]] = [
                [Span(text: zName, style: .bold), Span(text: formula)],
                [
                    Span(text: String(repeating: " ", count: zName.count + 1) + "= "),
                    Span(text: Formatting.number(step.value), style: MarkStyle.numberStyle(.current, value: 0)),
                    Span(text: overflow == nil ? "" : OverflowNote.stableNote, style: .dim),
                ],
                overflow.map(OverflowNote.line) ?? [],
            ]
            return GradientPanels.plan(
                model, header: header, arithmetic: arithmetic,
                status: [Formatting.statistics("A", walk.input), Formatting.statistics("Z", walk.output)],
                markKey: ScreenParts.markKey(
                    [(.tap, "source"), (.current, "current"), (.pending, "pending")],
                    plain: model.capabilities.colorDepth == .none),
                columns: { numbers in
                    let a = GradientPanels.map(
                        source.label, source.values, numbers: numbers, capabilities: model.capabilities,
                        mark: { r, c in (r, c) == source.cell ? .tap : .plain },
                        focus: (source.cell.row...source.cell.row, source.cell.column...source.cell.column))
                    let z = GradientPanels.result(
                        target.label, target.values, current: number, numbers: numbers,
                        capabilities: model.capabilities,
                        step: { r, c in target.step(in: walk.output, row: r, column: c, of: step.output) },
                        at: target.cell)
                    return [([a], true), ([z], true)]
                },
                resultStep: { r, c in target.step(in: walk.output, row: r, column: c, of: step.output) })
        }
        let step = walk.backwardStep(number)
        let term = step.terms[0]
        let upstream = MapSlice("dLdZ", walk.dLdZ, at: term.output)
        let target = MapSlice("dLdA", walk.dLdA, at: step.element)
        let header = GradientPanels.header(
            model, step: step, count: walk.dLdA.count,
            walk: isFlatten ? "dLdA: dLdZ reshaped back" : "dLdA = dLdZ ⊙ f′, with f′ from the cached output",
            definition: isFlatten
                ? "dLdA[n, …] = dLdZ[n, k] at the same row-major offset"
                : "dLdA[e] = dLdZ[e] · f′(Z[e])   (\(derivative(kind)))")
        return GradientPanels.plan(
            model, header: header,
            arithmetic: GradientPanels.arithmetic(
                width: model.size.width,
                "dLdA" + Formatting.index(step.element), step.terms, result: step.result,
                note: isFlatten ? "" : "   = \(Formatting.number(term.upstream)) · \(Formatting.number(term.factor))"),
            status: [Formatting.statistics("dLdZ", walk.dLdZ), Formatting.statistics("dLdA", walk.dLdA)],
            columns: { numbers in
                let dz = GradientPanels.map(
                    upstream.label, upstream.values, numbers: numbers, capabilities: model.capabilities,
                    mark: { r, c in (r, c) == upstream.cell ? .tap : .plain },
                    focus: (upstream.cell.row...upstream.cell.row, upstream.cell.column...upstream.cell.column))
                var columns: [(panels: [Panel], flexible: Bool)] = [([dz], true)]
                if let local = walk.localGradient {
                    let slice = MapSlice("f′", local, at: step.element)
                    columns.append(
                        (
                            [
                                GradientPanels.map(
                                    slice.label, slice.values, numbers: numbers, capabilities: model.capabilities,
                                    mark: { r, c in (r, c) == slice.cell ? .tap : .plain },
                                    focus: (slice.cell.row...slice.cell.row, slice.cell.column...slice.cell.column))
                            ], true
                        ))
                }
                columns.append(
                    (
                        [
                            GradientPanels.result(
                                target.label, target.values, current: number, numbers: numbers,
                                capabilities: model.capabilities,
                                step: { r, c in target.step(in: walk.dLdA, row: r, column: c, of: step.element) },
                                at: target.cell)
                        ], true
                    ))
                return columns
            },
            resultStep: { r, c in target.step(in: walk.dLdA, row: r, column: c, of: step.element) })
    }

    /// The derivative each activation's backward uses, in terms of its output.
    static func derivative(_ kind: ActivationKind?) -> String {
        switch kind {
        case .sigmoid: "f′ = Z(1−Z)"
        case .tanh: "f′ = 1−Z²"
        case .relu: "f′ = [Z>0]"
        case .identity, nil: "f′ = 1"
        }
    }
}
