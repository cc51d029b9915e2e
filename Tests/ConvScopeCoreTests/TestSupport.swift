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

    /// A random 2-D geometry: kernel 1–4, stride 1–3, padding 0–2 and dilation 1–3 on each axis.
    mutating func geometry() -> ConvGeometry {
        func draw(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
        return ConvGeometry(
            kernel: HW(draw(1...4), draw(1...4)), stride: HW(draw(1...3), draw(1...3)),
            padding: HW(draw(0...2), draw(0...2)), dilation: HW(draw(1...3), draw(1...3)))
    }
}
