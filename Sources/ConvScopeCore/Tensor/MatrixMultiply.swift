/// Dense float64 matrix products: the one kernel that convolution (via im2col),
/// `tensordot` and `Linear` all reduce to.
public enum MatrixMultiply {
    /// `C[m×n] += op(A)·op(B)`, all row-major with the given leading dimensions, where
    /// `op(A)` is A (stored `m×k`) or, with `transposeA`, Aᵀ (A stored `k×m`); likewise B.
    ///
    /// Packed, cache-blocked and register-tiled, with a SIMD/FMA micro-kernel chosen for
    /// the CPU at run time; split over up to `threads` threads when the product is large.
    /// The result does not depend on `threads`.
    public static func accumulate(
        m: Int, n: Int, k: Int,
        a: UnsafePointer<Double>, lda: Int,
        b: UnsafePointer<Double>, ldb: Int,
        c: UnsafeMutablePointer<Double>, ldc: Int,
        transposeA: Bool = false, transposeB: Bool = false,
        threads: Int = Parallel.defaultThreads
    ) {
        GemmDriver.best.accumulate(
            m: m, n: n, k: k,
            a: view(a, leading: lda, transposed: transposeA),
            b: view(b, leading: ldb, transposed: transposeB),
            c: c, ldc: ldc, threads: threads)
    }

    /// The strided view of a row-major operand, transposed or not.
    static func view(_ base: UnsafePointer<Double>, leading: Int, transposed: Bool) -> MatrixView {
        transposed
            ? MatrixView(base: base, rowStride: 1, columnStride: leading)
            : MatrixView(base: base, rowStride: leading, columnStride: 1)
    }

    /// `A · B` for 2-d tensors, optionally transposing either operand (without copying it).
    public static func product(
        _ a: Tensor, _ b: Tensor,
        transposeA: Bool = false, transposeB: Bool = false,
        threads: Int = Parallel.defaultThreads
    ) -> Tensor {
        precondition(a.rank == 2 && b.rank == 2, "matrix product needs 2-d operands, got \(a.shape) and \(b.shape)")
        let (m, k) = transposeA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
        let (kb, n) = transposeB ? (b.shape[1], b.shape[0]) : (b.shape[0], b.shape[1])
        precondition(
            kb == k, "cannot multiply \(a.shape)\(transposeA ? "ᵀ" : "") by \(b.shape)\(transposeB ? "ᵀ" : "")")
        let out = [Double](unsafeUninitializedCapacity: m * n) { pc, initialized in
            defer { initialized = m * n }
            a.scalars.withUnsafeBufferPointer { pa in
                b.scalars.withUnsafeBufferPointer { pb in
                    guard let pa = pa.baseAddress, let pb = pb.baseAddress, let pc = pc.baseAddress else {
                        pc.initialize(repeating: 0)
                        return
                    }
                    GemmDriver.best.multiply(
                        m: m, n: n, k: k, rows: view(pa, leading: a.shape[1], transposed: transposeA),
                        columns: view(pb, leading: b.shape[1], transposed: !transposeB),
                        c: pc, ldc: n, overwrite: true, threads: threads)
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
        precondition(
            a.shape[x] == b.shape[y],
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
