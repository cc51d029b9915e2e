import CConvScopeKernels

/// The cache-blocked GEMM around the C micro-kernels (GotoBLAS/BLIS loop order): for each
/// `nc`-wide block of columns and `kc`-deep slice, pack B; for each `mc`-tall block of
/// rows, pack A; then sweep the packed block with register tiles.
struct GemmDriver: Sendable {
    let kind: cs_gemm_kind
    let shape: cs_gemm_shape

    /// The driver for the fastest kernel this CPU runs.
    static let best = GemmDriver(kind: cs_gemm_best())

    /// The driver for a given kernel, or nil where the CPU cannot run it.
    init?(exactly kind: cs_gemm_kind) {
        guard cs_gemm_supported(kind) != 0 else { return nil }
        self.init(kind: kind)
    }

    private init(kind: cs_gemm_kind) {
        self.kind = kind
        shape = cs_gemm_shape_of(kind)
    }

    /// `C[m×n] += A[m×k]·B[k×n]`, split over up to `threads` threads by rows or columns.
    /// Every element of C sees the same sequence of operations whatever the split.
    func accumulate(m: Int, n: Int, k: Int, a: MatrixView, b: MatrixView,
                    c: UnsafeMutablePointer<Double>, ldc: Int, threads: Int) {
        guard m > 0, n > 0, k > 0 else { return }
        let workers = Parallel.workers(for: m &* n &* k, threads: threads)
        let (mr, nr) = (shape.mr, shape.nr)
        if (n + nr - 1) / nr >= (m + mr - 1) / mr {
            Parallel.split(n, workers: workers, alignment: nr) { _, cols in
                serial(m: m, n: cols.count, k: k, a: a, b: b.offset(row: 0, column: cols.lowerBound),
                       c: c + cols.lowerBound, ldc: ldc)
            }
        } else {
            Parallel.split(m, workers: workers, alignment: mr) { _, rows in
                serial(m: rows.count, n: n, k: k, a: a.offset(row: rows.lowerBound, column: 0), b: b,
                       c: c + rows.lowerBound &* ldc, ldc: ldc)
            }
        }
    }

    /// One thread's blocked product.
    private func serial(m: Int, n: Int, k: Int, a: MatrixView, b: MatrixView,
                        c: UnsafeMutablePointer<Double>, ldc: Int) {
        let (mr, nr) = (shape.mr, shape.nr)
        let kc = min(shape.kc, k)
        let mc = min(shape.mc, roundUp(m, mr))
        let nc = min(shape.nc, roundUp(n, nr))
        let packedA = UnsafeMutableRawPointer.allocate(byteCount: mc * kc * 8, alignment: 64)
            .bindMemory(to: Double.self, capacity: mc * kc)
        let packedB = UnsafeMutableRawPointer.allocate(byteCount: nc * kc * 8, alignment: 64)
            .bindMemory(to: Double.self, capacity: nc * kc)
        defer {
            packedA.deallocate()
            packedB.deallocate()
        }
        var jc = 0
        while jc < n {
            let nb = min(nc, n &- jc)
            var pc = 0
            while pc < k {
                let kb = min(kc, k &- pc)
                GemmPacking.packB(b.offset(row: pc, column: jc), depth: kb, columns: nb, nr: nr, into: packedB)
                var ic = 0
                while ic < m {
                    let mb = min(mc, m &- ic)
                    GemmPacking.packA(a.offset(row: ic, column: pc), rows: mb, depth: kb, mr: mr, into: packedA)
                    sweep(rows: mb, columns: nb, depth: kb, packedA: packedA, packedB: packedB,
                          c: c + (ic &* ldc &+ jc), ldc: ldc)
                    ic &+= mc
                }
                pc &+= kc
            }
            jc &+= nc
        }
    }

    /// Runs the micro-kernel over every `mr × nr` tile of one packed block.
    private func sweep(rows: Int, columns: Int, depth: Int, packedA: UnsafePointer<Double>,
                       packedB: UnsafePointer<Double>, c: UnsafeMutablePointer<Double>, ldc: Int) {
        let (mr, nr) = (shape.mr, shape.nr)
        var jr = 0
        while jr < columns {
            let panelB = packedB + jr &* depth
            let width = min(nr, columns &- jr)
            var ir = 0
            while ir < rows {
                cs_gemm_tile(kind, depth, packedA + ir &* depth, panelB, c + (ir &* ldc &+ jr), ldc,
                             min(mr, rows &- ir), width)
                ir &+= mr
            }
            jr &+= nr
        }
    }

    private func roundUp(_ x: Int, _ step: Int) -> Int { (x + step - 1) / step * step }
}
