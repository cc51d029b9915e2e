import Testing
import ConvScopeCore

/// Expects two tensors to have the same shape and to differ by at most `tolerance` anywhere.
func expectClose(_ actual: Tensor, _ expected: Tensor, tolerance: Double, _ what: String,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    guard actual.shape == expected.shape else {
        Issue.record("\(what): shape \(actual.shape), expected \(expected.shape)", sourceLocation: sourceLocation)
        return
    }
    let error = actual.maxAbsDifference(expected)
    #expect(error <= tolerance, "\(what): max |error| \(error) exceeds \(tolerance)", sourceLocation: sourceLocation)
}

/// Expects two numbers to agree to `tolerance` relative to the larger magnitude (and at least 1).
func expectRelativelyClose(_ actual: Double, _ expected: Double, tolerance: Double, _ what: String,
                           sourceLocation: SourceLocation = #_sourceLocation) {
    let scale = max(1, abs(actual), abs(expected))
    #expect(abs(actual - expected) <= tolerance * scale,
            "\(what): \(actual) vs \(expected)", sourceLocation: sourceLocation)
}

/// `Σ a ⊙ b` over every element.
func innerProduct(_ a: Tensor, _ b: Tensor) -> Double {
    zip(a.scalars, b.scalars).reduce(0) { $0 + $1.0 * $1.1 }
}

extension SeededGenerator {
    /// A uniformly random index into a tensor of the given shape.
    mutating func index(in shape: [Int]) -> [Int] {
        shape.map { Int.random(in: 0..<$0, using: &self) }
    }
}
