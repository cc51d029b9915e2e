/// What a Flatten forward pass keeps: the input shape, which backward restores.
public struct FlattenRecord: Sendable, Equatable {
    public let inputShape: [Int]
}

/// `(N, C, W, …) → (N, C·W·…)` in row-major order as a value, so `Z[n, c·W + w] = A[n, c, w]`
/// (channel-major); backward reshapes back.
public struct FlattenFunction: LayerFunction, Equatable {
    public init() {}

    public var summary: String { "Flatten()" }

    public func forward(_ A: Tensor) throws -> (output: Tensor, record: FlattenRecord) {
        guard A.rank >= 2 else {
            throw LayerError.noBatchAxis(shape: A.shape)
        }
        return (A.reshaped([A.shape[0], A.count / max(A.shape[0], 1)]), FlattenRecord(inputShape: A.shape))
    }

    public func backward(_ record: FlattenRecord, _ dLdZ: Tensor) throws -> InputGradient {
        let shape = record.inputShape
        try requireGradientShape(dLdZ, matches: [shape[0], Tensor.count(of: shape) / max(shape[0], 1)])
        return InputGradient(dLdA: dLdZ.reshaped(shape))
    }

    /// The input element that output `[n, k]` is: `A`'s element at row-major offset `k` of
    /// sample n (channel-major order).
    public func source(ofOutput output: [Int], in record: FlattenRecord) -> [Int] {
        let perSample = Tensor.count(of: Array(record.inputShape.dropFirst()))
        var rest = output[0] * perSample + output[1]
        return Tensor.strides(of: record.inputShape).map { stride in
            defer { rest %= stride }
            return rest / stride
        }
    }

    /// The output element `[n, k]` that input element `index` becomes.
    public func destination(ofInput index: [Int], in record: FlattenRecord) -> [Int] {
        let perSample = Tensor.count(of: Array(record.inputShape.dropFirst()))
        let offset = zip(index, Tensor.strides(of: record.inputShape)).reduce(0) { $0 + $1.0 * $1.1 }
        return [index[0], offset - index[0] * perSample]
    }
}

/// The assignment-style Flatten: the last record over the value `FlattenFunction`.
public final class Flatten: RecordingLayer<FlattenFunction> {
    public init() {
        super.init(FlattenFunction())
    }
}
