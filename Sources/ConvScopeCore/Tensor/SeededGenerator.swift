import Foundation

/// A small, fast, reproducible random number generator (SplitMix64).
///
/// Demos and tests need the same "random" weights on every machine and every run,
/// which `SystemRandomNumberGenerator` cannot give.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A standard normal sample (Box–Muller).
    public mutating func nextNormal() -> Double {
        let u1 = Double.random(in: Double.ulpOfOne..<1, using: &self)
        let u2 = Double.random(in: 0..<1, using: &self)
        return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
    }
}

extension Tensor {
    /// Independent N(0, 1) samples from a seeded generator: the default layer initialisation.
    public static func randomNormal(shape: [Int], seed: UInt64) -> Tensor {
        var generator = SeededGenerator(seed: seed)
        return Tensor(shape: shape) { _ in generator.nextNormal() }
    }

    /// Independent uniform samples in `range` from a seeded generator.
    public static func randomUniform(shape: [Int], in range: ClosedRange<Double>, seed: UInt64) -> Tensor {
        var generator = SeededGenerator(seed: seed)
        return Tensor(shape: shape) { _ in Double.random(in: range, using: &generator) }
    }
}
