/// The convolution arithmetic shared by every conv layer: `(N, C, H, W)` input,
/// `(O, C, kH, kW)` weight, `(O,)` bias, any stride, padding and dilation.
/// 1-D layers call it with `H = kH = 1`.
///
/// Each sample's passes are matrix products over its im2col matrix, packed straight
/// from the input (`WindowMatrix`); dL/dA goes through column blocks that stay in cache.
/// With enough samples each thread takes whole samples; otherwise the threads share each
/// sample's products. Forward and dL/dA do not depend on the number of threads.
enum Convolution {
    /// `Z[n,o,i,j] = Σ_c Σ_p Σ_q W[o,c,p,q]·Apad[n,c,i·s+p·d,j·s+q·d] + b[o]`.
    static func forward(
        padded: Tensor, weight: Tensor, bias: Tensor, geometry g: ConvGeometry,
        threads: Int = Parallel.defaultThreads
    ) -> Tensor {
        let s = ConvSizes(padded: padded.shape, weight: weight.shape, geometry: g)
        let count = s.samples * s.outChannels * s.positions
        let Z = [Double](unsafeUninitializedCapacity: count) { z, initialized in
            defer { initialized = count }
            guard count > 0 else { return }
            HugePages.advise(z)
            padded.scalars.withUnsafeBufferPointer { A in
                weight.scalars.withUnsafeBufferPointer { W in
                    let weights = MatrixView(base: W.baseAddress!, rowStride: s.depth, columnStride: 1)
                    Parallel.split(s.samples, workers: s.sampleWorkers(threads)) { _, samples in
                        for n in samples {
                            let zn = z.baseAddress! + n * s.outChannels * s.positions
                            for o in 0..<s.outChannels {
                                (zn + o * s.positions).initialize(repeating: bias.scalars[o], count: s.positions)
                            }
                            let windows = WindowMatrix(
                                sample: A.baseAddress! + n * s.planeSize, layout: s.im2col,
                                lanesArePositions: true)
                            GemmDriver.best.multiply(
                                m: s.outChannels, n: s.positions, k: s.depth,
                                rows: weights, columns: windows, c: zn, ldc: s.positions,
                                overwrite: false, threads: s.innerThreads(threads))
                        }
                    }
                }
            }
        }
        return Tensor(shape: [s.samples, s.outChannels, s.output.h, s.output.w], scalars: Z)
    }

    /// The three gradients of `forward`. dL/dA is over the padded input, less `crop` on each
    /// side of each spatial axis: pass the padding to get the unpadded input's gradient
    /// without building the padded one (each sample is folded in a reused buffer).
    static func backward(
        dLdZ: Tensor, padded: Tensor, weight: Tensor, geometry g: ConvGeometry,
        cropping crop: HW = HW(0, 0), threads: Int = Parallel.defaultThreads
    )
        -> (dLdApadded: Tensor, dLdW: Tensor, dLdb: Tensor)
    {
        let s = ConvSizes(padded: padded.shape, weight: weight.shape, geometry: g)
        let weightCount = s.outChannels * s.depth
        let workers = s.sampleWorkers(threads)
        // One dL/dW per sample-thread, added up in a fixed order afterwards.
        let parts = Parallel.parts(s.samples, workers: workers)
        var partials = [Double](repeating: 0, count: parts * weightCount)
        let kept = HW(s.paddedSize.h - 2 * crop.h, s.paddedSize.w - 2 * crop.w)
        let keptPlane = s.channels * kept.h * kept.w
        var dA = [Double](unsafeUninitializedCapacity: s.samples * keptPlane) { buffer, initialized in
            HugePages.advise(buffer)
            initialized = s.samples * keptPlane
        }
        padded.scalars.withUnsafeBufferPointer { A in
            dLdZ.scalars.withUnsafeBufferPointer { dZ in
                weight.scalars.withUnsafeBufferPointer { W in
                    partials.withUnsafeMutableBufferPointer { dW in
                        dA.withUnsafeMutableBufferPointer { dAp in
                            guard s.positions > 0, s.depth > 0, s.outChannels > 0 else {
                                dAp.initialize(repeating: 0)
                                return
                            }
                            Parallel.split(s.samples, workers: workers) { part, samples in
                                let inner = s.innerThreads(threads)
                                for n in samples {
                                    let dzn = dZ.baseAddress! + n * s.outChannels * s.positions
                                    s.addWeightGradient(
                                        sample: A.baseAddress! + n * s.planeSize, dLdZ: dzn,
                                        into: dW.baseAddress! + part * weightCount, threads: inner)
                                    let out = dAp.baseAddress! + n * keptPlane
                                    s.withZeroedSample(croppedInto: out, crop: crop) { sample in
                                        s.addInputGradient(
                                            dLdZ: dzn, weight: W.baseAddress!, into: sample, threads: inner)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        for part in 1..<parts {
            for i in 0..<weightCount { partials[i] += partials[part * weightCount + i] }
        }
        var dLdW = Tensor(
            shape: s.weightGradientIsTransposed ? [s.depth, s.outChannels] : [s.outChannels, s.depth],
            scalars: Array(partials[0..<weightCount]))
        if s.weightGradientIsTransposed { dLdW = dLdW.transposed() }
        return (
            Tensor(shape: [s.samples, s.channels, kept.h, kept.w], scalars: dA), dLdW.reshaped(weight.shape),
            biasGradient(dLdZ, samples: s.samples, channels: s.outChannels, positions: s.positions)
        )
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
