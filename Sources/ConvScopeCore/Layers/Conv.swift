/// 1-D convolution (cross-correlation, as PyTorch) over `(N, C_in, W)` with stride,
/// zero padding and dilation: `W_out = (W + 2p − d(K−1) − 1)//s + 1`.
public class Conv1d: ConvLayer {
    /// A layer with the given sizes; W defaults to N(0, 1) from `seed`, b to zeros.
    public init(
        inChannels: Int, outChannels: Int, kernelSize: Int, stride: Int = 1, padding: Int = 0,
        dilation: Int = 1, W: Tensor? = nil, b: Tensor? = nil, seed: UInt64 = 0
    ) {
        let geometry = ConvGeometry(
            kernel: HW(1, kernelSize), stride: HW(1, stride),
            padding: HW(0, padding), dilation: HW(1, dilation))
        super.init(
            inChannels: inChannels, outChannels: outChannels, spatialAxes: 1,
            geometry: geometry, W: W, b: b, seed: seed)
    }

    /// A layer around given parameters: channels and kernel size come from `W (C_out, C_in, K)`;
    /// a nil bias means zeros.
    public convenience init(weight: Tensor, bias: Tensor?, stride: Int = 1, padding: Int = 0, dilation: Int = 1) throws
    {
        try requireRank(weight, 3, "W", layout: "(C_out, C_in, K)")
        try requireBias(bias, outChannels: weight.shape[0])
        self.init(
            inChannels: weight.shape[1], outChannels: weight.shape[0], kernelSize: weight.shape[2],
            stride: stride, padding: padding, dilation: dilation, W: weight, b: bias)
    }
}

/// `Conv1d` with stride 1 and no padding: the assignment's building block.
public final class Conv1d_stride1: Conv1d {
    public init(
        inChannels: Int, outChannels: Int, kernelSize: Int, W: Tensor? = nil, b: Tensor? = nil, seed: UInt64 = 0
    ) {
        super.init(inChannels: inChannels, outChannels: outChannels, kernelSize: kernelSize, W: W, b: b, seed: seed)
    }
}

/// 2-D convolution over `(N, C_in, H, W)`; kernel, stride, padding and dilation are each
/// an `(h, w)` pair, so kernels may be rectangular.
public class Conv2d: ConvLayer {
    /// A layer with the given sizes; W defaults to N(0, 1) from `seed`, b to zeros.
    public init(
        inChannels: Int, outChannels: Int, kernelSize: HW, stride: HW = HW(square: 1),
        padding: HW = HW(square: 0), dilation: HW = HW(square: 1),
        W: Tensor? = nil, b: Tensor? = nil, seed: UInt64 = 0
    ) {
        let geometry = ConvGeometry(kernel: kernelSize, stride: stride, padding: padding, dilation: dilation)
        super.init(
            inChannels: inChannels, outChannels: outChannels, spatialAxes: 2,
            geometry: geometry, W: W, b: b, seed: seed)
    }

    /// A layer around given parameters: channels and kernel come from `W (C_out, C_in, kH, kW)`;
    /// a nil bias means zeros.
    public convenience init(
        weight: Tensor, bias: Tensor?, stride: HW = HW(square: 1),
        padding: HW = HW(square: 0), dilation: HW = HW(square: 1)
    ) throws {
        try requireRank(weight, 4, "W", layout: "(C_out, C_in, kH, kW)")
        try requireBias(bias, outChannels: weight.shape[0])
        self.init(
            inChannels: weight.shape[1], outChannels: weight.shape[0],
            kernelSize: HW(weight.shape[2], weight.shape[3]),
            stride: stride, padding: padding, dilation: dilation, W: weight, b: bias)
    }
}

/// `Conv2d` with stride 1 and no padding: the assignment's building block.
public final class Conv2d_stride1: Conv2d {
    public init(
        inChannels: Int, outChannels: Int, kernelSize: Int, W: Tensor? = nil, b: Tensor? = nil, seed: UInt64 = 0
    ) {
        super.init(
            inChannels: inChannels, outChannels: outChannels, kernelSize: HW(square: kernelSize),
            W: W, b: b, seed: seed)
    }
}

/// Checks that a bias, when given, is `(C_out,)`.
func requireBias(_ bias: Tensor?, outChannels: Int) throws {
    if let bias, bias.shape != [outChannels] {
        throw LayerError.biasShape(shape: bias.shape, outputs: outChannels, acceptsColumn: false)
    }
}
