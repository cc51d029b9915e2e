/// Summary numbers of a tensor in the spirit of lovely-tensors: what a status line or a
/// headless summary shows. Non-finite values are counted, not folded into min/max/mean.
public struct TensorStatistics: Sendable, Equatable {
    public let count: Int
    /// Over the finite elements; nil when there are none.
    public let min: Double?
    public let max: Double?
    public let mean: Double?
    public let nanCount: Int
    public let positiveInfinityCount: Int
    public let negativeInfinityCount: Int

    public init(_ tensor: Tensor) {
        self.init(parts: [tensor.scalars[...]])
    }

    /// The statistics of `parts` read one after another, as of one tensor holding them in
    /// that order (a map `t[n, c]` is one part; a channel `t[:, c]` one part per sample): the
    /// same sums in the same order as `init(_:)` over that tensor, so the same mean to the bit.
    public init(parts: [ArraySlice<Double>]) {
        var low = Double.infinity
        var high = -Double.infinity
        var total = 0.0
        var finite = 0
        var nans = 0
        var posInf = 0
        var negInf = 0
        var elements = 0
        for part in parts {
            elements += part.count
            for x in part {
                if x.isNaN {
                    nans += 1
                } else if x == .infinity {
                    posInf += 1
                } else if x == -.infinity {
                    negInf += 1
                } else {
                    finite += 1
                    low = Swift.min(low, x)
                    high = Swift.max(high, x)
                    total += x
                }
            }
        }
        count = elements
        min = finite > 0 ? low : nil
        max = finite > 0 ? high : nil
        mean = finite > 0 ? total / Double(finite) : nil
        nanCount = nans
        positiveInfinityCount = posInf
        negativeInfinityCount = negInf
    }
}
