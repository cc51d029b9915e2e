import ConvScopeCore

/// MaxPool2d / MeanPool2d as the homework composes them: the `_stride1` pool's loop, then
/// Downsample2d(stride); backward in reverse.
extension LoopWalk {
    /// Forward over `A` (N, C, H, W): the stride-1 pool (its whole Z), then the downsample when s > 1.
    public static func poolForward(_ kind: PoolFunction.Kind, input A: Tensor, kernel: Int, stride: Int) throws
        -> LoopWalk
    {
        try checkPool(A, kernel: kernel, stride: stride)
        let loop = try PoolForwardLoop(kind: kind, input: A, kernel: kernel)
        var stages: [any LoopStage] = [loop]
        let space = try LoopSpace(rank: 4)
        if stride > 1 { stages.append(SliceStage.resample(loop.output, up: false, factor: stride, space: space)) }
        return LoopWalk(
            title: poolTitle(kind, kernel, stride), formulas: poolFormulas(A, kernel, stride), stages: stages)
    }

    /// Backward for upstream `dLdZ` of the forward output's shape: the downsample's backward
    /// (when s > 1) scatters it into zeros of the stride-1 output size, then the pool's backward loop.
    public static func poolBackward(
        _ kind: PoolFunction.Kind, input A: Tensor, kernel: Int, stride: Int, dLdZ: Tensor
    ) throws -> LoopWalk {
        try checkPool(A, kernel: kernel, stride: stride)
        let core = HW(A.shape[2] - kernel + 1, A.shape[3] - kernel + 1)
        let out = ConvGeometry(kernel: HW(square: kernel), stride: HW(square: stride)).outputSize(
            forInput: HW(A.shape[2], A.shape[3]))
        let outShape = [A.shape[0], A.shape[1], out.h, out.w]
        guard dLdZ.shape == outShape else {
            throw LayerError("dLdZ has shape \(dLdZ.shape) but the pool's output is \(outShape): give dLdZ that shape")
        }
        var stages: [any LoopStage] = []
        var g = dLdZ
        if stride > 1 {
            let scatter = SliceStage.resampleBackward(
                dLdZ, up: false, factor: stride, inputSize: core, space: try LoopSpace(rank: 4))
            stages.append(scatter)
            g = scatter.output
        }
        stages.append(try PoolBackwardLoop(kind: kind, forwardInput: A, dLdZ: g, kernel: kernel))
        return LoopWalk(
            title: poolTitle(kind, kernel, stride), formulas: poolFormulas(A, kernel, stride), stages: stages)
    }

    private static func checkPool(_ A: Tensor, kernel: Int, stride: Int) throws {
        guard A.rank == 4 else { throw LayerError("A has shape \(A.shape) but pooling takes (N, C, H, W) data") }
        try ConvGeometry(kernel: HW(square: kernel), stride: HW(square: stride))
            .validate(input: HW(A.shape[2], A.shape[3]), pooling: true)
    }

    private static func poolTitle(_ kind: PoolFunction.Kind, _ kernel: Int, _ stride: Int) -> String {
        "\(kind == .max ? "MaxPool2d" : "MeanPool2d")(kernel \(kernel), stride \(stride))"
    }

    private static func poolFormulas(_ A: Tensor, _ kernel: Int, _ stride: Int) -> [SizeFormula] {
        [
            SizeFormula.pool(axis: "H", input: A.shape[2], kernel: kernel, stride: stride),
            SizeFormula.pool(axis: "W", input: A.shape[3], kernel: kernel, stride: stride),
        ]
    }
}
