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
    /// How many terms the sum has: `terms.count`, unless the step was made listing only its
    /// first terms (`ConvBackwardWalkthrough.step(_:of:listing:)`).
    public let termCount: Int

    init(number: Int, element: [Int], terms: [GradientTerm], result: Double, termCount: Int? = nil) {
        self.number = number
        self.element = element
        self.terms = terms
        self.result = result
        self.termCount = termCount ?? terms.count
    }
}

/// The upstream gradient a backward walk starts from, when the user brings none.
public enum UpstreamGradient: Sendable, Equatable {
    /// All ones: dL/dA then shows each input's plain influence count-weighted by W.
    case ones
    /// Seeded standard-normal values.
    case random(seed: UInt64)
    /// Small nonzero integers (−4 … 5), each run of 9 consecutive elements distinct: a
    /// seeded shuffle of those 9 values, repeated. Every term dL/dZ · W then shows which
    /// dL/dZ element it routes, which all ones hide. What the demo's backward passes use.
    case integers(seed: UInt64)

    /// A tensor of the given shape.
    public func tensor(shape: [Int]) -> Tensor {
        switch self {
        case .ones: Tensor(shape: shape, repeating: 1)
        case .random(let seed): Tensor.randomNormal(shape: shape, seed: seed)
        case .integers(let seed):
            Tensor(shape: shape, scalars: Self.integerCycle(seed: seed, count: Tensor.count(of: shape)))
        }
    }

    /// The values of `.integers(seed:)`, `count` of them.
    private static func integerCycle(seed: UInt64, count: Int) -> [Double] {
        var generator = SeededGenerator(seed: seed)
        let cycle = [1, 2, 3, 4, 5, -1, -2, -3, -4].shuffled(using: &generator)
        return (0..<count).map { Double(cycle[$0 % cycle.count]) }
    }
}
