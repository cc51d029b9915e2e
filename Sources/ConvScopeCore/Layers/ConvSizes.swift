/// The sizes of one convolution pass, how it spreads over threads, and the per-sample
/// gradient products.
struct ConvSizes {
    let samples: Int
    let channels: Int
    let paddedSize: HW
    let outChannels: Int
    let output: HW
    let geometry: ConvGeometry
    let im2col: Im2col

    init(padded: [Int], weight: [Int], geometry: ConvGeometry) {
        samples = padded[0]
        channels = padded[1]
        paddedSize = HW(padded[2], padded[3])
        outChannels = weight[0]
        self.geometry = geometry
        output = Convolution.outputSize(paddedSize: paddedSize, geometry: geometry)
        im2col = Im2col(channels: channels, paddedSize: paddedSize, geometry: geometry, output: output)
    }

    var positions: Int { output.h * output.w }
    /// Rows of the im2col matrix: `C·kH·kW`.
    var depth: Int { channels * geometry.kernel.h * geometry.kernel.w }
    /// Elements of one padded sample.
    var planeSize: Int { channels * paddedSize.h * paddedSize.w }

    /// Threads that each take whole samples (1 when there are fewer samples than threads).
    func sampleWorkers(_ threads: Int) -> Int {
        let workers = Parallel.workers(for: samples * outChannels * depth * positions, threads: threads)
        return samples >= workers ? workers : 1
    }

    /// Threads inside one sample's kernels: those the samples do not already use.
    func innerThreads(_ threads: Int) -> Int {
        sampleWorkers(threads) > 1
            ? 1 : Parallel.workers(for: samples * outChannels * depth * positions, threads: threads)
    }

    /// Whether dL/dW is computed as its transpose `cols · dL/dZᵀ` (`depth × O`), which
    /// pads fewer rows and columns up to the register tile than `dL/dZ · colsᵀ` when
    /// `C·kH·kW` is thin (e.g. 27 for an RGB input).
    var weightGradientIsTransposed: Bool {
        let shape = GemmDriver.best.shape
        func padded(_ m: Int, _ n: Int) -> Int {
            (m + shape.mr - 1) / shape.mr * shape.mr * ((n + shape.nr - 1) / shape.nr * shape.nr)
        }
        return padded(depth, outChannels) < padded(outChannels, depth)
    }

    /// Adds one sample's dL/dW, `dL/dZ[n] · colsᵀ` (or its transpose, see
    /// `weightGradientIsTransposed`), into `dW`.
    func addWeightGradient(
        sample: UnsafePointer<Double>, dLdZ: UnsafePointer<Double>,
        into dW: UnsafeMutablePointer<Double>, threads: Int
    ) {
        let upstream = MatrixView(base: dLdZ, rowStride: positions, columnStride: 1)
        let windows = WindowMatrix(sample: sample, layout: im2col, lanesArePositions: false)
        if weightGradientIsTransposed {
            GemmDriver.best.multiply(
                m: depth, n: outChannels, k: positions, rows: windows, columns: upstream,
                c: dW, ldc: outChannels, overwrite: false, threads: threads)
        } else {
            GemmDriver.best.multiply(
                m: outChannels, n: depth, k: positions, rows: upstream, columns: windows,
                c: dW, ldc: depth, overwrite: false, threads: threads)
        }
    }

    /// Columns of dL/dcols computed per block: a block of `depth` rows stays within about
    /// 1 MB (a core's L2) per thread.
    func inputGradientBlock(threads: Int) -> Int {
        let nr = GemmDriver.best.shape.nr
        let fit = (1 << 17) * threads / max(depth, 1) / nr * nr
        return min(positions, max(nr, fit))
    }

    /// Adds one sample's dL/dA (padded) into `dA`: block by block of columns,
    /// `dL/dcols = Wᵀ · dL/dZ[n]`, folded back onto the sample while still in cache.
    func addInputGradient(
        dLdZ: UnsafePointer<Double>, weight: UnsafePointer<Double>,
        into dA: UnsafeMutablePointer<Double>, threads: Int
    ) {
        let block = inputGradientBlock(threads: threads)
        let weightsT = MatrixView(base: weight, rowStride: 1, columnStride: depth)
        ScratchPool.withBuffer(count: depth * block) { cols in
            var first = 0
            while first < positions {
                let columns = first..<min(positions, first + block)
                let upstream = MatrixView(base: dLdZ + first, rowStride: 1, columnStride: positions)
                GemmDriver.best.multiply(
                    m: depth, n: columns.count, k: outChannels, rows: weightsT, columns: upstream,
                    c: cols, ldc: columns.count, overwrite: true, threads: threads)
                Parallel.split(channels, workers: threads) { _, range in
                    im2col.fold(cols, columns: columns, channels: range, into: dA)
                }
                first = columns.upperBound
            }
        }
    }

    /// Runs `body` on a zeroed padded sample, then leaves its interior (less `crop` on each
    /// side) at `out`. Without cropping the sample is `out` itself.
    func withZeroedSample(
        croppedInto out: UnsafeMutablePointer<Double>, crop: HW,
        _ body: (UnsafeMutablePointer<Double>) -> Void
    ) {
        guard crop != HW(0, 0) else {
            out.initialize(repeating: 0, count: planeSize)
            body(out)
            return
        }
        ScratchPool.withBuffer(count: planeSize) { sample in
            sample.initialize(repeating: 0, count: planeSize)
            body(sample)
            let kept = HW(paddedSize.h - 2 * crop.h, paddedSize.w - 2 * crop.w)
            for c in 0..<channels {
                for y in 0..<kept.h {
                    let from = sample + ((c * paddedSize.h + y + crop.h) * paddedSize.w + crop.w)
                    (out + (c * kept.h + y) * kept.w).initialize(from: from, count: kept.w)
                }
            }
        }
    }
}
