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

/// The body shared by `Conv1d` and `Conv2d`: weights, gradients, the cache, forward,
/// backward and the receptive-field answers. 1-D runs as 2-D with height 1.
public class ConvLayer: ParameterizedLayer {
    /// What forward keeps for backward.
    public struct Cache: Sendable {
        /// The input A as given.
        public let input: Tensor
        /// A zero-padded by `padding` on each spatial side, as a 4-d `(N, C, Hp, Wp)` tensor.
        public let paddedInput: Tensor
        /// The shape of Z.
        public let outputShape: [Int]
    }

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
    public private(set) var dLdW: Tensor
    public private(set) var dLdb: Tensor
    public private(set) var cache: Cache?

    init(inChannels: Int, outChannels: Int, spatialAxes: Int, geometry: ConvGeometry,
         W: Tensor?, b: Tensor?, seed: UInt64) {
        let kernelShape = spatialAxes == 1 ? [geometry.kernel.w] : [geometry.kernel.h, geometry.kernel.w]
        let weightShape = [outChannels, inChannels] + kernelShape
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.spatialAxes = spatialAxes
        self.geometry = geometry
        self.W = W ?? Tensor.randomNormal(shape: weightShape, seed: seed)
        self.b = b ?? Tensor(shape: [outChannels])
        precondition(self.W.shape == weightShape, "W has shape \(self.W.shape), expected \(weightShape)")
        precondition(self.b.shape == [outChannels], "b has shape \(self.b.shape), expected [\(outChannels)]")
        dLdW = Tensor(shape: weightShape)
        dLdb = Tensor(shape: [outChannels])
    }

    public var summary: String {
        let g = geometry
        var parts = ["\(inChannels)", "\(outChannels)", "kernel \(spatialAxes == 1 ? "\(g.kernel.w)" : "\(g.kernel)")"]
        let stride = spatialAxes == 1 ? "\(g.stride.w)" : "\(g.stride)"
        if g.stride != HW(square: 1) { parts.append("stride \(stride)") }
        if g.padding != HW(square: 0) { parts.append("padding \(spatialAxes == 1 ? "\(g.padding.w)" : "\(g.padding)")") }
        if g.dilation != HW(square: 1) { parts.append("dilation \(spatialAxes == 1 ? "\(g.dilation.w)" : "\(g.dilation)")") }
        return "Conv\(spatialAxes)d(\(parts.joined(separator: ", ")))"
    }

    private var layout: String { spatialAxes == 1 ? "(N, C_in, W)" : "(N, C_in, H, W)" }

    /// The input's spatial size as (H, W); H is 1 for Conv1d.
    func spatialSize(_ shape: [Int]) -> HW {
        spatialAxes == 1 ? HW(1, shape[2]) : HW(shape[2], shape[3])
    }

    /// The weight as a 4-d `(C_out, C_in, kH, kW)` tensor.
    private var weight4d: Tensor {
        W.reshaped([outChannels, inChannels, geometry.kernel.h, geometry.kernel.w])
    }

    /// The output shape for an input shape, or a one-line reason it has none.
    public func outputShape(forInput shape: [Int]) throws -> [Int] {
        guard shape.count == spatialAxes + 2 else {
            throw LayerError("A has shape \(shape) but must be \(spatialAxes + 2)-d \(layout)")
        }
        guard shape[1] == inChannels else {
            throw LayerError("A has \(shape[1]) channels (shape \(shape)) but W expects C_in = \(inChannels)")
        }
        let size = spatialSize(shape)
        try geometry.validate(input: size, axes: spatialAxes)
        let out = geometry.outputSize(forInput: size)
        return [shape[0], outChannels] + (spatialAxes == 1 ? [out.w] : [out.h, out.w])
    }

    public func forward(_ A: Tensor) throws -> Tensor {
        let outShape = try outputShape(forInput: A.shape)
        let size = spatialSize(A.shape)
        let padded = A.reshaped([A.shape[0], inChannels, size.h, size.w])
            .padded([(0, 0), (0, 0), (geometry.padding.h, geometry.padding.h), (geometry.padding.w, geometry.padding.w)])
        let Z = Convolution.forward(padded: padded, weight: weight4d, bias: b, geometry: geometry)
        cache = Cache(input: A, paddedInput: padded, outputShape: outShape)
        return Z.reshaped(outShape)
    }

    public func backward(_ dLdZ: Tensor) throws -> Tensor {
        _ = try requireGradientShape(dLdZ, matches: cache?.outputShape)
        let cache = cache!
        let out = geometry.outputSize(forInput: spatialSize(cache.input.shape))
        let grads = Convolution.backward(
            dLdZ: dLdZ.reshaped([dLdZ.shape[0], outChannels, out.h, out.w]),
            padded: cache.paddedInput, weight: weight4d, geometry: geometry, cropping: geometry.padding)
        dLdW = grads.dLdW.reshaped(W.shape)
        dLdb = grads.dLdb
        return grads.dLdApadded.reshaped(cache.input.shape)
    }

    public func zeroGrads() {
        dLdW = Tensor(shape: W.shape)
        dLdb = Tensor(shape: b.shape)
    }

    // MARK: Receptive fields

    /// Spatial part of an index as (h, w); h is 0 for Conv1d.
    private func spatial(_ index: [Int]) -> HW {
        spatialAxes == 1 ? HW(0, index[2]) : HW(index[2], index[3])
    }

    private func spatialIndex(_ position: HW) -> [Int] {
        spatialAxes == 1 ? [position.w] : [position.h, position.w]
    }

    /// Every term of output element `(n, o, i[, j])`'s sum, ordered by input channel then
    /// kernel tap (row-major): exactly the products the forward pass adds, before the bias.
    /// Needs a forward pass first (for the input size).
    public func receptiveField(of output: [Int]) -> [ConvTerm] {
        guard let cache else { return [] }
        let size = spatialSize(cache.input.shape)
        let (n, o) = (output[0], output[1])
        let window = geometry.window(ofOutput: spatial(output))
        return (0..<inChannels).flatMap { c in
            window.map { tap, position in
                let inside = ConvGeometry.isInside(position, size)
                let input = [n, c] + spatialIndex(position)
                let weight = [o, c] + spatialIndex(tap)
                return ConvTerm(output: output, input: input, weight: weight, isPadding: !inside,
                                weightValue: W[index: weight], inputValue: inside ? cache.input[index: input] : 0)
            }
        }
    }

    /// Every term input element `(n, c, h[, w])` takes part in, across all output channels,
    /// ordered by output channel then output position: the terms whose sum is dL/dA there.
    public func influence(of input: [Int]) -> [ConvTerm] {
        guard let cache else { return [] }
        let size = spatialSize(cache.input.shape)
        let (n, c) = (input[0], input[1])
        let reached = geometry.outputsReading(input: spatial(input), inputSize: size)
        return (0..<outChannels).flatMap { o in
            reached.map { output, tap in
                let weight = [o, c] + spatialIndex(tap)
                return ConvTerm(output: [n, o] + spatialIndex(output), input: input, weight: weight, isPadding: false,
                                weightValue: W[index: weight], inputValue: cache.input[index: input])
            }
        }
    }
}
