/// Sums with several independent accumulators, so long reductions vectorise instead of
/// waiting on one add at a time.
enum Reduction {
    /// `Σ p[0..<count]`.
    static func sum(_ p: UnsafePointer<Double>, count: Int) -> Double {
        var lanes = SIMD8<Double>()
        var i = 0
        while i &+ 8 <= count {
            lanes += UnsafeRawPointer(p + i).loadUnaligned(as: SIMD8<Double>.self)
            i &+= 8
        }
        var total = lanes.sum()
        while i < count {
            total += p[i]
            i &+= 1
        }
        return total
    }
}
