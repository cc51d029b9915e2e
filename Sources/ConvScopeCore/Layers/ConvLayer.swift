/// The assignment-style body shared by `Conv1d` and `Conv2d`: W, b, their gradients and
/// the last forward record, over the value `ConvFunction` that does the work.
public class ConvLayer: ParameterRecordingLayer<ConvFunction> {
    init(
        inChannels: Int, outChannels: Int, spatialAxes: Int, geometry: ConvGeometry,
        W: Tensor?, b: Tensor?, seed: UInt64
    ) {
        let kernelShape = spatialAxes == 1 ? [geometry.kernel.w] : [geometry.kernel.h, geometry.kernel.w]
        let weightShape = [outChannels, inChannels] + kernelShape
        let W = W ?? Tensor.randomNormal(shape: weightShape, seed: seed)
        let b = b ?? Tensor(shape: [outChannels])
        precondition(W.shape == weightShape, "W has shape \(W.shape), expected \(weightShape)")
        precondition(b.shape == [outChannels], "b has shape \(b.shape), expected [\(outChannels)]")
        super.init(
            ConvFunction(
                inChannels: inChannels, outChannels: outChannels, spatialAxes: spatialAxes,
                geometry: geometry, W: W, b: b))
    }

    public var inChannels: Int { function.inChannels }
    public var outChannels: Int { function.outChannels }
    /// 1 for Conv1d, 2 for Conv2d.
    public var spatialAxes: Int { function.spatialAxes }
    /// Kernel, stride, padding and dilation (height entries are 1/1/0/1 for Conv1d).
    public var geometry: ConvGeometry { function.geometry }

    /// The output shape for an input shape, or a one-line reason it has none.
    public func outputShape(forInput shape: [Int]) throws -> [Int] {
        try function.outputShape(forInput: shape)
    }
}
