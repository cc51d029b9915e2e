/// What a map's number columns depend on: the least and greatest finite elements, whether
/// every finite element is a whole number, and whether any element is NaN or infinite.
/// One pass over the elements, with no per-element library call, so a 16-million-element
/// input costs a few milliseconds; screens keep it per tensor (see the walkthroughs).
public struct NumberExtent: Sendable, Equatable {
    /// The least finite element; +∞ when none is finite.
    public let low: Double
    /// The greatest finite element; −∞ when none is finite.
    public let high: Double
    /// Every finite element is a whole number (true when there are none).
    public let integral: Bool
    /// Some element is NaN or ±∞.
    public let hasNonFinite: Bool

    public init(low: Double, high: Double, integral: Bool, hasNonFinite: Bool) {
        self.low = low
        self.high = high
        self.integral = integral
        self.hasNonFinite = hasNonFinite
    }

    public init(_ tensor: Tensor) {
        self.init(tensor.scalars)
    }

    public init(_ values: [Double]) {
        self = values.withUnsafeBufferPointer { Self.scan($0, threads: Parallel.defaultThreads) }
    }

    /// The extent of `parts` together (a map, or a channel's map in every sample).
    public init(parts: [ArraySlice<Double>]) {
        let found = parts.map { part in
            part.withUnsafeBufferPointer { Self.scan($0, threads: Parallel.defaultThreads) }
        }
        self = Self.merged(found)
    }

    /// The extent of several parts' elements together.
    static func merged(_ found: [NumberExtent]) -> NumberExtent {
        NumberExtent(
            low: found.map(\.low).min() ?? .infinity, high: found.map(\.high).max() ?? -.infinity,
            integral: found.allSatisfy(\.integral), hasNonFinite: found.contains(where: \.hasNonFinite))
    }

    /// `scan` in contiguous parts on up to `threads` threads (big tensors only), merged.
    static func scan(_ values: UnsafeBufferPointer<Double>, threads: Int) -> NumberExtent {
        let workers = Parallel.workers(for: values.count / 2, threads: threads)
        guard workers > 1 else { return scan(values) }
        var parts = [NumberExtent?](repeating: nil, count: workers)
        parts.withUnsafeMutableBufferPointer { parts in
            Parallel.split(values.count, workers: workers) { part, range in
                parts[part] = scan(UnsafeBufferPointer(rebasing: values[range]))
            }
        }
        return merged(parts.compactMap { $0 })
    }

    /// The plain definition, element by element; the fast pass falls back to it when it
    /// meets a NaN or an infinity (and the tests compare the two).
    public static func reference(_ values: UnsafeBufferPointer<Double>) -> NumberExtent {
        var low = Double.infinity
        var high = -Double.infinity
        var integral = true
        var special = false
        for v in values {
            guard v.isFinite else {
                special = true
                continue
            }
            low = Swift.min(low, v)
            high = Swift.max(high, v)
            if integral && v != v.rounded() { integral = false }
        }
        return NumberExtent(low: low, high: high, integral: integral, hasNonFinite: special)
    }

    /// Whole numbers four at a time while they last, then only the extremes; any
    /// non-finite element sends the whole scan to `reference`.
    static func scan(_ values: UnsafeBufferPointer<Double>) -> NumberExtent {
        let n = values.count
        var i = 0
        var low0 = Double.infinity
        var low1 = Double.infinity
        var high0 = -Double.infinity
        var high1 = -Double.infinity
        while i + 4 <= n {
            let a = values[i]
            let b = values[i + 1]
            let c = values[i + 2]
            let d = values[i + 3]
            guard
                a.magnitude < .infinity && b.magnitude < .infinity && c.magnitude < .infinity && d.magnitude < .infinity
            else { return reference(values) }
            guard isWhole(a) && isWhole(b) && isWhole(c) && isWhole(d) else { break }
            low0 = a < low0 ? a : low0
            high0 = a > high0 ? a : high0
            low1 = b < low1 ? b : low1
            high1 = b > high1 ? b : high1
            low0 = c < low0 ? c : low0
            high0 = c > high0 ? c : high0
            low1 = d < low1 ? d : low1
            high1 = d > high1 ? d : high1
            i += 4
        }
        while i < n {
            let v = values[i]
            guard v.isFinite else { return reference(values) }
            guard isWhole(v) else { break }
            low0 = v < low0 ? v : low0
            high0 = v > high0 ? v : high0
            i += 1
        }
        let integral = i == n
        // The rest: extremes in four lanes; NaN never wins a comparison, so it is only noted.
        var l0 = Swift.min(low0, low1)
        var l1 = l0
        var l2 = l0
        var l3 = l0
        var h0 = Swift.max(high0, high1)
        var h1 = h0
        var h2 = h0
        var h3 = h0
        var nan = false
        while i + 4 <= n {
            let a = values[i]
            let b = values[i + 1]
            let c = values[i + 2]
            let d = values[i + 3]
            l0 = a < l0 ? a : l0
            h0 = a > h0 ? a : h0
            l1 = b < l1 ? b : l1
            h1 = b > h1 ? b : h1
            l2 = c < l2 ? c : l2
            h2 = c > h2 ? c : h2
            l3 = d < l3 ? d : l3
            h3 = d > h3 ? d : h3
            nan = nan || a != a || b != b || c != c || d != d
            i += 4
        }
        while i < n {
            let a = values[i]
            l0 = a < l0 ? a : l0
            h0 = a > h0 ? a : h0
            nan = nan || a != a
            i += 1
        }
        let low = Swift.min(Swift.min(l0, l1), Swift.min(l2, l3))
        let high = Swift.max(Swift.max(h0, h1), Swift.max(h2, h3))
        if nan || low == -.infinity || high == .infinity { return reference(values) }
        return NumberExtent(low: low, high: high, integral: integral, hasNonFinite: false)
    }

    /// Whether a finite `v` is a whole number, without a call to `round`: below 2⁵², adding
    /// and subtracting 2⁵² rounds to an integer exactly; from 2⁵² on every double is whole.
    @inline(__always)
    private static func isWhole(_ v: Double) -> Bool {
        let a = v.magnitude
        return a >= 0x1p52 || (a + 0x1p52) - 0x1p52 == a
    }
}
