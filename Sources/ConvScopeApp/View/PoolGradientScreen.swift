import ConvScopeCore
import Terminal
import Walkthroughs

/// The pooling backward screen: which dL/dZ elements reach the current input element
/// (max: the windows whose argmax it is; mean: every window holding it, each /K²).
enum PoolGradientScreen {
    static func plan(_ walk: PoolBackwardWalkthrough, step number: Int, model: AppModel) -> ScreenPlan {
        let layer = walk.forward.layer
        let step = walk.step(number)
        let (n, c, h, w) = (step.element[0], step.element[1], step.element[2], step.element[3])
        let reaching = Set(walk.forward.outputsReading(input: step.element).map { [$0[2], $0[3]] })
        let routed = Set(step.terms.map { [$0.output[2], $0.output[3]] })
        let windows = Set(
            walk.forward.outputsReading(input: step.element).flatMap { layer.receptiveField(of: $0) }.map {
                [$0[2], $0[3]]
            })
        let grid = OutputGrid(shape: walk.dLdA.shape)
        let isMax = layer.kind == .max
        let header = GradientPanels.header(
            model, step: step, count: walk.stepCount,
            walk: isMax
                ? "dLdA: each dLdZ goes to its window's argmax" : "dLdA: each dLdZ spread as dLdZ/K² over its window",
            definition: isMax
                ? "dLdA[n,c,h,w] = Σ over windows whose first maximum is A[n,c,h,w]: dLdZ[n,c,i,j]"
                : "dLdA[n,c,h,w] = Σ over windows holding A[n,c,h,w]: dLdZ[n,c,i,j] / "
                    + "\(layer.geometry.kernel.h * layer.geometry.kernel.w)"
        )
        let status = [
            Formatting.statistics("dLdZ\(Formatting.index([n, c]))", walk.dLdZ.at([n, c])),
            Formatting.statistics("A\(Formatting.index([n, c]))", walk.forward.input.at([n, c])),
            Formatting.statistics("dLdA\(Formatting.index([n, c]))", walk.dLdA.at([n, c])),
        ]
        let label: (GradientTerm) -> String =
            isMax
            ? { "dLdZ\(Formatting.index($0.output)) → max" }
            : { "dLdZ\(Formatting.index($0.output))/\(layer.geometry.kernel.h * layer.geometry.kernel.w)" }
        return GradientPanels.plan(
            model, header: header,
            arithmetic: GradientPanels.arithmetic(
                width: model.size.width,
                "dLdA" + Formatting.index(step.element), step.terms, result: step.result,
                note: isMax && step.terms.count > 1 ? "   (overlapping windows add up)" : "   (backward's value)"),
            status: status,
            markKey: ScreenParts.markKey(
                [
                    (.tap, isMax ? "routed here" : "in this sum"),
                    (.windowGap, "its windows"),
                ]
                    + (isMax ? [(.argmax, "this element")] : [])
                    + [(.current, "current"), (.pending, "pending")],
                plain: model.capabilities.colorDepth == .none),
            columns: { numbers in
                let upstream = GradientPanels.map(
                    "dLdZ\(Formatting.index([n, c]))", walk.dLdZ.at([n, c]), numbers: numbers,
                    capabilities: model.capabilities,
                    mark: { r, q in routed.contains([r, q]) ? .tap : reaching.contains([r, q]) ? .windowGap : .plain },
                    focus: ConvGradientScreen.focus(of: reaching.map { ($0[0], $0[1]) }))
                let input = GradientPanels.map(
                    "A\(Formatting.index([n, c]))", walk.forward.input.at([n, c]), numbers: numbers,
                    capabilities: model.capabilities,
                    mark: { r, q in
                        r == h && q == w ? (isMax ? .argmax : .tap) : windows.contains([r, q]) ? .windowGap : .plain
                    },
                    focus: (h...h, w...w))
                let terms = GradientPanels.terms(step.terms, label: label)
                let result = GradientPanels.result(
                    "dLdA\(Formatting.index([n, c]))", walk.dLdA.at([n, c]), current: step.number,
                    numbers: numbers, capabilities: model.capabilities,
                    step: { r, q in grid.step(n: n, c: c, i: r, j: q) }, at: (h, w))
                return [([upstream], true), ([input], true), ([terms], false), ([result], true)]
            },
            resultStep: { r, q in grid.step(n: n, c: c, i: r, j: q) })
    }
}
