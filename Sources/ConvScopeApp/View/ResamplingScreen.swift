import ConvScopeCore
import Terminal
import Walkthroughs

/// Upsampling and downsampling, forward and backward: where each element comes from,
/// the zeros being inserted or the samples being picked, and the remembered size.
enum ResamplingScreen {
    static func plan(_ walk: ResamplingWalkthrough, phase: Pass, step number: Int, model: AppModel) -> ScreenPlan {
        phase == .forward ? forward(walk, step: number, model: model) : backward(walk, step: number, model: model)
    }

    /// `W_out = k(W−1)+1 = …` or `W_out = ceil(W/k) = (W−1)//k + 1 = …`, per spatial axis.
    static func formula(_ walk: ResamplingWalkthrough) -> String {
        let k = walk.layer.factor
        let axes =
            walk.layer.spatialAxes == 2 && walk.input.shape[2] != walk.input.shape[3]
            ? [("H", 2), ("W", 3)] : [("W", walk.input.rank - 1)]
        let name = walk.layer.spatialAxes == 2 && axes.count == 1 ? "H_out = W_out" : nil
        let sizes = axes.map { axis, index -> String in
            let n = walk.input.shape[index]
            let out = walk.output.shape[index]
            let label = name ?? "\(axis)_out"
            return walk.layer.isUpsampling
                ? "\(label) = k(\(axis)−1)+1 = \(k)·(\(n)−1)+1 = \(out)"
                : "\(label) = ceil(\(axis)/k) = (\(n)−1)//\(k) + 1 = \(out)"
        }
        let memory = walk.layer.isUpsampling ? "" : "; remembers \(Formatting.compactShape(walk.input.shape))"
        return sizes.joined(separator: "   ") + memory
    }

    static func forward(_ walk: ResamplingWalkthrough, step number: Int, model: AppModel) -> ScreenPlan {
        let (index, source, value) = walk.forwardStep(number)
        let A = ConvGradientScreen.maps(walk.input)
        let Z = ConvGradientScreen.maps(walk.output)
        let (n, c) = (index[0], index[1])
        let here = ConvGradientScreen.cell(index)
        let from = source.map(ConvGradientScreen.cell)
        let grid = OutputGrid(shape: Z.shape)
        let k = walk.layer.factor
        let header: [[Span]] = [
            ScreenParts.titleLine(model.scene.title, step: number, of: walk.output.count, model: model),
            [
                Span(text: walk.layer.summary, style: .bold),
                Span(
                    text:
                        "   A \(Formatting.compactShape(walk.input.shape))  Z "
                        + "\(Formatting.compactShape(walk.output.shape))"
                ),
            ],
            [Span(text: formula(walk), style: Style(foreground: .cyan))],
        ]
        let name = "Z" + Formatting.index(index)
        let explanation: String
        if let source {
            explanation =
                " = A\(Formatting.index(source))"
                + (walk.layer.isUpsampling ? "   (index ÷ \(k))" : "   (index × \(k))")
        } else {
            explanation =
                " = 0   an inserted zero: \(index.dropFirst(2).map(String.init).joined(separator: ", ")) is not a "
                + "multiple of \(k) on every axis"
        }
        let arithmetic: [[Span]] = [
            [Span(text: name, style: .bold), Span(text: explanation)],
            [
                Span(text: String(repeating: " ", count: name.count + 1) + "= "),
                Span(text: Formatting.number(value), style: MarkStyle.numberStyle(.current, value: value)),
            ],
            [],
        ]
        let status = [
            Formatting.statistics("A\(Formatting.index([n, c]))", walk.input.at([n, c])),
            Formatting.statistics("Z\(Formatting.index([n, c]))", walk.output.at([n, c])),
        ]
        let markKey = ScreenParts.markKey(
            [
                (.tap, "source"), (.padding, walk.layer.isUpsampling ? "inserted zero" : "dropped"),
                (.current, "current"), (.pending, "pending"),
            ], plain: model.capabilities.colorDepth == .none)
        return GradientPanels.plan(
            model, header: header, arithmetic: arithmetic, status: status, markKey: markKey,
            columns: { numbers in
                let input = GradientPanels.map(
                    "A\(Formatting.index([n, c]))", A.at([n, c]), numbers: numbers,
                    capabilities: model.capabilities,
                    mark: { r, q in
                        if from.map({ $0 == (r, q) }) == true { return .tap }
                        return !walk.layer.isUpsampling && (r % k != 0 || q % k != 0) ? .padding : .plain
                    },
                    focus: from.map { ($0.0...$0.0, $0.1...$0.1) } ?? (0...0, 0...0))
                let output = GradientPanels.map(
                    "Z\(Formatting.index([n, c]))", Z.at([n, c]), numbers: numbers, capabilities: model.capabilities,
                    mark: { r, q in
                        let s = grid.step(n: n, c: c, i: r, j: q)
                        if s == number { return .current }
                        if s > number { return .pending }
                        return walk.layer.isUpsampling && (r % k != 0 || q % k != 0) ? .padding : .done
                    },
                    focus: (here.0...here.0, here.1...here.1), isActive: true)
                return [([input], true), ([output], true)]
            },
            resultStep: { r, q in grid.step(n: n, c: c, i: r, j: q) })
    }

