import ConvScopeCore

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
