/// One of the user's tensors compared with the library's: the shape, the largest error,
/// and where the values differ beyond the tolerance.
public struct TensorCheck: Sendable {
    /// The tensor's key, e.g. `dLdA`.
    public let key: String
    public let mine: Tensor
    public let expected: Tensor
    /// Row-major offsets where the values differ; empty when the shapes differ.
    public let mismatches: [Int]
    /// The largest `|mine − expected|` (infinite where only one side is NaN or infinite);
    /// nil when the shapes differ.
    public let maxError: Double?
    /// The classic mistake the user's tensor matches, when one does.
    public internal(set) var mistake: KnownMistake?

    public init(key: String, mine: Tensor, expected: Tensor, tolerance: Tolerance) {
        self.key = key
        self.mine = mine
        self.expected = expected
        guard mine.shape == expected.shape else {
            mismatches = []
            maxError = nil
            return
        }
        var worst = 0.0
        var differing: [Int] = []
        for (offset, (m, e)) in zip(mine.scalars, expected.scalars).enumerated() {
            if tolerance.accepts(m, as: e) {
                if m.isFinite && e.isFinite { worst = max(worst, abs(m - e)) }
            } else {
                differing.append(offset)
                let error = abs(m - e)
                worst = max(worst, error.isNaN ? .infinity : error)
            }
        }
        mismatches = differing
        maxError = worst
    }

    public var shapeMatches: Bool { mine.shape == expected.shape }

    /// True when the shape is right and every value is within tolerance.
    public var passes: Bool { shapeMatches && mismatches.isEmpty }

    /// The indices of the first `limit` mismatches, in row-major order.
    public func firstMismatches(_ limit: Int) -> [[Int]] {
        mismatches.prefix(limit).map(expected.index(ofOffset:))
    }
}
