/// The two loops behind resampling, over `planes` independent planes of a dense `H × W`
/// grid (H = 1 and factor 1 on h for 1-D) and its every-k-th sparse grid. Outputs start
/// uninitialised and are filled in one pass, row by row; large tensors split their
/// planes over the cores.
struct ResamplingKernels {
    let planes: Int
    let dense: HW
    let sparse: HW
    let factor: HW

    /// Sizes for a tensor whose last `spatialAxes` (1 or 2) axes are the dense grid `denseShape`'s.
    init(denseShape: [Int], factor k: Int, spatialAxes: Int) {
        precondition(spatialAxes == 1 || spatialAxes == 2, "resampling works on 1 or 2 spatial axes")
        let rank = denseShape.count
        planes = Tensor.count(of: Array(denseShape.prefix(rank - spatialAxes)))
        dense = spatialAxes == 1 ? HW(1, denseShape[rank - 1]) : HW(denseShape[rank - 2], denseShape[rank - 1])
        factor = spatialAxes == 1 ? HW(1, k) : HW(k, k)
        sparse = HW(
            Resampling.downsampledExtent(dense.h, factor: factor.h),
            Resampling.downsampledExtent(dense.w, factor: factor.w))
    }

    var denseCount: Int { planes * dense.h * dense.w }
    var sparseCount: Int { planes * sparse.h * sparse.w }

    /// `sparse[p, i, j] = dense[p, i·k, j·k]`.
    func gather(_ source: [Double]) -> [Double] {
        [Double](unsafeUninitializedCapacity: sparseCount) { out, initialized in
            defer { initialized = sparseCount }
            source.withUnsafeBufferPointer { src in
                forEachPlane { plane in
                    let from = src.baseAddress! + plane &* dense.h &* dense.w
                    let to = out.baseAddress! + plane &* sparse.h &* sparse.w
                    for i in 0..<sparse.h {
                        let row = from + i &* factor.h &* dense.w
                        let dst = to + i &* sparse.w
                        for j in 0..<sparse.w { (dst + j).initialize(to: row[j &* factor.w]) }
                    }
                }
            }
        }
    }

    /// The dense grid holding `source` at every k-th position and zeros elsewhere.
    func spread(_ source: [Double]) -> [Double] {
        [Double](unsafeUninitializedCapacity: denseCount) { out, initialized in
            defer { initialized = denseCount }
            source.withUnsafeBufferPointer { src in
                forEachPlane { plane in
                    let from = src.baseAddress! + plane &* sparse.h &* sparse.w
                    let to = out.baseAddress! + plane &* dense.h &* dense.w
                    for y in 0..<dense.h {
                        let dst = to + y &* dense.w
                        dst.initialize(repeating: 0, count: dense.w)
                        guard y % factor.h == 0 else { continue }
                        let row = from + y / factor.h &* sparse.w
                        for j in 0..<sparse.w { dst[j &* factor.w] = row[j] }
                    }
                }
            }
        }
    }

    private func forEachPlane(_ body: (Int) -> Void) {
        guard sparseCount > 0 else { return }
        let workers = Parallel.workers(for: denseCount, threads: Parallel.defaultThreads)
        Parallel.split(planes, workers: workers) { _, range in
            for plane in range { body(plane) }
        }
    }
}
