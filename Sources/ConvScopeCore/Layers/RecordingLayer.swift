/// The assignment-style shell over a layer value: `forward` keeps the value's record for
/// `backward`, as the assignment's classes keep their cache. The value does all the work.
public class RecordingLayer<Function: LayerFunction>: Layer {
    /// The layer as a value (with the current W and b, for layers that have them).
    public internal(set) var function: Function
    /// What the last forward pass kept for backward.
    public private(set) var record: Function.Record?

    init(_ function: Function) {
        self.function = function
    }

    public var summary: String { function.summary }

    public func output(for A: Tensor) throws -> Tensor {
        try function.forward(A).output
    }

    public func forward(_ A: Tensor) throws -> Tensor {
        let (Z, record) = try function.forward(A)
        self.record = record
        return Z
    }

    public func backward(_ dLdZ: Tensor) throws -> Tensor {
        try gradients(dLdZ).dLdA
    }

    /// The value's gradients for `dLdZ` from the last forward record.
    func gradients(_ dLdZ: Tensor) throws -> Function.Gradients {
        guard let record else { throw LayerError.backwardBeforeForward }
        return try function.backward(record, dLdZ)
    }
}

/// A layer value with a weight and a bias, whose backward returns all three gradients.
public protocol ParameterizedFunction: LayerFunction where Gradients == ParameterGradients {
    var W: Tensor { get set }
    var b: Tensor { get set }
}

/// A recording layer with W and b (read from and written to its value) and their
/// gradients, overwritten by every backward.
public class ParameterRecordingLayer<Function: ParameterizedFunction>: RecordingLayer<Function>, ParameterizedLayer {
    public private(set) var dLdW: Tensor
    public private(set) var dLdb: Tensor

    override init(_ function: Function) {
        dLdW = Tensor(shape: function.W.shape)
        dLdb = Tensor(shape: function.b.shape)
        super.init(function)
    }

    public var W: Tensor {
        get { function.W }
        set { function.W = newValue }
    }

    public var b: Tensor {
        get { function.b }
        set { function.b = newValue }
    }

    public override func backward(_ dLdZ: Tensor) throws -> Tensor {
        let gradients = try gradients(dLdZ)
        dLdW = gradients.dLdW
        dLdb = gradients.dLdb
        return gradients.dLdA
    }

    public func zeroGrads() {
        dLdW = Tensor(shape: W.shape)
        dLdb = Tensor(shape: b.shape)
    }
}
