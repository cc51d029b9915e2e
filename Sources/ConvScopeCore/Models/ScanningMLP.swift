/// An MLP that scans a `(1, 24, 128)` signal, 8 time steps at a time, hopping 4 steps,
/// rebuilt as a stack of 1-D convolutions (spec §7). Its MLP weights are `(in, out)`
/// matrices `w1 (192, 8)`, `w2 (8, 16)`, `w3 (16, 4)`; the MLP reads its window
/// time-major (row `t·C + c`).
public enum ScanningMLP {
    /// The input channels, window length and hop of the MLP being scanned.
    public static let inputChannels = 24
    public static let windowSize = 8
    public static let hop = 4

    /// Turns an `(in, out)` MLP weight over a time-major window of `kernelSize` steps into
    /// a `(C_out, C_in, K)` kernel: `w.T.reshape(C_out, K, C_in).transpose(0, 2, 1)`.
    /// (Reshaping straight to `(C_out, C_in, K)` is the classic mistake.)
    public static func kernel(fromMLPWeight w: Tensor, kernelSize: Int) throws -> Tensor {
        try requireRank(w, 2, "MLP weight", layout: "(in, out)")
        let (inputs, outputs) = (w.shape[0], w.shape[1])
        guard kernelSize > 0, inputs % kernelSize == 0 else {
            throw LayerError(
                "MLP weight has \(inputs) inputs, which is not a whole number of \(kernelSize)-step windows")
        }
        return w.transposed().reshaped([outputs, kernelSize, inputs / kernelSize]).permuted([0, 2, 1])
    }

    /// The MLP weights the scanning networks are built from, with their expected shapes checked.
    public static func checkWeights(_ w1: Tensor, _ w2: Tensor, _ w3: Tensor) throws {
        for (name, w, expected) in [("w1", w1, [192, 8]), ("w2", w2, [8, 16]), ("w3", w3, [16, 4])]
        where w.shape != expected {
            throw LayerError("\(name) has shape \(w.shape) but the scanning MLP needs \(expected) (in, out)")
        }
    }

    /// The simple scan: `Conv1d(24, 8, 8, stride 4)`, `Conv1d(8, 16, 1)`, `Conv1d(16, 4, 1)`,
    /// ReLUs between, then Flatten; every MLP weight is used whole at every window.
    public static func simple(w1: Tensor, w2: Tensor, w3: Tensor) throws -> Sequential {
        try checkWeights(w1, w2, w3)
        return Sequential([
            Conv1d(inChannels: 24, outChannels: 8, kernelSize: 8, stride: 4, W: try simpleCuts[0].kernel(from: w1)),
            ReLU(),
            Conv1d(inChannels: 8, outChannels: 16, kernelSize: 1, W: try simpleCuts[1].kernel(from: w2)),
            ReLU(),
            Conv1d(inChannels: 16, outChannels: 4, kernelSize: 1, W: try simpleCuts[2].kernel(from: w3)),
            Flatten(),
        ])
    }

    /// The distributed scan with shared parameters: each first-layer neuron sees 2 steps,
    /// each second-layer neuron 2 groups of 2, the third 2 groups of 8:
    /// `Conv1d(24, 2, 2, 2)`, `Conv1d(2, 8, 2, 2)`, `Conv1d(8, 4, 2, 1)`, kernels being the
    /// shared slices of the reshaped MLP weights.
    public static func distributed(w1: Tensor, w2: Tensor, w3: Tensor) throws -> Sequential {
        try checkWeights(w1, w2, w3)
        let (k1, k2, k3) = (
            try distributedCuts[0].kernel(from: w1), try distributedCuts[1].kernel(from: w2),
            try distributedCuts[2].kernel(from: w3)
        )
        return Sequential([
            Conv1d(inChannels: 24, outChannels: 2, kernelSize: 2, stride: 2, W: k1),
            ReLU(),
            Conv1d(inChannels: 2, outChannels: 8, kernelSize: 2, stride: 2, W: k2),
            ReLU(),
            Conv1d(inChannels: 8, outChannels: 4, kernelSize: 2, stride: 1, W: k3),
            Flatten(),
        ])
    }
}

