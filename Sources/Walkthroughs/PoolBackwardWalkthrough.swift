import ConvScopeCore

/// A pooling layer's backward pass as a walk over dL/dA one input element at a time: max
/// pooling routes each dL/dZ to its argmax (adding where windows overlap), mean pooling
/// spreads dL/dZ/K² over each window. Values come from the layer's backward and term list.
public struct PoolBackwardWalkthrough {
    public let forward: PoolForwardWalkthrough
    private let upstream: Deferred<Tensor>
    private let gradient: Deferred<Tensor>

    /// The backward pass from `dLdZ`, whose shape is checked here; dL/dA is computed when
    /// first asked for (a screen that opens on the forward pass never needs it).
    public init(forward: PoolForwardWalkthrough, dLdZ: Tensor) throws {
        guard dLdZ.shape == forward.output.shape else {
            throw LayerError.gradientShape(shape: dLdZ.shape, output: forward.output.shape)
        }
        self.init(forward: forward, upstream: Deferred(made: dLdZ))
    }

    /// The backward pass from `dLdZ`, else from a `made` gradient in Z's shape, which is
    /// generated, like dL/dA, only when first asked for.
    public init(forward: PoolForwardWalkthrough, dLdZ: Tensor?, made upstream: UpstreamGradient) throws {
        if let dLdZ {
            try self.init(forward: forward, dLdZ: dLdZ)
        } else {
            let shape = forward.output.shape
            self.init(forward: forward, upstream: Deferred { upstream.tensor(shape: shape) })
        }
    }

    private init(forward: PoolForwardWalkthrough, upstream: Deferred<Tensor>) {
        self.forward = forward
        self.upstream = upstream
        gradient = Deferred {
            // The gradient's shape is Z's (checked above, or made so), the only thing
            // pooling's backward checks.
            try! forward.layer.backward(forward.record, upstream.value).dLdA
        }
    }

    public var dLdZ: Tensor { upstream.value }
    public var dLdA: Tensor { gradient.value }

    /// dL/dA's shape, which is A's, without computing dL/dA.
    public var shape: [Int] { forward.input.shape }

    public var stepCount: Int { Tensor.count(of: shape) }

    public func step(_ number: Int) -> GradientStep {
        let element = dLdA.index(ofOffset: number)
        return GradientStep(
            number: number, element: element,
            terms: forward.layer.inputGradientTerms(of: element, in: forward.record, dLdZ: dLdZ),
            result: dLdA.scalars[number])
    }
}
