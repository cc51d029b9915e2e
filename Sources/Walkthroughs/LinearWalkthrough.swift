import ConvScopeCore

/// A Linear layer walked output by output (`Z[n, o] = Σ_i W[o, i]·A[n, i] + b[o]`) and
/// backward gradient by gradient, from the layer value's outputs and term lists.
public struct LinearWalkthrough {
    public let layer: LinearFunction
    public let input: Tensor
    private let pass: LayerPass<LinearFunction>

    public init(layer: LinearFunction, input: Tensor, dLdZ: Tensor? = nil, upstream: UpstreamGradient = .ones) throws {
        self.layer = layer
        self.input = input
        pass = try LayerPass(layer, input: input, dLdZ: dLdZ, upstream: upstream)
    }

    public var output: Tensor { pass.output }
    public var dLdZ: Tensor { pass.dLdZ }
    public var dLdA: Tensor { pass.gradients.dLdA }
    public var dLdW: Tensor { pass.gradients.dLdW }
    public var dLdb: Tensor { pass.gradients.dLdb }

    /// Forward step `number`: the products of `Z[n, o]`, the bias and the layer's value.
    public func forwardStep(_ number: Int) -> (output: [Int], terms: [ConvTerm], bias: Double, value: Double) {
        let index = output.index(ofOffset: number)
        return (
            index, layer.productTerms(of: index, in: pass.record), layer.b.scalars[index[1]],
            output.scalars[number]
        )
    }

    /// `Σ_i W[o, i]·A[n, i]` of forward step `number`, before the bias: the sum the
    /// screen shows next to `b[o]`.
    public func productSum(_ number: Int) -> Double {
        forwardStep(number).terms.reduce(0) { $0 + $1.product }
    }

    private var walks: ParameterGradientWalk<LinearFunction> {
        ParameterGradientWalk(layer: layer, record: pass.record, dLdZ: dLdZ, gradients: pass.gradients)
    }

    /// The gradient a backward pass fills in.
    public func gradient(_ pass: Pass) -> Tensor { walks.gradient(pass) }

    /// Step `number` of a backward pass's walk.
    public func step(_ number: Int, of pass: Pass) -> GradientStep { walks.step(number, of: pass) }
}
