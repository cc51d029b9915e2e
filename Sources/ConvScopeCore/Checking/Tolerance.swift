/// When a user's number counts as the library's: `|mine − expected| ≤ absolute +
/// relative·|expected|` (NumPy's `allclose`). NaN matches NaN and an infinity matches the
/// same infinity.
public struct Tolerance: Sendable, Equatable {
    public var absolute: Double
    public var relative: Double

    public init(absolute: Double = 1e-8, relative: Double = 1e-6) {
        self.absolute = absolute
        self.relative = relative
    }

    /// Whether one value is close enough to the expected one.
    public func accepts(_ mine: Double, as expected: Double) -> Bool {
        if mine.isNaN || expected.isNaN { return mine.isNaN && expected.isNaN }
        if mine.isInfinite || expected.isInfinite { return mine == expected }
        return abs(mine - expected) <= absolute + relative * abs(expected)
    }

    /// Whether two tensors have the same shape and every value is close enough.
    public func accepts(_ mine: Tensor, as expected: Tensor) -> Bool {
        mine.shape == expected.shape && zip(mine.scalars, expected.scalars).allSatisfy { accepts($0, as: $1) }
    }
}
