import ConvScopeCore

extension ConvForwardWalkthrough {
    /// The output size per spatial axis as the loop walk writes it (`H_out` then `W_out`;
    /// `W_out` alone for Conv1d), so both walks show the same formula text.
    public var sizeFormulas: [SizeFormula] {
        let g = layer.geometry
        let w = SizeFormula.conv(
            axis: "W", input: input.shape[input.rank - 1], kernel: g.kernel.w, stride: g.stride.w,
            padding: g.padding.w, dilation: g.dilation.w)
        guard layer.spatialAxes == 2 else { return [w] }
        let h = SizeFormula.conv(
            axis: "H", input: input.shape[2], kernel: g.kernel.h, stride: g.stride.h,
            padding: g.padding.h, dilation: g.dilation.h)
        return [h, w]
    }
}

extension PoolForwardWalkthrough {
    /// `H_out` and `W_out` of the pooling: `(W_in − K)//s + 1` with the numbers put in.
    public var sizeFormulas: [SizeFormula] {
        let g = layer.geometry
        return [
            SizeFormula.pool(axis: "H", input: input.shape[2], kernel: g.kernel.h, stride: g.stride.h),
            SizeFormula.pool(axis: "W", input: input.shape[3], kernel: g.kernel.w, stride: g.stride.w),
        ]
    }
}
