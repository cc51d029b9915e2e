import ConvScopeCore

/// A layer that maps each input element to one output element, as a value.
public enum ElementwiseLayer: Sendable, Equatable {
    /// `Z = f(A)`.
    case activation(ActivationFunction)
    /// `Z[n, k]` is A's k-th element of sample n.
    case flatten(FlattenFunction)

    public var summary: String {
        switch self {
        case .activation(let f): f.summary
        case .flatten(let f): f.summary
        }
    }

    /// The activation's kind; nil for Flatten.
    public var activationKind: ActivationKind? {
        if case .activation(let f) = self { return f.kind }
        return nil
    }
}

/// An activation or Flatten walked element by element, forward and backward. Values come
/// from the layer value's outputs, its record and `f′`.
public struct ElementwiseWalkthrough {
    public let layer: ElementwiseLayer
    public let input: Tensor
    public let output: Tensor
    public let dLdZ: Tensor
    public let dLdA: Tensor
    /// `f′` per element for activations (what backward multiplies by); nil for Flatten.
    public let localGradient: Tensor?
    /// Flatten's record (the input shape); nil for activations.
    private let flattenRecord: FlattenRecord?

    public init(
        layer: ElementwiseLayer, input: Tensor, dLdZ: Tensor? = nil,
        upstream: UpstreamGradient = .ones
    ) throws {
        self.layer = layer
        self.input = input
        switch layer {
        case .activation(let f):
            let pass = try LayerPass(f, input: input, dLdZ: dLdZ, upstream: upstream)
            (output, self.dLdZ, dLdA) = (pass.output, pass.dLdZ, pass.gradients.dLdA)
            localGradient = f.localGradient(pass.record)
            flattenRecord = nil
        case .flatten(let f):
            let pass = try LayerPass(f, input: input, dLdZ: dLdZ, upstream: upstream)
            (output, self.dLdZ, dLdA) = (pass.output, pass.dLdZ, pass.gradients.dLdA)
            localGradient = nil
            flattenRecord = pass.record
        }
    }

    /// The input element output element `index` is made from.
    public func source(ofOutput index: [Int]) -> [Int] {
        flattenRecord.map { FlattenFunction().source(ofOutput: index, in: $0) } ?? index
    }

    /// The output element input element `index` becomes.
    public func destination(ofInput index: [Int]) -> [Int] {
        flattenRecord.map { FlattenFunction().destination(ofInput: index, in: $0) } ?? index
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
        return GradientStep(
            number: number, element: element,
            terms: [GradientTerm(output: out, upstream: dLdZ[index: out], through: element, factor: factor)],
            result: dLdA.scalars[number])
    }
}
