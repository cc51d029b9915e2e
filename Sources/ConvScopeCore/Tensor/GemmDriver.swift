import CConvScopeKernels

/// The cache-blocked GEMM around the C micro-kernels (GotoBLAS/BLIS loop order): for each
/// `nc`-wide block of columns and `kc`-deep slice, pack B; for each `mc`-tall block of
/// rows, pack A; then sweep the packed block with register tiles. Operands are any
/// `PanelSource`; the packing buffers come from `ScratchPool`.
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
    func accumulate(
        m: Int, n: Int, k: Int, a: MatrixView, b: MatrixView,
        c: UnsafeMutablePointer<Double>, ldc: Int, threads: Int
    ) {
        multiply(m: m, n: n, k: k, rows: a, columns: b.transposed, c: c, ldc: ldc, overwrite: false, threads: threads)
    }

    /// `C[m×n] (+)= A·B` where `rows` gives A's `m` rows and `columns` B's `n` columns, each
    /// `k` steps deep. With `overwrite`, C is written without being read. Split over up to
    /// `threads` threads by rows or columns; every element of C sees the same sequence of
    /// operations whatever the split.
    func multiply(
        m: Int, n: Int, k: Int, rows: some PanelSource, columns: some PanelSource,
        c: UnsafeMutablePointer<Double>, ldc: Int, overwrite: Bool, threads: Int
    ) {
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            if overwrite {
                for i in 0..<m { (c + i &* ldc).update(repeating: 0, count: n) }
            }
            return
        }
        let workers = Parallel.workers(for: m &* n &* k, threads: threads)
        let (mr, nr) = (shape.mr, shape.nr)
        if (n + nr - 1) / nr >= (m + mr - 1) / mr {
            Parallel.split(n, workers: workers, alignment: nr) { _, part in
                serial(rows: 0..<m, columns: part, k: k, a: rows, b: columns, c: c, ldc: ldc, overwrite: overwrite)
            }
        } else {
            Parallel.split(m, workers: workers, alignment: mr) { _, part in
                serial(rows: part, columns: 0..<n, k: k, a: rows, b: columns, c: c, ldc: ldc, overwrite: overwrite)
            }
        }
    }

    /// One thread's blocked product over the block `rows × columns` of C.
    private func serial(
        rows: Range<Int>, columns: Range<Int>, k: Int, a: some PanelSource, b: some PanelSource,
        c: UnsafeMutablePointer<Double>, ldc: Int, overwrite: Bool
    ) {
        let (mr, nr) = (shape.mr, shape.nr)
        let kc = min(shape.kc, k)
        let mc = min(shape.mc, roundUp(rows.count, mr))
        let nc = min(shape.nc, roundUp(columns.count, nr))
        ScratchPool.withBuffer(count: (mc + nc) * kc) { packedA in
            let packedB = packedA + mc * kc
            var jc = columns.lowerBound
            while jc < columns.upperBound {
                let nb = min(nc, columns.upperBound &- jc)
                var pc = 0
                while pc < k {
                    let kb = min(kc, k &- pc)
                    b.pack(lanes: jc..<(jc &+ nb), steps: pc..<(pc &+ kb), width: nr, into: packedB)
                    var ic = rows.lowerBound
                    while ic < rows.upperBound {
                        let mb = min(mc, rows.upperBound &- ic)
                        a.pack(lanes: ic..<(ic &+ mb), steps: pc..<(pc &+ kb), width: mr, into: packedA)
                        sweep(
                            rows: mb, columns: nb, depth: kb, packedA: packedA, packedB: packedB,
                            c: c + (ic &* ldc &+ jc), ldc: ldc, overwrite: overwrite && pc == 0)
                        ic &+= mc
                    }
                    pc &+= kc
                }
                jc &+= nc
            }
        }
    }

    /// Runs the micro-kernel over every `mr × nr` tile of one packed block.
    private func sweep(
        rows: Int, columns: Int, depth: Int, packedA: UnsafePointer<Double>,
        packedB: UnsafePointer<Double>, c: UnsafeMutablePointer<Double>, ldc: Int, overwrite: Bool
    ) {
        let (mr, nr) = (shape.mr, shape.nr)
        var jr = 0
        while jr < columns {
            let panelB = packedB + jr &* depth
            let width = min(nr, columns &- jr)
            var ir = 0
            while ir < rows {
                cs_gemm_tile(
                    kind, depth, packedA + ir &* depth, panelB, c + (ir &* ldc &+ jr), ldc,
                    min(mr, rows &- ir), width, overwrite ? 1 : 0)
                ir &+= mr
            }
            jr &+= nr
        }
    }

    private func roundUp(_ x: Int, _ step: Int) -> Int { (x + step - 1) / step * step }
}