extension ScanningMLP {
    /// Maps a conv kernel's gradient `(C_out, C_in, K)` back onto the `(in, out)` MLP
    /// weight it was cut from: the inverse of `kernel(fromMLPWeight:)`, with zeros for
    /// entries a distributed (sliced) kernel never uses.
    public static func mlpGradient(_ kernelGradient: Tensor, mlpShape: [Int]) throws -> Tensor {
        let (inputs, outputs) = (mlpShape[0], mlpShape[1])
        let channels = kernelGradient.shape[1]
        guard inputs % channels == 0 else {
            throw LayerError("kernel gradient \(kernelGradient.shape) does not fit MLP weight \(mlpShape)")
        }
        let full = Tensor(shape: [outputs, channels, inputs / channels])
            .scattering(
                kernelGradient,
                at: [AxisSlice(stop: kernelGradient.shape[0]), .all, AxisSlice(stop: kernelGradient.shape[2])])
        return full.permuted([0, 2, 1]).reshaped([outputs, inputs]).transposed()
    }
}

extension ScanningMLP {
    /// The MLP whose weights have the distributed network's sharing built in, as `(in, out)`
    /// matrices: first-layer neuron `2g + j` applies kernel `k1[j]` to steps `2g, 2g+1`;
    /// second-layer neuron `8g + j` applies `k2[j]` to first-layer groups `2g, 2g+1`; the
    /// third reads both second-layer groups through `k3`. Run at every window, this MLP
    /// gives exactly the distributed network's output.
    public static func sharedMLPWeights(_ k1: Tensor, _ k2: Tensor, _ k3: Tensor) -> (
        w1: Tensor, w2: Tensor, w3: Tensor
    ) {
        var w1 = Tensor(shape: [192, 8])
        var w2 = Tensor(shape: [8, 16])
        var w3 = Tensor(shape: [16, 4])
        for g in 0..<4 {
            for j in 0..<2 { for c in 0..<24 { for t in 0..<2 { w1[(2 * g + t) * 24 + c, 2 * g + j] = k1[j, c, t] } } }
        }
        for g in 0..<2 {
            for j in 0..<8 { for c in 0..<2 { for t in 0..<2 { w2[(2 * g + t) * 2 + c, 8 * g + j] = k2[j, c, t] } } }
        }
        for o in 0..<4 { for c in 0..<8 { for t in 0..<2 { w3[t * 8 + c, o] = k3[o, c, t] } } }
        return (w1, w2, w3)
    }

    /// The MLP itself: `Linear(w1ᵀ)`, ReLU, `Linear(w2ᵀ)`, ReLU, `Linear(w3ᵀ)`, zero biases,
    /// for one flattened time-major window per row.
    public static func mlp(w1: Tensor, w2: Tensor, w3: Tensor) -> Sequential {
        Sequential([
            Linear(inFeatures: w1.shape[0], outFeatures: w1.shape[1], W: w1.transposed()), ReLU(),
            Linear(inFeatures: w2.shape[0], outFeatures: w2.shape[1], W: w2.transposed()), ReLU(),
            Linear(inFeatures: w3.shape[0], outFeatures: w3.shape[1], W: w3.transposed()),
        ])
    }

    /// Window `t` of a `(1, C, W)` signal, `size` steps from `t·hop`, flattened time-major
    /// (row `step·C + c`) into one `(1, size·C)` row: what the MLP reads.
    public static func window(_ A: Tensor, at t: Int, size: Int, hop: Int) -> Tensor {
        A.sliced([.all, .all, AxisSlice(start: t * hop, stop: t * hop + size)])
            .permuted([0, 2, 1]).reshaped([1, size * A.shape[1]])
    }
}
