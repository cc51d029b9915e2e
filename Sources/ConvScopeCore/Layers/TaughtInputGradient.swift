/// dL/dA the way the assignment teaches it, kept stage by stage so each stage can be shown:
/// dL/dZ scattered into zeros of the stride-1 output size (the downsample's backward),
/// padded by `K_eff − 1` on every side, correlated with the kernel dilated and flipped in
/// both spatial axes (contracting over output channels), then cropped by the padding.
/// 1-D layers use height 1. All tensors are 4-d.
public struct TaughtInputGradient: Sendable {
    /// `scattered` zero-padded by `K_eff − 1` on every side.
    public let padded: Tensor
    /// `K_eff − 1`, the padding around `scattered`.
    public let border: HW

    /// `(N, C_out, Hs, Ws)`: dL/dZ at every s-th position of the stride-1 output, zeros
    /// between. Cropped from `padded` when asked for, to keep one copy in memory.
    public var scattered: Tensor {
        padded.cropped([(0, 0), (0, 0), (border.h, border.h), (border.w, border.w)])
    }
    /// `(C_out, C_in, kH_eff, kW_eff)`: W with dilation zeros inserted, flipped in both axes.
    public let flippedKernel: Tensor
    /// `(N, C_in, Hp, Wp)`: the correlation, dL/dA of the padded input.
    public let paddedInputGradient: Tensor
    /// `(N, C_in, H, W)`: the padding cropped off: dL/dA.
    public let inputGradient: Tensor
    /// The forward padding that the last stage crops.
    public let cropping: HW

    /// The rows and columns of `padded` that `paddedInputGradient[n, c, y, x]`'s window
    /// spans: `y … y + kH_eff − 1` and `x … x + kW_eff − 1`, where its terms read.
    public func windowExtent(ofPadded index: [Int]) -> (rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        let (y, x) = (index[2], index[3])
        return (y...(y + flippedKernel.shape[2] - 1), x...(x + flippedKernel.shape[3] - 1))
    }

    /// The terms of `paddedInputGradient[n, c, y, x]`: the window of `padded` at `(y, x)`,
    /// every output channel, times the flipped kernel.
    public func terms(ofPadded index: [Int]) -> [GradientTerm] {
        let (n, c, y, x) = (index[0], index[1], index[2], index[3])
        let (outChannels, kh, kw) = (flippedKernel.shape[0], flippedKernel.shape[2], flippedKernel.shape[3])
        return (0..<outChannels).flatMap { o in
            (0..<kh).flatMap { p in
                (0..<kw).map { q in
                    GradientTerm(
                        output: [n, o, y + p, x + q], upstream: padded[n, o, y + p, x + q],
                        through: [o, c, p, q], factor: flippedKernel[o, c, p, q])
                }
            }
        }
    }
}

extension ConvFunction {
    /// Computes dL/dA the taught way (a product contracting the output channels inside
    /// loops over the kernel taps), independent of `backward`'s im2col route; the two must agree.
    public func taughtInputGradient(_ record: ConvRecord, dLdZ: Tensor) throws -> TaughtInputGradient {
        try requireGradientShape(dLdZ, matches: record.outputShape)
        let g = geometry
        let n = record.input.shape[0]
        let paddedSize = HW(record.paddedInput.shape[2], record.paddedInput.shape[3])
        let reach = g.effectiveKernel
        let strideOne = HW(paddedSize.h - reach.h + 1, paddedSize.w - reach.w + 1)
        let out = g.outputSize(forInput: spatialSize(record.input.shape))
        let gradient = dLdZ.reshaped([n, outChannels, out.h, out.w])
        let border = HW(reach.h - 1, reach.w - 1)
        // Written in place into the zeros (no second copy of a dL/dZ-sized tensor).
        var padded = Tensor(shape: [n, outChannels, strideOne.h + 2 * border.h, strideOne.w + 2 * border.w])
        padded.add(
            gradient,
            at: [
                .all, .all, AxisSlice(start: border.h, stop: border.h + strideOne.h, step: g.stride.h),
                AxisSlice(start: border.w, stop: border.w + strideOne.w, step: g.stride.w),
            ])
        let dilated = Tensor(shape: [outChannels, inChannels, reach.h, reach.w])
            .scattering(
                W.reshaped([outChannels, inChannels, g.kernel.h, g.kernel.w]),
                at: [.all, .all, .every(g.dilation.h), .every(g.dilation.w)])
        let flipped = dilated.flipped(axes: [2, 3])
        // For each kernel tap, one row of the window at a time: a (Wp × C_out)·(C_out × C_in)
        // product contracting the output channels, read in place from the padded gradient
        // (as the transpose of its C_out × Wp slice), so no window is ever copied.
        let (gradientRows, gradientWidth) = (padded.shape[2], padded.shape[3])
        let plane = gradientRows * gradientWidth
        var result = [Double](repeating: 0, count: n * paddedSize.h * paddedSize.w * inChannels)
        padded.scalars.withUnsafeBufferPointer { g in
            result.withUnsafeMutableBufferPointer { out in
                for p in 0..<reach.h {
                    for q in 0..<reach.w {
                        let tap = flipped.sliced([
                            .all, .all, AxisSlice(start: p, stop: p + 1), AxisSlice(start: q, stop: q + 1),
                        ])
                        .reshaped([outChannels, inChannels])
                        tap.scalars.withUnsafeBufferPointer { w in
                            for sample in 0..<n {
                                for y in 0..<paddedSize.h {
                                    let row = sample * outChannels * plane + (y + p) * gradientWidth + q
                                    let target = (sample * paddedSize.h + y) * paddedSize.w * inChannels
                                    MatrixMultiply.accumulate(
                                        m: paddedSize.w, n: inChannels, k: outChannels,
                                        a: g.baseAddress! + row, lda: plane,
                                        b: w.baseAddress!, ldb: inChannels,
                                        c: out.baseAddress! + target, ldc: inChannels,
                                        transposeA: true, threads: 1)
                                }
                            }
                        }
                    }
                }
            }
        }
        let paddedGradient = Tensor(shape: [n, paddedSize.h, paddedSize.w, inChannels], scalars: result).permuted([
            0, 3, 1, 2,
        ])
        let crop = g.padding
        let cropped = paddedGradient.cropped([(0, 0), (0, 0), (crop.h, crop.h), (crop.w, crop.w)])
        return TaughtInputGradient(
            padded: padded, border: border, flippedKernel: flipped,
            paddedInputGradient: paddedGradient,
            inputGradient: cropped.reshaped(record.input.shape),
            cropping: crop)
    }
}
