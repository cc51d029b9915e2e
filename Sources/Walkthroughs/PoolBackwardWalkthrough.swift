import ConvScopeCore

/// A pooling layer's backward pass as a walk over dL/dA one input element at a time: max
/// pooling routes each dL/dZ to its argmax (adding where windows overlap), mean pooling
/// spreads dL/dZ/K² over each window. Values come from the layer's backward and term list.
public struct PoolBackwardWalkthrough {
    public let forward: PoolForwardWalkthrough
    public let dLdZ: Tensor
    public let dLdA: Tensor

    public init(forward: PoolForwardWalkthrough, dLdZ: Tensor) throws {
        self.forward = forward
        self.dLdZ = dLdZ
        dLdA = try forward.layer.backward(forward.record, dLdZ).dLdA
    }

    public var stepCount: Int { dLdA.count }

    public func step(_ number: Int) -> GradientStep {
        let element = dLdA.index(ofOffset: number)
        return GradientStep(number: number, element: element,
                            terms: forward.layer.inputGradientTerms(of: element, in: forward.record, dLdZ: dLdZ),
                            result: dLdA.scalars[number])
    }
}
