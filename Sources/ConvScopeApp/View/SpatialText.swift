import ConvScopeCore

/// How a convolution's spatial parts are written on screen. The library keeps 1-D layers
/// as height-1 2-D ones inside (4-d tensors, `HW(1, w)` pairs); a 1-D layer's screens name
/// one axis only — `dLdA[n,c,w]`, `W[o,c,k]`, shapes `(N, C, W)`, pad `3` — with no phantom
/// height in indices, shapes or pairs.
struct SpatialText {
    /// 1 or 2.
    let axes: Int

    /// A kernel, stride, padding or border pair: its width for 1-D; `2` or `(2, 1)` for 2-D.
    func pair(_ value: HW) -> String {
        axes == 1 ? "\(value.w)" : "\(value)"
    }

    /// An index or shape of a 4-d (height-1) view, with the height axis dropped for 1-D.
    func dims(_ values: [Int]) -> [Int] {
        axes == 1 && values.count == 4 ? [values[0], values[1], values[3]] : values
    }

    /// A 4-d (height-1) view as the layer's own 3-d tensor for 1-D; unchanged for 2-D.
    func tensor(_ t: Tensor) -> Tensor {
        t.rank == 4 && axes == 1 ? t.reshaped(dims(t.shape)) : t
    }
}
