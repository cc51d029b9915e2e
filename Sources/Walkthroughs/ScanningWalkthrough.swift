import ConvScopeCore

/// An MLP scanned over a signal next to the convolutional network it equals: one step
/// per window, with the MLP's output on that window and the network's output column for
/// it. Both come from library layers; the screen shows that they agree.
public struct ScanningWalkthrough {
    /// `(1, C, W)`.
    public let input: Tensor
    /// The MLP, one flattened time-major window per row.
    public let mlp: Sequential
    /// Its `(in, out)` weight matrices, first layer first.
    public let mlpWeights: [Tensor]
    /// The convolutional network (ending in Flatten).
    public let network: Sequential
    /// The network's output `(1, O·T)`, channel-major.
    public let output: Tensor
    public let windowSize: Int
    public let hop: Int
    /// The MLP weights the network's kernels were cut from (for the distributed scan, the
    /// original `w1`–`w3`, not the sharing MLP's), and how each kernel was cut.
    public let sourceWeights: [Tensor]
    public let cuts: [KernelCut]
    /// The input's shape, then every shape a layer changes it to, from the network's own
    /// layers: `(1, 24, 128) → (1, 2, 64) → (1, 8, 32) → (1, 4, 31) → (1, 124)` for the
    /// distributed scan (ReLUs keep their input's shape and add no entry).
    public let shapes: [[Int]]

    init(
        input: Tensor, mlp: Sequential, mlpWeights: [Tensor], network: Sequential, windowSize: Int, hop: Int,
        sourceWeights: [Tensor]? = nil, cuts: [KernelCut]
    ) throws {
        self.input = input
        self.mlp = mlp
        self.mlpWeights = mlpWeights
        self.network = network
        self.windowSize = windowSize
        self.hop = hop
        self.sourceWeights = sourceWeights ?? mlpWeights
        self.cuts = cuts
        var shapes = [input.shape]
        var x = input
        for layer in network.layers {
            x = try layer.output(for: x)
            if x.shape != shapes.last { shapes.append(x.shape) }
        }
        self.shapes = shapes
        output = x
    }

    /// Whether the kernels are shared slices of the MLP weights (the distributed scan).
    public var isDistributed: Bool { cuts.contains(where: \.isSliced) }

    /// The first MLP layer's outputs (its weight columns), which the screen's column cycles.
    public var firstLayerColumns: Int { mlpWeights[0].shape[1] }

    /// The teaching picture: `Linear(C·K, O)` reading C channels × K steps is `Conv1d(C, O, K, 1)`.
    /// `weight` is the Linear weight `(O, C·K)` as PyTorch stores it.
    public static func linearAsConvolution(weight: Tensor, input: Tensor, kernelSize: Int) throws -> ScanningWalkthrough
    {
        let w = weight.transposed()
        let conv = Conv1d(
            inChannels: input.shape[1], outChannels: weight.shape[0], kernelSize: kernelSize,
            W: try ScanningMLP.kernel(fromMLPWeight: w, kernelSize: kernelSize))
        let linear = Linear(inFeatures: weight.shape[1], outFeatures: weight.shape[0], W: weight)
        return try ScanningWalkthrough(
            input: input, mlp: Sequential([linear]), mlpWeights: [w],
            network: Sequential([conv, Flatten()]), windowSize: kernelSize, hop: 1,
            cuts: [KernelCut(mlpShape: w.shape, windowSteps: kernelSize)])
    }

    /// The simple scan: the MLP with weights `w1`–`w3` at every window of 8 steps, hop 4.
    public static func simple(w1: Tensor, w2: Tensor, w3: Tensor, input: Tensor) throws -> ScanningWalkthrough {
        try ScanningWalkthrough(
            input: input, mlp: ScanningMLP.mlp(w1: w1, w2: w2, w3: w3), mlpWeights: [w1, w2, w3],
            network: try ScanningMLP.simple(w1: w1, w2: w2, w3: w3),
            windowSize: ScanningMLP.windowSize, hop: ScanningMLP.hop, cuts: ScanningMLP.simpleCuts)
    }

    /// The distributed scan, next to the MLP whose weights share the network's kernels.
    public static func distributed(w1: Tensor, w2: Tensor, w3: Tensor, input: Tensor) throws -> ScanningWalkthrough {
        let network = try ScanningMLP.distributed(w1: w1, w2: w2, w3: w3)
        let kernels = network.parameterizedLayers.map(\.W)
        let shared = ScanningMLP.sharedMLPWeights(kernels[0], kernels[1], kernels[2])
        return try ScanningWalkthrough(
            input: input, mlp: ScanningMLP.mlp(w1: shared.w1, w2: shared.w2, w3: shared.w3),
            mlpWeights: [shared.w1, shared.w2, shared.w3], network: network,
            windowSize: ScanningMLP.windowSize, hop: ScanningMLP.hop,
            sourceWeights: [w1, w2, w3], cuts: ScanningMLP.distributedCuts)
    }

    /// How many windows fit: `(W − K)//hop + 1`.
    public var positions: Int { (input.shape[2] - windowSize) / hop + 1 }

    /// Output features per window.
    public var outFeatures: Int { output.count / max(1, positions) }

    /// Window `t`: what the MLP reads, what it gives, and the network's outputs for that
    /// window (`Z[0, o·T + t]` for every o).
    public func step(_ t: Int) throws -> (window: Tensor, mlpOutput: Tensor, networkOutput: Tensor) {
        let window = ScanningMLP.window(input, at: t, size: windowSize, hop: hop)
        let column = output.reshaped([outFeatures, positions]).sliced([.all, AxisSlice(start: t, stop: t + 1)])
        return (window, try mlp.output(for: window), column.reshaped([1, outFeatures]))
    }
}
