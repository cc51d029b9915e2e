/// How one conv kernel is cut from an `(in, out)` MLP weight over a time-major window of
/// `windowSteps` steps (spec §7): `w.T (out, in)` → `reshape (out, K, C)` →
/// `transpose(0, 2, 1) (out, C, K)`, then, for the distributed scan, the shared slice
/// `[:keptOutputs, :, :keptTaps]`. One value per layer, so the builders and the screens
/// that write the recipe out agree.
public struct KernelCut: Sendable, Equatable {
    /// `(in, out)` of the MLP weight.
    public let mlpShape: [Int]
    /// K: the window the weight reads, in steps of `in / K` channels.
    public let windowSteps: Int
    /// The output channels and taps kept; the whole kernel when they equal its extents.
    public let keptOutputs: Int
    public let keptTaps: Int

    public init(mlpShape: [Int], windowSteps: Int, keptOutputs: Int? = nil, keptTaps: Int? = nil) {
        self.mlpShape = mlpShape
        self.windowSteps = windowSteps
        self.keptOutputs = keptOutputs ?? mlpShape[1]
        self.keptTaps = keptTaps ?? windowSteps
    }

    /// C = in / K, the channels of one step.
    public var channels: Int { mlpShape[0] / max(1, windowSteps) }
    /// `(out, in)`.
    public var transposedShape: [Int] { [mlpShape[1], mlpShape[0]] }
    /// `(out, K, C)`.
    public var reshapedShape: [Int] { [mlpShape[1], windowSteps, channels] }
    /// `(out, C, K)`.
    public var fullKernelShape: [Int] { [mlpShape[1], channels, windowSteps] }
    /// `(keptOutputs, C, keptTaps)`: the conv layer's W.
    public var kernelShape: [Int] { [keptOutputs, channels, keptTaps] }
    /// Whether only part of the reshaped weight is used (the distributed scan's sharing).
    public var isSliced: Bool { kernelShape != fullKernelShape }

    /// The kernel cut from `w`, which must have `mlpShape`.
    public func kernel(from w: Tensor) throws -> Tensor {
        let full = try ScanningMLP.kernel(fromMLPWeight: w, kernelSize: windowSteps)
        return isSliced ? full.sliced([AxisSlice(stop: keptOutputs), .all, AxisSlice(stop: keptTaps)]) : full
    }
}

extension ScanningMLP {
    /// The simple scan's cuts: every weight whole, `w1` over 8 steps, `w2` and `w3` over 1.
    public static let simpleCuts = [
        KernelCut(mlpShape: [192, 8], windowSteps: 8),
        KernelCut(mlpShape: [8, 16], windowSteps: 1),
        KernelCut(mlpShape: [16, 4], windowSteps: 1),
    ]

    /// The distributed scan's shared slices: `[:2, :, :2]` of `w1` over 8 steps, `[:8, :, :2]`
    /// of `w2` over 4, `[:4, :, :2]` of `w3` over 2.
    public static let distributedCuts = [
        KernelCut(mlpShape: [192, 8], windowSteps: 8, keptOutputs: 2, keptTaps: 2),
        KernelCut(mlpShape: [8, 16], windowSteps: 4, keptOutputs: 8, keptTaps: 2),
        KernelCut(mlpShape: [16, 4], windowSteps: 2, keptOutputs: 4, keptTaps: 2),
    ]
}
