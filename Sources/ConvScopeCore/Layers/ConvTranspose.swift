/// The assignment's transposed convolution: upsample by k (zeros between samples), then a
/// stride-1 convolution. Output width `k(W−1)+1 − K + 1`. This is not PyTorch's
/// `ConvTranspose` size formula; the name follows the assignment.
public class ConvTransposeLayer: ParameterizedLayer {
    /// The zero-inserting first stage.
    public let upsample: ResamplingLayer
    /// The stride-1 convolution second stage, which owns W, b and their gradients.
    public let conv: ConvLayer

    init(upsample: ResamplingLayer, conv: ConvLayer) {
        self.upsample = upsample
        self.conv = conv
    }

    public var summary: String {
        "ConvTranspose\(conv.spatialAxes)d(\(conv.inChannels), \(conv.outChannels), kernel \(conv.spatialAxes == 1 ? "\(conv.geometry.kernel.w)" : "\(conv.geometry.kernel)"), factor \(upsample.factor))"
    }

    public var W: Tensor {
        get { conv.W }
        set { conv.W = newValue }
    }

    public var b: Tensor {
        get { conv.b }
        set { conv.b = newValue }
    }

    public var dLdW: Tensor { conv.dLdW }
    public var dLdb: Tensor { conv.dLdb }

    public func forward(_ A: Tensor) throws -> Tensor {
        guard A.rank == conv.spatialAxes + 2 else {
            throw LayerError("A has shape \(A.shape) but must be \(conv.spatialAxes + 2)-d \(conv.spatialAxes == 1 ? "(N, C_in, W)" : "(N, C_in, H, W)")")
        }
        return try conv.forward(try upsample.forward(A))
    }

    public func backward(_ dLdZ: Tensor) throws -> Tensor {
        try upsample.backward(try conv.backward(dLdZ))
    }

    public func zeroGrads() { conv.zeroGrads() }
}

/// 1-D transposed convolution: `Upsample1d(k)` then `Conv1d_stride1`.
public final class ConvTranspose1d: ConvTransposeLayer {
    public init(inChannels: Int, outChannels: Int, kernelSize: Int, upsamplingFactor: Int,
                W: Tensor? = nil, b: Tensor? = nil, seed: UInt64 = 0) {
        super.init(upsample: Upsample1d(factor: upsamplingFactor),
                   conv: Conv1d_stride1(inChannels: inChannels, outChannels: outChannels,
                                        kernelSize: kernelSize, W: W, b: b, seed: seed))
    }

    /// Channels and kernel size from `W (C_out, C_in, K)`; a nil bias means zeros.
    public convenience init(weight: Tensor, bias: Tensor?, upsamplingFactor: Int) throws {
        try requireRank(weight, 3, "W", layout: "(C_out, C_in, K)")
        try requireBias(bias, outChannels: weight.shape[0])
        self.init(inChannels: weight.shape[1], outChannels: weight.shape[0], kernelSize: weight.shape[2],
                  upsamplingFactor: upsamplingFactor, W: weight, b: bias)
    }
}

/// 2-D transposed convolution: `Upsample2d(k)` then `Conv2d_stride1` (square kernel, as
/// in the assignment; a rectangular W is accepted too).
public final class ConvTranspose2d: ConvTransposeLayer {
    public init(inChannels: Int, outChannels: Int, kernelSize: HW, upsamplingFactor: Int,
                W: Tensor? = nil, b: Tensor? = nil, seed: UInt64 = 0) {
        super.init(upsample: Upsample2d(factor: upsamplingFactor),
                   conv: Conv2d(inChannels: inChannels, outChannels: outChannels,
                                kernelSize: kernelSize, W: W, b: b, seed: seed))
    }

    /// Channels and kernel from `W (C_out, C_in, kH, kW)`; a nil bias means zeros.
    public convenience init(weight: Tensor, bias: Tensor?, upsamplingFactor: Int) throws {
        try requireRank(weight, 4, "W", layout: "(C_out, C_in, kH, kW)")
        try requireBias(bias, outChannels: weight.shape[0])
        self.init(inChannels: weight.shape[1], outChannels: weight.shape[0],
                  kernelSize: HW(weight.shape[2], weight.shape[3]),
                  upsamplingFactor: upsamplingFactor, W: weight, b: bias)
    }
}
