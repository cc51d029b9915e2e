/// What a transposed convolution's forward pass keeps: each stage's record.
public struct ConvTransposeRecord: Sendable, Equatable {
    public let upsample: ResamplingRecord
    public let conv: ConvRecord
}

/// The assignment's transposed convolution as a value: upsample by k (zeros between
/// samples), then a stride-1 convolution. Output width `k(W−1)+1 − K + 1`. This is not
/// PyTorch's `ConvTranspose` size formula; the name follows the assignment.
public struct ConvTransposeFunction: ParameterizedFunction, Equatable {
    /// The zero-inserting first stage.
    public let upsample: ResamplingFunction
    /// The stride-1 convolution second stage, which holds W and b.
    public var conv: ConvFunction

    public init(upsample: ResamplingFunction, conv: ConvFunction) {
        self.upsample = upsample
        self.conv = conv
    }

    public var W: Tensor {
        get { conv.W }
        set { conv.W = newValue }
    }

    public var b: Tensor {
        get { conv.b }
        set { conv.b = newValue }
    }

    public var summary: String {
        let kernel = conv.spatialAxes == 1 ? "\(conv.geometry.kernel.w)" : "\(conv.geometry.kernel)"
        let sizes = "\(conv.inChannels), \(conv.outChannels), kernel \(kernel), factor \(upsample.factor)"
        return "ConvTranspose\(conv.spatialAxes)d(\(sizes))"
    }

    public func forward(_ A: Tensor) throws -> (output: Tensor, record: ConvTransposeRecord) {
        guard A.rank == conv.spatialAxes + 2 else {
            throw LayerError.wrongRank(tensor: "A", shape: A.shape, rank: conv.spatialAxes + 2, layout: conv.layout)
        }
        let (upsampled, up) = try upsample.forward(A)
        let (Z, record) = try conv.forward(upsampled)
        return (Z, ConvTransposeRecord(upsample: up, conv: record))
    }

    public func backward(_ record: ConvTransposeRecord, _ dLdZ: Tensor) throws -> ParameterGradients {
        let inner = try conv.backward(record.conv, dLdZ)
        let dLdA = try upsample.backward(record.upsample, inner.dLdA).dLdA
        return ParameterGradients(dLdA: dLdA, dLdW: inner.dLdW, dLdb: inner.dLdb)
    }
}

/// The assignment-style transposed convolution: W, b, their gradients and the last record
/// over `ConvTransposeFunction`.
public class ConvTransposeLayer: ParameterRecordingLayer<ConvTransposeFunction> {}

/// 1-D transposed convolution: `Upsample1d(k)` then `Conv1d_stride1`.
public final class ConvTranspose1d: ConvTransposeLayer {
    public init(
        inChannels: Int, outChannels: Int, kernelSize: Int, upsamplingFactor: Int,
        W: Tensor? = nil, b: Tensor? = nil, seed: UInt64 = 0
    ) {
        super.init(
            ConvTransposeFunction(
                upsample: Upsample1d(factor: upsamplingFactor).function,
                conv: Conv1d_stride1(
                    inChannels: inChannels, outChannels: outChannels,
                    kernelSize: kernelSize, W: W, b: b, seed: seed
                ).function))
    }

    /// Channels and kernel size from `W (C_out, C_in, K)`; a nil bias means zeros.
    public convenience init(weight: Tensor, bias: Tensor?, upsamplingFactor: Int) throws {
        try requireRank(weight, 3, "W", layout: "(C_out, C_in, K)")
        try requireBias(bias, outChannels: weight.shape[0])
        self.init(
            inChannels: weight.shape[1], outChannels: weight.shape[0], kernelSize: weight.shape[2],
            upsamplingFactor: upsamplingFactor, W: weight, b: bias)
    }
}

/// 2-D transposed convolution: `Upsample2d(k)` then `Conv2d_stride1` (square kernel, as
/// in the assignment; a rectangular W is accepted too).
public final class ConvTranspose2d: ConvTransposeLayer {
    public init(
        inChannels: Int, outChannels: Int, kernelSize: HW, upsamplingFactor: Int,
        W: Tensor? = nil, b: Tensor? = nil, seed: UInt64 = 0
    ) {
        super.init(
            ConvTransposeFunction(
                upsample: Upsample2d(factor: upsamplingFactor).function,
                conv: Conv2d(
                    inChannels: inChannels, outChannels: outChannels,
                    kernelSize: kernelSize, W: W, b: b, seed: seed
                ).function))
    }

    /// Channels and kernel from `W (C_out, C_in, kH, kW)`; a nil bias means zeros.
    public convenience init(weight: Tensor, bias: Tensor?, upsamplingFactor: Int) throws {
        try requireRank(weight, 4, "W", layout: "(C_out, C_in, kH, kW)")
        try requireBias(bias, outChannels: weight.shape[0])
        self.init(
            inChannels: weight.shape[1], outChannels: weight.shape[0],
            kernelSize: HW(weight.shape[2], weight.shape[3]),
            upsamplingFactor: upsamplingFactor, W: weight, b: bias)
    }
}
