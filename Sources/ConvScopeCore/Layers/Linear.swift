/// What a Linear forward pass keeps: the input, which dL/dW needs.
public struct LinearRecord: Sendable, Equatable {
    /// `(N, in_features)`.
    public let input: Tensor
}

/// A fully connected layer as a value: `Z = A·Wᵀ + bᵀ` on `(N, in)` inputs with
/// `W (out, in)`. b is the assignment's `(out, 1)` column or PyTorch's `(out,)`;
/// dL/db has the same shape.
public struct LinearFunction: ParameterizedFunction, Equatable {
    public var W: Tensor
    public var b: Tensor

    public init(W: Tensor, b: Tensor) {
        self.W = W
        self.b = b
    }

    public var inFeatures: Int { W.shape[1] }
    public var outFeatures: Int { W.shape[0] }
    public var summary: String { "Linear(\(inFeatures), \(outFeatures))" }

    public func forward(_ A: Tensor) throws -> (output: Tensor, record: LinearRecord) {
        try requireRank(A, 2, "A", layout: "(N, in_features)")
        guard A.shape[1] == inFeatures else {
            throw LayerError.sizeMismatch(shape: A.shape, given: A.shape[1], expected: inFeatures, features: true)
        }
        var Z = MatrixMultiply.product(A, W, transposeB: true)
        for n in 0..<A.shape[0] {
            for o in 0..<outFeatures { Z.scalars[n * outFeatures + o] += b.scalars[o] }
        }
        return (Z, LinearRecord(input: A))
    }

    public func backward(_ record: LinearRecord, _ dLdZ: Tensor) throws -> ParameterGradients {
        try requireGradientShape(dLdZ, matches: [record.input.shape[0], outFeatures])
        return ParameterGradients(
            dLdA: MatrixMultiply.product(dLdZ, W),
            dLdW: MatrixMultiply.product(dLdZ, record.input, transposeA: true),
            dLdb: dLdZ.sum(axes: [0]).reshaped(b.shape))
    }
}

/// The assignment-style fully connected layer: W, b, their gradients and the last record
/// over the value `LinearFunction`.
public final class Linear: ParameterRecordingLayer<LinearFunction> {
    /// W defaults to N(0, 1) from `seed`; b to a zero `(out, 1)` column.
    public init(inFeatures: Int, outFeatures: Int, W: Tensor? = nil, b: Tensor? = nil, seed: UInt64 = 0) {
        let W = W ?? Tensor.randomNormal(shape: [outFeatures, inFeatures], seed: seed)
        let b = b ?? Tensor(shape: [outFeatures, 1])
        precondition(
            W.shape == [outFeatures, inFeatures],
            "W has shape \(W.shape), expected [\(outFeatures), \(inFeatures)]")
        precondition(b.count == outFeatures, "b has shape \(b.shape), expected \(outFeatures) entries")
        super.init(LinearFunction(W: W, b: b))
    }

    /// A layer around given parameters: sizes from `W (out, in)`; b may be `(out,)` or
    /// `(out, 1)`, nil meaning zeros.
    public convenience init(weight: Tensor, bias: Tensor?) throws {
        try requireRank(weight, 2, "W", layout: "(out_features, in_features)")
        let out = weight.shape[0]
        if let bias, bias.shape != [out], bias.shape != [out, 1] {
            throw LayerError.biasShape(shape: bias.shape, outputs: out, acceptsColumn: true)
        }
        self.init(inFeatures: weight.shape[1], outFeatures: out, W: weight, b: bias)
    }

    public var inFeatures: Int { function.inFeatures }
    public var outFeatures: Int { function.outFeatures }
}
