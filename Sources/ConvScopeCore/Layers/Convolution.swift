/// The convolution arithmetic shared by every conv layer: `(N, C, H, W)` input,
/// `(O, C, kH, kW)` weight, `(O,)` bias, any stride, padding and dilation.
/// 1-D layers call it with `H = kH = 1`.
///
/// Each sample is im2col plus one matrix product per pass; the backward products read
/// their operands transposed in place. With enough samples each thread takes whole
/// samples; otherwise the threads share each sample's unrolling and products.
enum Convolution {
    /// `Z[n,o,i,j] = Σ_c Σ_p Σ_q W[o,c,p,q]·Apad[n,c,i·s+p·d,j·s+q·d] + b[o]`.
    static func forward(padded: Tensor, weight: Tensor, bias: Tensor, geometry g: ConvGeometry,
                        threads: Int = Parallel.defaultThreads) -> Tensor {
        let s = ConvSizes(padded: padded.shape, weight: weight.shape, geometry: g)
        let count = s.samples * s.outChannels * s.positions
        let Z = [Double](unsafeUninitializedCapacity: count) { z, initialized in
            defer { initialized = count }
            guard count > 0 else { return }
            padded.scalars.withUnsafeBufferPointer { A in
                weight.scalars.withUnsafeBufferPointer { W in
                    Parallel.split(s.samples, workers: s.sampleWorkers(threads)) { _, samples in
                        let cols = UnsafeMutablePointer<Double>.allocate(capacity: s.depth * s.positions)
                        defer { cols.deallocate() }
                        let inner = s.innerThreads(threads)
                        for n in samples {
                            let zn = z.baseAddress! + n * s.outChannels * s.positions
                            for o in 0..<s.outChannels {
                                (zn + o * s.positions).initialize(repeating: bias.scalars[o], count: s.positions)
                            }
                            s.unroll(A.baseAddress! + n * s.planeSize, into: cols, threads: inner)
                            MatrixMultiply.accumulate(m: s.outChannels, n: s.positions, k: s.depth,
                                                      a: W.baseAddress!, lda: s.depth, b: cols, ldb: s.positions,
                                                      c: zn, ldc: s.positions, threads: inner)
                        }
                    }
                }
            }
        }
        return Tensor(shape: [s.samples, s.outChannels, s.output.h, s.output.w], scalars: Z)
    }

    /// The three gradients of `forward`, with dL/dA still in padded coordinates.
    static func backward(dLdZ: Tensor, padded: Tensor, weight: Tensor, geometry g: ConvGeometry,
                         threads: Int = Parallel.defaultThreads)
        -> (dLdApadded: Tensor, dLdW: Tensor, dLdb: Tensor)
    {
        let s = ConvSizes(padded: padded.shape, weight: weight.shape, geometry: g)
        let weightCount = s.outChannels * s.depth
        let workers = s.sampleWorkers(threads)
        // One dL/dW per sample-thread, added up in a fixed order afterwards.
        let parts = Parallel.parts(s.samples, workers: workers)
        var partials = [Double](repeating: 0, count: parts * weightCount)
        var dA = [Double](repeating: 0, count: padded.count)
        padded.scalars.withUnsafeBufferPointer { A in
            dLdZ.scalars.withUnsafeBufferPointer { dZ in
                weight.scalars.withUnsafeBufferPointer { W in
                    partials.withUnsafeMutableBufferPointer { dW in
                        dA.withUnsafeMutableBufferPointer { dAp in
                            guard s.positions > 0, s.depth > 0, s.outChannels > 0 else { return }
                            Parallel.split(s.samples, workers: workers) { part, samples in
                                let cols = UnsafeMutablePointer<Double>.allocate(capacity: s.depth * s.positions)
                                defer { cols.deallocate() }
                                let inner = s.innerThreads(threads)
                                for n in samples {
                                    let dzn = dZ.baseAddress! + n * s.outChannels * s.positions
                                    s.unroll(A.baseAddress! + n * s.planeSize, into: cols, threads: inner)
                                    // dL/dW += dL/dZ[n] · colsᵀ
                                    MatrixMultiply.accumulate(m: s.outChannels, n: s.depth, k: s.positions,
                                                              a: dzn, lda: s.positions, b: cols, ldb: s.positions,
                                                              c: dW.baseAddress! + part * weightCount, ldc: s.depth,
                                                              transposeB: true, threads: inner)
                                    // dL/dcols = Wᵀ · dL/dZ[n], folded back onto the padded input.
                                    cols.update(repeating: 0, count: s.depth * s.positions)
                                    MatrixMultiply.accumulate(m: s.depth, n: s.positions, k: s.outChannels,
                                                              a: W.baseAddress!, lda: s.depth, b: dzn, ldb: s.positions,
                                                              c: cols, ldc: s.positions, transposeA: true, threads: inner)
                                    s.fold(cols, into: dAp.baseAddress! + n * s.planeSize, threads: inner)
                                }
                            }
                        }
                    }
                }
            }
        }
        var dLdW = Array(partials[0..<weightCount])
        for part in 1..<parts {
            for i in 0..<weightCount { dLdW[i] += partials[part * weightCount + i] }
        }
        return (Tensor(shape: padded.shape, scalars: dA), Tensor(shape: weight.shape, scalars: dLdW),
                biasGradient(dLdZ, samples: s.samples, channels: s.outChannels, positions: s.positions))
    }

    /// `dL/db[o] = Σ_n Σ_ij dL/dZ[n, o, i, j]`.
    static func biasGradient(_ dLdZ: Tensor, samples: Int, channels: Int, positions: Int) -> Tensor {
        var dLdb = [Double](repeating: 0, count: channels)
        dLdZ.scalars.withUnsafeBufferPointer { dZ in
            for n in 0..<samples {
                for o in 0..<channels {
                    dLdb[o] += Reduction.sum(dZ.baseAddress! + (n * channels + o) * positions, count: positions)
                }
            }
        }
        return Tensor(dLdb)
    }

    static func outputSize(paddedSize: HW, geometry g: ConvGeometry) -> HW {
        var unpadded = g
        unpadded.padding = HW(0, 0)
        return unpadded.outputSize(forInput: paddedSize)
    }
}

/// The sizes of one convolution pass and how it spreads over threads.
struct ConvSizes {
    let samples: Int
    let channels: Int
    let paddedSize: HW
    let outChannels: Int
    let output: HW
    let geometry: ConvGeometry

    init(padded: [Int], weight: [Int], geometry: ConvGeometry) {
        samples = padded[0]
        channels = padded[1]
        paddedSize = HW(padded[2], padded[3])
        outChannels = weight[0]
        self.geometry = geometry
        output = Convolution.outputSize(paddedSize: paddedSize, geometry: geometry)
    }

    var positions: Int { output.h * output.w }
    /// Rows of the unrolled matrix: `C·kH·kW`.
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
        sampleWorkers(threads) > 1 ? 1 : Parallel.workers(for: samples * outChannels * depth * positions, threads: threads)
    }

    func unroll(_ sample: UnsafePointer<Double>, into cols: UnsafeMutablePointer<Double>, threads: Int) {
        Parallel.split(depth, workers: threads) { _, rows in
            Im2col.unroll(sample, paddedSize: paddedSize, geometry: geometry, outputSize: output, rows: rows, into: cols)
        }
    }

    func fold(_ cols: UnsafePointer<Double>, into sample: UnsafeMutablePointer<Double>, threads: Int) {
        Parallel.split(channels, workers: threads) { _, range in
            Im2col.fold(cols, paddedSize: paddedSize, geometry: geometry, outputSize: output, channels: range, into: sample)
        }
    }
}
