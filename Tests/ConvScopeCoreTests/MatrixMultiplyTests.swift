import CConvScopeKernels
import ConvScopeTestSupport
import Testing

@testable import ConvScopeCore

/// The blocked GEMM against a plain triple loop, on every micro-kernel this CPU runs.
@Suite struct MatrixMultiplyTests {
    static let kinds = [CS_GEMM_BASELINE, CS_GEMM_AVX2, CS_GEMM_AVX512]

    /// Sizes around the register tiles and the cache blocks (kc 192–256, mc 64–144).
    static let sizes: [(m: Int, n: Int, k: Int)] = [
        (1, 1, 1), (1, 7, 3), (5, 1, 2), (2, 3, 1), (7, 13, 17), (8, 24, 5), (9, 25, 31),
        (31, 29, 257), (150, 37, 11), (3, 2411, 2), (97, 101, 193),
    ]

    /// `C + op(A)·op(B)` by the definition, with A stored `m×k` (or `k×m` transposed) and
    /// leading dimension `lda`; likewise B.
    static func reference(
        m: Int, n: Int, k: Int, a: [Double], lda: Int, transposeA: Bool,
        b: [Double], ldb: Int, transposeB: Bool, c: [Double], ldc: Int
    ) -> [Double] {
        var out = c
        for i in 0..<m {
            for j in 0..<n {
                var total = 0.0
                for p in 0..<k {
                    total += a[transposeA ? p * lda + i : i * lda + p] * b[transposeB ? j * ldb + p : p * ldb + j]
                }
                out[i * ldc + j] += total
            }
        }
        return out
    }

    static func random(_ count: Int, seed: UInt64) -> [Double] {
        Tensor.randomNormal(shape: [count], seed: seed).scalars
    }

    @Test(arguments: kinds)
    func matchesTheDefinition(kind: cs_gemm_kind) throws {
        guard let driver = GemmDriver(exactly: kind) else { return }
        for (index, (m, n, k)) in Self.sizes.enumerated() {
            for (transposeA, transposeB) in [(false, false), (true, false), (false, true), (true, true)] {
                // Leading dimensions wider than the stored rows, and a C that is not zero.
                let lda = (transposeA ? m : k) + 3
                let ldb = (transposeB ? k : n) + 1
                let ldc = n + 2
                let a = Self.random((transposeA ? k : m) * lda, seed: UInt64(index))
                let b = Self.random((transposeB ? n : k) * ldb, seed: UInt64(index + 100))
                var c = Self.random(m * ldc, seed: UInt64(index + 200))
                let expected = Self.reference(
                    m: m, n: n, k: k, a: a, lda: lda, transposeA: transposeA,
                    b: b, ldb: ldb, transposeB: transposeB, c: c, ldc: ldc)
                a.withUnsafeBufferPointer { pa in
                    b.withUnsafeBufferPointer { pb in
                        c.withUnsafeMutableBufferPointer { pc in
                            driver.accumulate(
                                m: m, n: n, k: k,
                                a: MatrixMultiply.view(pa.baseAddress!, leading: lda, transposed: transposeA),
                                b: MatrixMultiply.view(pb.baseAddress!, leading: ldb, transposed: transposeB),
                                c: pc.baseAddress!, ldc: ldc, threads: 2)
                        }
                    }
                }
                let worst = zip(c, expected).map { abs($0 - $1) }.max() ?? 0
                #expect(
                    worst <= 1e-12 * Double(max(k, 1)),
                    "kernel \(kind.rawValue) \(m)×\(n)×\(k) transposed \(transposeA)/\(transposeB): error \(worst)")
            }
        }
    }

    @Test func threadsDoNotChangeTheResult() {
        for (m, n, k) in [(130, 120, 70), (300, 17, 260), (19, 900, 130)] {
            let a = Tensor.randomNormal(shape: [m, k], seed: 1)
            let b = Tensor.randomNormal(shape: [k, n], seed: 2)
            let single = MatrixMultiply.product(a, b, threads: 1)
            let double = MatrixMultiply.product(a, b, threads: 2)
            #expect(single == double, "\(m)×\(n)×\(k)")
        }
    }

    @Test func transposeFlagsMatchExplicitTransposes() {
        let a = Tensor.randomNormal(shape: [23, 41], seed: 3)
        let b = Tensor.randomNormal(shape: [29, 41], seed: 4)
        let viaFlag = MatrixMultiply.product(a, b, transposeB: true)
        let viaCopy = MatrixMultiply.product(a, b.transposed())
        expectClose(viaFlag, viaCopy, tolerance: 0, "A·Bᵀ")
        let c = Tensor.randomNormal(shape: [23, 7], seed: 5)
        let left = MatrixMultiply.product(a, c, transposeA: true)
        expectClose(left, MatrixMultiply.product(a.transposed(), c), tolerance: 0, "Aᵀ·C")
    }
}
