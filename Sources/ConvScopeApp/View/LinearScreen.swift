import ConvScopeCore
import Terminal
import Walkthroughs

/// Linear, forward (`Z[n,o] = Σ_i W[o,i]·A[n,i] + b[o]`: row n of A against row o of W)
/// and backward (dLdA, dLdW, dLdb as sums over output features or samples).
enum LinearScreen {
    static func plan(_ walk: LinearWalkthrough, phase: Pass, step number: Int, model: AppModel) -> ScreenPlan {
        phase == .forward
            ? forward(walk, step: number, model: model) : backward(walk, phase: phase, step: number, model: model)
    }

    static func forward(_ walk: LinearWalkthrough, step number: Int, model: AppModel) -> ScreenPlan {
        let step = walk.forwardStep(number)
        let (n, o) = (step.output[0], step.output[1])
        let products = Tensor(shape: [1, step.terms.count], scalars: step.terms.map(\.product))
        let header: [[Span]] = [
            ScreenParts.titleLine(model.scene.title, step: number, of: walk.output.count, model: model),
            [
                Span(text: walk.layer.summary, style: .bold),
                Span(
                    text:
                        "   A \(Formatting.compactShape(walk.input.shape))  W "
                        + "\(Formatting.compactShape(walk.layer.W.shape))  "
                        + "Z \(Formatting.compactShape(walk.output.shape))"
                ),
            ],
            [Span(text: "Z = A·Wᵀ + bᵀ:  Z[n,o] = Σ_i W[o,i]·A[n,i] + b[o]", style: Style(foreground: .cyan))],
        ]
        let name = "Z" + Formatting.index(step.output)
        let sum = walk.productSum(number)
        let arithmetic: [[Span]] = [
            [
                Span(text: name, style: .bold),
                Span(
                    text:
                        " = Σ_i W[\(o),i]·A[\(n),i] + b[\(o)] = \(Formatting.number(sum)) + "
                        + "\(Formatting.number(step.bias))"
                ),
            ],
            [
                Span(text: String(repeating: " ", count: name.count + 1) + "= "),
                Span(text: Formatting.number(step.value), style: MarkStyle.numberStyle(.current, value: 0)),
            ], [],
        ]
        return GradientPanels.plan(
            model, header: header, arithmetic: arithmetic,
            status: [
                Formatting.statistics("A", walk.input), Formatting.statistics("W", walk.layer.W),
                Formatting.statistics("Z", walk.output),
            ],
            markKey: ScreenParts.markKey(
                [(.tap, "row in this sum"), (.current, "current"), (.pending, "pending")],
                plain: model.capabilities.colorDepth == .none),
            columns: { numbers in
                let a = GradientPanels.map(
                    "A", walk.input, numbers: numbers, capabilities: model.capabilities,
                    mark: { r, _ in r == n ? .tap : .plain }, focus: (n...n, 0...0))
                let w = GradientPanels.map(
                    "W", walk.layer.W, numbers: numbers, capabilities: model.capabilities,
                    mark: { r, _ in r == o ? .tap : .plain }, focus: (o...o, 0...0))
                let p = GradientPanels.map(
                    "W[\(o),:]⊙A[\(n),:]", products, numbers: numbers, capabilities: model.capabilities,
                    mark: { _, _ in .tap }, focus: (0...0, 0...0))
                let z = GradientPanels.result(
                    "Z", walk.output, current: number, numbers: numbers, capabilities: model.capabilities,
                    step: { r, c in walk.output.offset(of: [r, c]) }, at: (n, o))
                return [([a, w, p], true), ([z], true)]
            },
            resultStep: { r, c in walk.output.offset(of: [r, c]) })
    }

    static func backward(_ walk: LinearWalkthrough, phase: Pass, step number: Int, model: AppModel) -> ScreenPlan {
        let kind = phase
        let step = walk.step(number, of: kind)
        let target = walk.gradient(kind)
        let targetGrid = target.rank == 2 ? target : target.reshaped([1, target.count])
        let cell = target.rank == 2 ? (step.element[0], step.element[1]) : (0, step.element[0])
        let used = Set(step.terms.map(\.output))
        let through = Set(step.terms.map(\.through))
        let (walkName, definition): (String, String) =
            switch kind {
            case .dLdW: ("dLdW = dLdZᵀ·A", "dLdW[o,i] = Σ_n dLdZ[n,o]·A[n,i]")
            case .dLdb: ("dLdb = Σ_n dLdZ", "dLdb[o] = Σ_n dLdZ[n,o]")
            default: ("dLdA = dLdZ·W", "dLdA[n,i] = Σ_o dLdZ[n,o]·W[o,i]")
            }
        let header = GradientPanels.header(
            model, step: step, count: target.count, walk: walkName, definition: definition)
        let factor: (String, Tensor)? = kind == .dLdA ? ("W", walk.layer.W) : kind == .dLdW ? ("A", walk.input) : nil
        return GradientPanels.plan(
            model, header: header,
            arithmetic: GradientPanels.arithmetic(
                width: model.size.width,
                kind.rawValue + Formatting.index(step.element), step.terms, result: step.result,
                note: "   (backward's value)"),
            status: [Formatting.statistics("dLdZ", walk.dLdZ), Formatting.statistics(kind.rawValue, target)],
            columns: { numbers in
                let dz = GradientPanels.map(
                    "dLdZ", walk.dLdZ, numbers: numbers, capabilities: model.capabilities,
                    mark: { r, c in used.contains([r, c]) ? .tap : .plain },
                    focus: ConvGradientScreen.focus(of: used.map { ($0[0], $0[1]) }))
                var columns: [(panels: [Panel], flexible: Bool)] = [([dz], true)]
                if let (name, tensor) = factor {
                    columns.append(
                        (
                            [
                                GradientPanels.map(
                                    name, tensor, numbers: numbers, capabilities: model.capabilities,
                                    mark: { r, c in through.contains([r, c]) ? .tap : .plain },
                                    focus: ConvGradientScreen.focus(of: through.map { ($0[0], $0[1]) }))
                            ], true
                        ))
                }
                columns.append(
                    (
                        [
                            GradientPanels.terms(step.terms) { term in
                                "dLdZ\(Formatting.index(term.output))"
                                    + (term.through.isEmpty
                                        ? "" : "·\(factor?.0 ?? "")\(Formatting.index(term.through))")
                            }
                        ], false
                    ))
                columns.append(
                    (
                        [
                            GradientPanels.result(
                                kind.rawValue, targetGrid, current: number, numbers: numbers,
                                capabilities: model.capabilities,
                                step: { r, c in r * targetGrid.shape[1] + c }, at: cell)
                        ], true
                    ))
                return columns
            },
            resultStep: { r, c in r * targetGrid.shape[1] + c })
    }
}
