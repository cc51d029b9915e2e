/// The assignment-style body shared by `Conv1d` and `Conv2d`: W, b, their gradients and
/// the last forward record, over the value `ConvFunction` that does the work.
public class ConvLayer: ParameterizedLayer {
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
    /// What the last forward pass kept for backward.
    public private(set) var record: ConvRecord?

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

    /// The layer as a value, with the current W and b.
    public var function: ConvFunction {
        ConvFunction(inChannels: inChannels, outChannels: outChannels, spatialAxes: spatialAxes,
                     geometry: geometry, W: W, b: b)
    }

    public var summary: String { function.summary }

    /// The output shape for an input shape, or a one-line reason it has none.
    public func outputShape(forInput shape: [Int]) throws -> [Int] {
        try function.outputShape(forInput: shape)
    }

    public func output(for A: Tensor) throws -> Tensor {
        try function.forward(A).output
    }

    public func forward(_ A: Tensor) throws -> Tensor {
        let (Z, record) = try function.forward(A)
        self.record = record
        return Z
    }

    public func backward(_ dLdZ: Tensor) throws -> Tensor {
        let gradients = try function.backward(try requireRecord(record), dLdZ)
        dLdW = gradients.dLdW
        dLdb = gradients.dLdb
        return gradients.dLdA
    }

    public func zeroGrads() {
        dLdW = Tensor(shape: W.shape)
        dLdb = Tensor(shape: b.shape)
    }
}