    static func backward(_ walk: ResamplingWalkthrough, step number: Int, model: AppModel) -> ScreenPlan {
        let step = walk.backwardStep(number)
        let dLdZ = ConvGradientScreen.maps(walk.dLdZ)
        let dLdA = ConvGradientScreen.maps(walk.dLdA)
        let (n, c) = (step.element[0], step.element[1])
        let here = ConvGradientScreen.cell(step.element)
        let from = step.terms.first.map { ConvGradientScreen.cell($0.output) }
        let grid = OutputGrid(shape: dLdA.shape)
        let k = walk.layer.factor
        let header = GradientPanels.header(
            model, step: step, count: walk.dLdA.count,
            walk: walk.layer.isUpsampling
                ? "upsample backward: pick dLdZ at every multiple of k = \(k)"
                : "downsample backward: scatter dLdZ into zeros of the remembered size",
            definition: walk.layer.isUpsampling
                ? "dLdA[n,c,i] = dLdZ[n,c,\(k)·i]   (on every spatial axis)"
                : "dLdA = zeros\(Formatting.compactShape(walk.input.shape)); dLdA[n,c,::\(k)] = dLdZ")
        let status = [
            Formatting.statistics("dLdZ\(Formatting.index([n, c]))", walk.dLdZ.at([n, c])),
            Formatting.statistics("dLdA\(Formatting.index([n, c]))", walk.dLdA.at([n, c])),
        ]
        return GradientPanels.plan(
            model, header: header,
            arithmetic: routing(step, factor: k, upsampling: walk.layer.isUpsampling),
            status: status,
            columns: { numbers in
                let upstream = GradientPanels.map(
                    "dLdZ\(Formatting.index([n, c]))", dLdZ.at([n, c]), numbers: numbers,
                    capabilities: model.capabilities,
                    mark: { r, q in from.map { $0 == (r, q) } == true ? .tap : .plain },
                    focus: from.map { ($0.0...$0.0, $0.1...$0.1) } ?? (0...0, 0...0))
                let result = GradientPanels.result(
                    "dLdA\(Formatting.index([n, c]))", dLdA.at([n, c]), current: number,
                    numbers: numbers, capabilities: model.capabilities,
                    step: { r, q in grid.step(n: n, c: c, i: r, j: q) }, at: here)
                return [([upstream], true), ([result], true)]
            },
            resultStep: { r, q in grid.step(n: n, c: c, i: r, j: q) })
    }

    /// The backward step as a route: which dL/dZ cell the element's gradient is (picked at
    /// k times its index by upsampling, scattered from index ÷ k by downsampling), or 0
    /// where downsampling dropped the input element.
    static func routing(_ step: GradientStep, factor k: Int, upsampling: Bool) -> [[Span]] {
        let name = "dLdA" + Formatting.index(step.element)
        let route: String
        if let term = step.terms.first {
            route =
                " = dLdZ\(Formatting.index(term.output))"
                + (upsampling ? "   (picked: index × \(k))" : "   (scattered back: index ÷ \(k))")
        } else {
            route = " = 0   (dropped by the downsample: no gradient)"
        }
        return [
            [Span(text: name, style: .bold), Span(text: route)],
            [
                Span(text: String(repeating: " ", count: name.count + 1) + "= "),
                Span(text: Formatting.number(step.result), style: MarkStyle.numberStyle(.current, value: step.result)),
            ],
            [],
        ]
    }
}
