/// `(N, C, W, …) → (N, C·W·…)` in row-major order, so `Z[n, c·W + w] = A[n, c, w]`
/// (channel-major); backward reshapes back.
public final class Flatten: Layer {
    /// The input shape of the last forward pass, which backward restores.
    public private(set) var inputShape: [Int]?

    public init() {}

    public var summary: String { "Flatten()" }

    public func forward(_ A: Tensor) throws -> Tensor {
        guard A.rank >= 2 else {
            throw LayerError("A has shape \(A.shape) but Flatten needs at least 2-d (N, …)")
        }
        inputShape = A.shape
        return A.reshaped([A.shape[0], A.count / max(A.shape[0], 1)])
    }

    /// The input element that output `[n, k]` is: `A`'s element at row-major offset `k` of
    /// sample n (channel-major order). Nil before a forward pass.
    public func source(ofOutput output: [Int]) -> [Int]? {
        guard let inputShape else { return nil }
        let perSample = Tensor.count(of: Array(inputShape.dropFirst()))
        var rest = output[0] * perSample + output[1]
        return Tensor.strides(of: inputShape).map { stride in
            defer { rest %= stride }
            return rest / stride
        }
    }

    public func backward(_ dLdZ: Tensor) throws -> Tensor {
        let outputShape = inputShape.map { [$0[0], Tensor.count(of: $0) / max($0[0], 1)] }
        _ = try requireGradientShape(dLdZ, matches: outputShape)
        return dLdZ.reshaped(inputShape!)
    }
}
