import ConvScopeCore

/// One step of a backward walk: the making of one gradient element from its terms.
public struct GradientStep: Sendable, Equatable {
    public let number: Int
    /// The gradient element being made: an index into dL/dA, dL/dW or dL/db.
    public let element: [Int]
    /// The terms whose products add up to it, as the layer lists them.
    public let terms: [GradientTerm]
    /// The value the layer's backward pass produced for the element.
    public let result: Double
}

/// The upstream gradient a backward walk starts from, when the user brings none.
public enum UpstreamGradient: Sendable, Equatable {
    /// All ones: dL/dA then shows each input's plain influence count-weighted by W.
    case ones
    /// Seeded standard-normal values.
    case random(seed: UInt64)

    /// A tensor of the given shape.
    public func tensor(shape: [Int]) -> Tensor {
        switch self {
        case .ones: Tensor(shape: shape, repeating: 1)
        case .random(let seed): Tensor.randomNormal(shape: shape, seed: seed)
        }
    }
}
