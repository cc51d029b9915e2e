/// dL/dA the way the assignment teaches it, kept stage by stage so each stage can be shown:
/// dL/dZ scattered into zeros of the stride-1 output size (the downsample's backward),
/// padded by `K_eff − 1` on every side, correlated with the kernel dilated and flipped in
/// both spatial axes (contracting over output channels), then cropped by the padding.
/// 1-D layers use height 1. All tensors are 4-d.
public struct TaughtInputGradient: Sendable {
    /// `(N, C_out, Hs, Ws)`: dL/dZ at every s-th position of the stride-1 output, zeros between.
    public let scattered: Tensor
    /// `scattered` zero-padded by `K_eff − 1` on every side.
    public let padded: Tensor
    /// `(C_out, C_in, kH_eff, kW_eff)`: W with dilation zeros inserted, flipped in both axes.
    public let flippedKernel: Tensor
    /// `(N, C_in, Hp, Wp)`: the correlation, dL/dA of the padded input.
    public let paddedInputGradient: Tensor
    /// `(N, C_in, H, W)`: the padding cropped off: dL/dA.
    public let inputGradient: Tensor
    /// The forward padding that the last stage crops.
    public let cropping: HW

    /// The terms of `paddedInputGradient[n, c, y, x]`: the window of `padded` at `(y, x)`,
    /// every output channel, times the flipped kernel.
    public func terms(ofPadded index: [Int]) -> [GradientTerm] {
        let (n, c, y, x) = (index[0], index[1], index[2], index[3])
        let (outChannels, kh, kw) = (flippedKernel.shape[0], flippedKernel.shape[2], flippedKernel.shape[3])
        return (0..<outChannels).flatMap { o in
            (0..<kh).flatMap { p in
                (0..<kw).map { q in
                    GradientTerm(output: [n, o, y + p, x + q], upstream: padded[n, o, y + p, x + q],
                                 through: [o, c, p, q], factor: flippedKernel[o, c, p, q])
                }
            }
        }
    }
}

extension ConvLayer {
    /// Computes dL/dA the taught way (a `tensordot` over output channels inside two loops
    /// over kernel taps), independent of `backward`'s im2col route; the two must agree.
    public func taughtInputGradient(dLdZ: Tensor) throws -> TaughtInputGradient {
        _ = try requireGradientShape(dLdZ, matches: cache?.outputShape)
        let cache = cache!
        let g = geometry
        let n = cache.input.shape[0]
        let paddedSize = HW(cache.paddedInput.shape[2], cache.paddedInput.shape[3])
        let reach = g.effectiveKernel
        let strideOne = HW(paddedSize.h - reach.h + 1, paddedSize.w - reach.w + 1)
        let out = g.outputSize(forInput: spatialSize(cache.input.shape))
        let gradient = dLdZ.reshaped([n, outChannels, out.h, out.w])
        let scattered = Tensor(shape: [n, outChannels, strideOne.h, strideOne.w])
            .scattering(gradient, at: [.all, .all, .every(g.stride.h), .every(g.stride.w)])
        let padded = scattered.padded([(0, 0), (0, 0), (reach.h - 1, reach.h - 1), (reach.w - 1, reach.w - 1)])
        let dilated = Tensor(shape: [outChannels, inChannels, reach.h, reach.w])
            .scattering(W.reshaped([outChannels, inChannels, g.kernel.h, g.kernel.w]),
                        at: [.all, .all, .every(g.dilation.h), .every(g.dilation.w)])
        let flipped = dilated.flipped(axes: [2, 3])
        var result = Tensor(shape: [n, paddedSize.h, paddedSize.w, inChannels])
        for p in 0..<reach.h {
            for q in 0..<reach.w {
                let window = padded.sliced([.all, .all, AxisSlice(start: p, stop: p + paddedSize.h), AxisSlice(start: q, stop: q + paddedSize.w)])
                let tap = flipped.sliced([.all, .all, AxisSlice(start: p, stop: p + 1), AxisSlice(start: q, stop: q + 1)])
                    .reshaped([outChannels, inChannels])
                result = result + tensordot(window, tap, axes: ([1], [0]))
            }
        }
        let paddedGradient = result.permuted([0, 3, 1, 2])
        let crop = g.padding
        let cropped = paddedGradient.cropped([(0, 0), (0, 0), (crop.h, crop.h), (crop.w, crop.w)])
        return TaughtInputGradient(scattered: scattered, padded: padded, flippedKernel: flipped,
                                   paddedInputGradient: paddedGradient, inputGradient: cropped.reshaped(cache.input.shape),
                                   cropping: crop)
    }
}
