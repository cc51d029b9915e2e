extension Tensor {
    /// Applies a function to every element.
    public func map(_ transform: (Double) -> Double) -> Tensor {
        Tensor(shape: shape, scalars: scalars.map(transform))
    }

    /// Combines two tensors of the same shape element by element.
    public func zipMap(_ other: Tensor, _ combine: (Double, Double) -> Double) -> Tensor {
        precondition(shape == other.shape, "shapes \(shape) and \(other.shape) differ")
        var out = [Double](repeating: 0, count: count)
        for i in 0..<count { out[i] = combine(scalars[i], other.scalars[i]) }
        return Tensor(shape: shape, scalars: out)
    }

    public static func + (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.zipMap(rhs, +) }
    public static func - (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.zipMap(rhs, -) }
    /// Elementwise (Hadamard) product.
    public static func * (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.zipMap(rhs, *) }
    public static func * (lhs: Double, rhs: Tensor) -> Tensor { rhs.map { lhs * $0 } }
    public static func * (lhs: Tensor, rhs: Double) -> Tensor { lhs.map { $0 * rhs } }
    public static func / (lhs: Tensor, rhs: Double) -> Tensor { lhs.map { $0 / rhs } }

    /// Sums over the given axes, which disappear from the shape (`np.sum(a, axis=axes)`).
    public func sum(axes: [Int]) -> Tensor {
        let summed = Set(axes)
        precondition(summed.allSatisfy { $0 >= 0 && $0 < rank }, "axes \(axes) out of range for rank \(rank)")
        let kept = (0..<rank).filter { !summed.contains($0) }
        // Move the summed axes last, then add up each contiguous run.
        let moved = permuted(kept + summed.sorted())
        let outShape = kept.map { shape[$0] }
        let run = summed.reduce(1) { $0 * shape[$1] }
        var out = [Double](repeating: 0, count: Tensor.count(of: outShape))
        for i in 0..<out.count {
            var total = 0.0
            for j in 0..<run { total += moved.scalars[i * run + j] }
            out[i] = total
        }
        return Tensor(shape: outShape, scalars: out)
    }

    /// The sum of every element.
    public func sum() -> Double { scalars.reduce(0, +) }

    /// The largest absolute elementwise difference to another tensor of the same shape.
    public func maxAbsDifference(_ other: Tensor) -> Double {
        precondition(shape == other.shape, "shapes \(shape) and \(other.shape) differ")
        var worst = 0.0
        for i in 0..<count {
            let d = abs(scalars[i] - other.scalars[i])
            if d > worst || d.isNaN { worst = d }
        }
        return worst
    }
}

/// The Kronecker product of two tensors of equal rank (`np.kron`): block `(i…)` of the
/// result is `a[i…] · b`, so the result's extent on each axis is the product of the two.
public func kron(_ a: Tensor, _ b: Tensor) -> Tensor {
    precondition(a.rank == b.rank, "kron needs equal ranks, got \(a.shape) and \(b.shape)")
    let outShape = zip(a.shape, b.shape).map(*)
    var out = Tensor(shape: outShape)
    let outStrides = out.strides
    for ai in 0..<a.count {
        let aIndex = a.index(ofOffset: ai)
        for bi in 0..<b.count {
            let bIndex = b.index(ofOffset: bi)
            var offset = 0
            for axis in 0..<a.rank {
                offset += (aIndex[axis] * b.shape[axis] + bIndex[axis]) * outStrides[axis]
            }
            out.scalars[offset] = a.scalars[ai] * b.scalars[bi]
        }
    }
    return out
}

extension Tensor {
    /// The index of the largest entry of each row of a 2-d tensor (the first on ties): a
    /// classifier's predicted classes from its logits, or the classes of one-hot labels.
    public func rowArgmax() -> [Int] {
        precondition(rank == 2, "rowArgmax needs a 2-d tensor, got \(shape)")
        let columns = shape[1]
        return (0..<shape[0]).map { row in
            var best = 0
            for c in 1..<max(columns, 1) where scalars[row * columns + c] > scalars[row * columns + best] { best = c }
            return best
        }
    }
}
