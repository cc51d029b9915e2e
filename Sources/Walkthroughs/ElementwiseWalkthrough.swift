import ConvScopeCore

/// A layer that maps each input element to one output element — an activation
/// (`Z = f(A)`) or Flatten (`Z[n, k]` is A's k-th element of sample n) — walked element
/// by element, forward and backward. Values come from the layer's outputs and `f′`.
public struct ElementwiseWalkthrough {
    public let layer: Layer
    public let input: Tensor
    public let output: Tensor
    public let dLdZ: Tensor
    public let dLdA: Tensor
    /// `f′` per element for activations (what backward multiplies by); nil for Flatten.
    public let localGradient: Tensor?

    public init(layer: Layer, input: Tensor, dLdZ: Tensor? = nil, upstream: UpstreamGradient = .ones) throws {
        precondition(layer is Activation || layer is Flatten, "elementwise walks are for activations and Flatten")
        self.layer = layer
        self.input = input
        (output, self.dLdZ, dLdA) = try forwardAndBackward(layer, input: input, dLdZ: dLdZ, upstream: upstream)
        localGradient = (layer as? Activation)?.localGradient
    }

    /// The input element output element `index` is made from.
    public func source(ofOutput index: [Int]) -> [Int] {
        (layer as? Flatten)?.source(ofOutput: index) ?? index
    }

    /// The output element input element `index` becomes.
    public func destination(ofInput index: [Int]) -> [Int] {
        guard layer is Flatten else { return index }
        let offset = input.offset(of: index)
        return [index[0], offset - index[0] * (input.count / max(1, input.shape[0]))]
    }

    /// Forward step `number`: the output element, its source, and both values.
    public func forwardStep(_ number: Int) -> (output: [Int], source: [Int], input: Double, value: Double) {
        let index = output.index(ofOffset: number)
        let source = source(ofOutput: index)
        return (index, source, input[index: source], output.scalars[number])
    }

    /// Backward step `number`: dL/dA of one input element, from its one dL/dZ element.
    public func backwardStep(_ number: Int) -> GradientStep {
        let element = dLdA.index(ofOffset: number)
        let out = destination(ofInput: element)
        let factor = localGradient.map { $0[index: element] } ?? 1
        return GradientStep(number: number, element: element,
                            terms: [GradientTerm(output: out, upstream: dLdZ[index: out], through: element, factor: factor)],
                            result: dLdA.scalars[number])
    }
}
