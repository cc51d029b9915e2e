/// Dense float64 matrix products: the one kernel that convolution (via im2col),
/// `tensordot` and `Linear` all reduce to.
public enum MatrixMultiply {
    /// Rows of B kept hot in cache per pass, and columns per pass.
    private static let depthBlock = 128
    private static let widthBlock = 512

    /// `C[m×n] += A[m×k] · B[k×n]`, all row-major with the given leading dimensions.
    ///
    /// An i-k-j loop, blocked over k and j, on raw pointers with wrapping index
    /// arithmetic so the compiler vectorises the innermost loop.
    public static func accumulate(
        m: Int, n: Int, k: Int,
        a: UnsafePointer<Double>, lda: Int,
        b: UnsafePointer<Double>, ldb: Int,
        c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        var p0 = 0
        while p0 < k {
            let p1 = min(p0 &+ depthBlock, k)
            var j0 = 0
            while j0 < n {
                let j1 = min(j0 &+ widthBlock, n)
                let width = j1 &- j0
                for i in 0..<m {
                    let cRow = c + (i &* ldc &+ j0)
                    let aRow = a + i &* lda
                    var p = p0
                    while p < p1 {
                        let scale = aRow[p]
                        let bRow = b + (p &* ldb &+ j0)
                        for j in 0..<width {
                            cRow[j] += scale * bRow[j]
                        }
                        p &+= 1
                    }
                }
                j0 = j1
            }
            p0 = p1
        }
    }

    /// `A · B` for 2-d tensors, optionally transposing either operand first.
    public static func product(_ a: Tensor, _ b: Tensor,
                               transposeA: Bool = false, transposeB: Bool = false) -> Tensor {
        precondition(a.rank == 2 && b.rank == 2, "matrix product needs 2-d operands, got \(a.shape) and \(b.shape)")
        let left = transposeA ? a.transposed() : a
        let right = transposeB ? b.transposed() : b
        let (m, k, n) = (left.shape[0], left.shape[1], right.shape[1])
        precondition(right.shape[0] == k, "cannot multiply \(left.shape) by \(right.shape)")
        var out = [Double](repeating: 0, count: m * n)
        left.scalars.withUnsafeBufferPointer { pa in
            right.scalars.withUnsafeBufferPointer { pb in
                out.withUnsafeMutableBufferPointer { pc in
                    if m > 0 && n > 0 && k > 0 {
                        accumulate(m: m, n: n, k: k, a: pa.baseAddress!, lda: k,
                                   b: pb.baseAddress!, ldb: n, c: pc.baseAddress!, ldc: n)
                    }
                }
            }
        }
        return Tensor(shape: [m, n], scalars: out)
    }
}

/// Contracts `a` and `b` over paired axes, like `np.tensordot(a, b, axes=(axesA, axesB))`:
/// the result has a's free axes followed by b's free axes.
public func tensordot(_ a: Tensor, _ b: Tensor, axes: (a: [Int], b: [Int])) -> Tensor {
    precondition(axes.a.count == axes.b.count, "tensordot needs as many axes on each side")
    for (x, y) in zip(axes.a, axes.b) {
        precondition(a.shape[x] == b.shape[y],
                     "tensordot: axis \(x) of \(a.shape) does not match axis \(y) of \(b.shape)")
    }
    let freeA = (0..<a.rank).filter { !axes.a.contains($0) }
    let freeB = (0..<b.rank).filter { !axes.b.contains($0) }
    let contracted = axes.a.reduce(1) { $0 * a.shape[$1] }
    let rows = freeA.reduce(1) { $0 * a.shape[$1] }
    let cols = freeB.reduce(1) { $0 * b.shape[$1] }
    let left = a.permuted(freeA + axes.a).reshaped([rows, contracted])
    let right = b.permuted(axes.b + freeB).reshaped([contracted, cols])
    let product = MatrixMultiply.product(left, right)
    return product.reshaped(freeA.map { a.shape[$0] } + freeB.map { b.shape[$0] })
}

/// `np.tensordot(a, b, axes=n)`: contracts the last `n` axes of `a` with the first `n` of `b`.
public func tensordot(_ a: Tensor, _ b: Tensor, axes n: Int) -> Tensor {
    tensordot(a, b, axes: (Array((a.rank - n)..<a.rank), Array(0..<n)))
}
