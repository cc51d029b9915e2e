/// One term of a convolution sum: output element `output` receives
/// `W[weight] · A[input]`. `input` is in unpadded coordinates; when it falls in the
/// zero padding, `isPadding` is true and `inputValue` is 0.
public struct ConvTerm: Sendable, Equatable {
    public let output: [Int]
    public let input: [Int]
    public let weight: [Int]
    public let isPadding: Bool
    /// `W[weight]`.
    public let weightValue: Double
    /// `A[input]`, or 0 in the padding.
    public let inputValue: Double

    /// The term's contribution to the forward sum, `W[weight] · A[input]`.
    public var product: Double { weightValue * inputValue }
}

/// What a convolution's forward pass keeps for backward.
public struct ConvRecord: Sendable, Equatable {
    /// The input A as given.
    public let input: Tensor
    /// A zero-padded by `padding` on each spatial side, as a 4-d `(N, C, Hp, Wp)` tensor.
    public let paddedInput: Tensor
    /// The shape of Z.
    public let outputShape: [Int]
}

/// A 1-D or 2-D convolution as a value: sizes, geometry, W and b. Forward, backward and
/// the receptive-field answers; 1-D runs as 2-D with height 1.
public struct ConvFunction: ParameterizedFunction, Equatable {
    public let inChannels: Int
    public let outChannels: Int
    /// 1 for Conv1d, 2 for Conv2d.
    public let spatialAxes: Int
    /// Kernel, stride, padding and dilation (height entries are 1/1/0/1 for Conv1d).
    public let geometry: ConvGeometry
    /// `(C_out, C_in, K)` for Conv1d, `(C_out, C_in, kH, kW)` for Conv2d.
    public var W: Tensor
    /// `(C_out,)`.
    public var b: Tensor

    public init(inChannels: Int, outChannels: Int, spatialAxes: Int, geometry: ConvGeometry, W: Tensor, b: Tensor) {
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.spatialAxes = spatialAxes
        self.geometry = geometry
        self.W = W
        self.b = b
    }

    public var summary: String {
        let g = geometry
        func shown(_ pair: HW) -> String { spatialAxes == 1 ? "\(pair.w)" : "\(pair)" }
        var parts = ["\(inChannels)", "\(outChannels)", "kernel \(shown(g.kernel))"]
        if g.stride != HW(square: 1) { parts.append("stride \(shown(g.stride))") }
        if g.padding != HW(square: 0) { parts.append("padding \(shown(g.padding))") }
        if g.dilation != HW(square: 1) { parts.append("dilation \(shown(g.dilation))") }
        return "Conv\(spatialAxes)d(\(parts.joined(separator: ", ")))"
    }

    var layout: String { spatialAxes == 1 ? "(N, C_in, W)" : "(N, C_in, H, W)" }

    /// The input's spatial size as (H, W); H is 1 for Conv1d.
    public func spatialSize(_ shape: [Int]) -> HW {
        spatialAxes == 1 ? HW(1, shape[2]) : HW(shape[2], shape[3])
    }

    /// The weight as a 4-d `(C_out, C_in, kH, kW)` tensor.
    var weight4d: Tensor {
        W.reshaped([outChannels, inChannels, geometry.kernel.h, geometry.kernel.w])
    }

    /// The output shape for an input shape, or a one-line reason it has none.
    public func outputShape(forInput shape: [Int]) throws -> [Int] {
        guard shape.count == spatialAxes + 2 else {
            throw LayerError.wrongRank(tensor: "A", shape: shape, rank: spatialAxes + 2, layout: layout)
        }
        guard shape[1] == inChannels else {
            throw LayerError.sizeMismatch(shape: shape, given: shape[1], expected: inChannels, features: false)
        }
        let size = spatialSize(shape)
        try geometry.validate(input: size, axes: spatialAxes)
        let out = geometry.outputSize(forInput: size)
        return [shape[0], outChannels] + (spatialAxes == 1 ? [out.w] : [out.h, out.w])
    }

    public func forward(_ A: Tensor) throws -> (output: Tensor, record: ConvRecord) {
        let outShape = try outputShape(forInput: A.shape)
        let size = spatialSize(A.shape)
        let p = geometry.padding
        let padded = A.reshaped([A.shape[0], inChannels, size.h, size.w])
            .padded([(0, 0), (0, 0), (p.h, p.h), (p.w, p.w)])
        let Z = Convolution.forward(padded: padded, weight: weight4d, bias: b, geometry: geometry)
        return (Z.reshaped(outShape), ConvRecord(input: A, paddedInput: padded, outputShape: outShape))
    }

    public func backward(_ record: ConvRecord, _ dLdZ: Tensor) throws -> ParameterGradients {
        try requireGradientShape(dLdZ, matches: record.outputShape)
        let out = geometry.outputSize(forInput: spatialSize(record.input.shape))
        let grads = Convolution.backward(
            dLdZ: dLdZ.reshaped([dLdZ.shape[0], outChannels, out.h, out.w]),
            padded: record.paddedInput, weight: weight4d, geometry: geometry, cropping: geometry.padding)
        return ParameterGradients(
            dLdA: grads.dLdApadded.reshaped(record.input.shape),
            dLdW: grads.dLdW.reshaped(W.shape), dLdb: grads.dLdb)
    }
}
