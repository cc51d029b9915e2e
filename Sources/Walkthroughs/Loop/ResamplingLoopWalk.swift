import ConvScopeCore

/// Upsample1d/2d and Downsample1d/2d as one-step walks, the slicing written out; and the
/// assignment's ConvTranspose1d/2d as upsample then the stride-1 conv loop.
extension LoopWalk {
    /// Forward resampling of `A` (N, C, W) or (N, C, H, W) by `factor` ≥ 1.
    public static func resample(upsampling: Bool, factor: Int, input A: Tensor) throws -> LoopWalk {
        let space = try resamplingSpace(A, factor)
        return LoopWalk(
            title: resamplingTitle(upsampling, factor, space),
            formulas: resamplingFormulas(upsampling, factor, A, space),
            stages: [SliceStage.resample(A, up: upsampling, factor: factor, space: space)])
    }

    /// Backward resampling: `dLdZ` of the forward output's shape back to `A`'s shape (the
    /// downsample remembers the input size, so it scatters into zeros of that size).
    public static func resampleBackward(upsampling: Bool, factor: Int, input A: Tensor, dLdZ: Tensor) throws -> LoopWalk
    {
        let space = try resamplingSpace(A, factor)
        let forward = SliceStage.resample(A, up: upsampling, factor: factor, space: space)
        guard dLdZ.shape == forward.output.shape else {
            throw LayerError(
                "dLdZ has shape \(dLdZ.shape) but the layer's output is \(forward.output.shape): give dLdZ that shape")
        }
        let back = SliceStage.resampleBackward(
            dLdZ, up: upsampling, factor: factor, inputSize: space.size(A.shape), space: space)
        return LoopWalk(
            title: resamplingTitle(upsampling, factor, space),
            formulas: resamplingFormulas(upsampling, factor, A, space),
            stages: [back])
    }

    /// The assignment's ConvTranspose (not PyTorch's): upsample `A` by `factor`, then the stride-1
    /// conv loop with `weight` (C_out, C_in, [K,] K) and `bias` (C_out,).
    public static func convTransposeForward(
        input A: Tensor, weight: Tensor, bias: Tensor, factor: Int
    ) throws -> LoopWalk {
        let space = try resamplingSpace(A, factor)
        let up = SliceStage.resample(A, up: true, factor: factor, space: space)
        let conv = try ConvLoopShapes(
            input: up.output, weight: weight, geometry: ConvGeometry(kernel: space.size(weight.shape)))
        return LoopWalk(
            title: transposeTitle(weight, factor, space), formulas: transposeFormulas(A, weight, factor, space),
            stages: [up, try conv.forwardLoop(up.output, weight, bias)])
    }

    /// ConvTranspose backward for one gradient: the stride-1 loop on the upsampled input, then
    /// (dL/dA) the upsample's backward `dLdZ[:, :, ::k]`.
    public static func convTransposeBackward(
        _ gradient: Pass, input A: Tensor, weight: Tensor, factor: Int,
        dLdZ: Tensor
    ) throws -> LoopWalk {
        let space = try resamplingSpace(A, factor)
        let upsampled = SliceStage.resample(A, up: true, factor: factor, space: space).output
        let conv = try ConvLoopShapes(
            input: upsampled, weight: weight, geometry: ConvGeometry(kernel: space.size(weight.shape)))
        try conv.requireUpstream(dLdZ)
        let stages: [any LoopStage]
        switch gradient {
        case .forward:
            throw LayerError("the forward pass is not a gradient: walk it with the forward loop")
        case .dLdb: stages = [BiasGradientStage(dLdZ: dLdZ)]
        case .dLdW: stages = [try conv.weightGradientLoop(upsampled, dLdZ, weight)]
        case .dLdA, .taught:
            let loop = try conv.inputGradientLoop(upsampled, dLdZ, weight)
            stages = [
                loop,
                SliceStage.resampleBackward(
                    loop.output, up: true, factor: factor, inputSize: space.size(A.shape), space: space),
            ]
        }
        return LoopWalk(
            title: transposeTitle(weight, factor, space), formulas: transposeFormulas(A, weight, factor, space),
            stages: stages)
    }

    private static func resamplingSpace(_ A: Tensor, _ factor: Int) throws -> LoopSpace {
        guard factor >= 1 else { throw LayerError("the resampling factor is \(factor): it must be at least 1") }
        return try LoopSpace(rank: A.rank)
    }

    private static func resamplingTitle(_ up: Bool, _ k: Int, _ space: LoopSpace) -> String {
        "\(up ? "Upsample" : "Downsample")\(space.spatialAxes)d(\(k))"
    }

    private static func resamplingFormulas(_ up: Bool, _ k: Int, _ A: Tensor, _ space: LoopSpace) -> [SizeFormula] {
        let size = space.size(A.shape)
        return SizeFormula.perAxis(space) { axis, c in
            up
                ? .upsample(axis: axis, input: size[keyPath: c], factor: k)
                : .downsample(axis: axis, input: size[keyPath: c], factor: k)
        }
    }

    private static func transposeTitle(_ W: Tensor, _ k: Int, _ space: LoopSpace) -> String {
        "ConvTranspose\(space.spatialAxes)d(kernel \(space.text(space.size(W.shape))), upsampling \(k))"
    }

    private static func transposeFormulas(_ A: Tensor, _ W: Tensor, _ k: Int, _ space: LoopSpace) -> [SizeFormula] {
        let size = space.size(A.shape)
        let kernel = space.size(W.shape)
        return SizeFormula.perAxis(space) { axis, c in
            .convTranspose(axis: axis, input: size[keyPath: c], kernel: kernel[keyPath: c], factor: k)
        }
    }
}
