import ConvScopeCore

/// A Linear layer walked output by output (`Z[n, o] = Σ_i W[o, i]·A[n, i] + b[o]`) and
/// backward gradient by gradient, from the layer's own outputs and term lists.
public struct LinearWalkthrough {
    public let layer: Linear
    public let input: Tensor
    public let output: Tensor
    public let dLdZ: Tensor
    public let dLdA: Tensor
    public let dLdW: Tensor
    public let dLdb: Tensor

    public init(layer: Linear, input: Tensor, dLdZ: Tensor? = nil, upstream: UpstreamGradient = .ones) throws {
        self.layer = layer
        self.input = input
        (output, self.dLdZ, dLdA) = try forwardAndBackward(layer, input: input, dLdZ: dLdZ, upstream: upstream)
        dLdW = layer.dLdW
        dLdb = layer.dLdb
    }

    /// Forward step `number`: the products of `Z[n, o]`, the bias and the layer's value.
    public func forwardStep(_ number: Int) -> (output: [Int], terms: [ConvTerm], bias: Double, value: Double) {
        let index = output.index(ofOffset: number)
        return (index, layer.productTerms(of: index), layer.b.scalars[index[1]], output.scalars[number])
    }

    private var walks: ParameterGradientWalk {
        ParameterGradientWalk(layer: layer, dLdZ: dLdZ, dLdA: dLdA, dLdW: dLdW, dLdb: dLdb)
    }

    public func gradient(_ kind: GradientKind) -> Tensor { walks.gradient(kind) }

    /// Step `number` of the walk over `kind`.
    public func step(_ number: Int, of kind: GradientKind) -> GradientStep { walks.step(number, of: kind) }
}
