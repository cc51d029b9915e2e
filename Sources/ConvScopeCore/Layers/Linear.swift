/// A fully connected layer: `Z = A·Wᵀ + bᵀ` on `(N, in)` inputs with `W (out, in)`.
/// The bias is stored as the assignment's `(out, 1)` column or PyTorch's `(out,)`,
/// whichever it was given as; `dLdb` has the same shape.
public final class Linear: ParameterizedLayer {
    public let inFeatures: Int
    public let outFeatures: Int
    public var W: Tensor
    public var b: Tensor
    public private(set) var dLdW: Tensor
    public private(set) var dLdb: Tensor
    /// The input of the last forward pass, which dL/dW needs.
    public private(set) var input: Tensor?

    /// W defaults to N(0, 1) from `seed`; b to a zero `(out, 1)` column.
    public init(inFeatures: Int, outFeatures: Int, W: Tensor? = nil, b: Tensor? = nil, seed: UInt64 = 0) {
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
        self.W = W ?? Tensor.randomNormal(shape: [outFeatures, inFeatures], seed: seed)
        self.b = b ?? Tensor(shape: [outFeatures, 1])
        precondition(self.W.shape == [outFeatures, inFeatures], "W has shape \(self.W.shape), expected [\(outFeatures), \(inFeatures)]")
        precondition(self.b.count == outFeatures, "b has shape \(self.b.shape), expected \(outFeatures) entries")
        dLdW = Tensor(shape: self.W.shape)
        dLdb = Tensor(shape: self.b.shape)
    }

    /// A layer around given parameters: sizes from `W (out, in)`; b may be `(out,)` or
    /// `(out, 1)`, nil meaning zeros.
    public convenience init(weight: Tensor, bias: Tensor?) throws {
        try requireRank(weight, 2, "W", layout: "(out_features, in_features)")
        let out = weight.shape[0]
        if let bias, bias.shape != [out], bias.shape != [out, 1] {
            throw LayerError("b has shape \(bias.shape) but W has \(out) output features, so b must be (\(out),) or (\(out), 1)")
        }
        self.init(inFeatures: weight.shape[1], outFeatures: out, W: weight, b: bias)
    }

    public var summary: String { "Linear(\(inFeatures), \(outFeatures))" }

    public func forward(_ A: Tensor) throws -> Tensor {
        try requireRank(A, 2, "A", layout: "(N, in_features)")
        guard A.shape[1] == inFeatures else {
            throw LayerError("A has \(A.shape[1]) features (shape \(A.shape)) but W expects in_features = \(inFeatures)")
        }
        input = A
        var Z = MatrixMultiply.product(A, W, transposeB: true)
        for n in 0..<A.shape[0] {
            for o in 0..<outFeatures { Z.scalars[n * outFeatures + o] += b.scalars[o] }
        }
        return Z
    }

    public func backward(_ dLdZ: Tensor) throws -> Tensor {
        _ = try requireGradientShape(dLdZ, matches: input.map { [$0.shape[0], outFeatures] })
        dLdW = MatrixMultiply.product(dLdZ, input!, transposeA: true)
        dLdb = dLdZ.sum(axes: [0]).reshaped(b.shape)
        return MatrixMultiply.product(dLdZ, W)
    }

    public func zeroGrads() {
        dLdW = Tensor(shape: W.shape)
        dLdb = Tensor(shape: b.shape)
    }
}
