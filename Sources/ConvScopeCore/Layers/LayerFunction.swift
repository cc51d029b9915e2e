/// A layer as an immutable value: `forward` returns the output Z with a record of what
/// backward needs, and `backward` turns that record and dL/dZ into the gradients. Nothing
/// is kept between the calls, so a pass can be held, copied and shown as values. The
/// assignment-style classes (`Conv1d`, `Linear`, …) are thin stateful wrappers over these.
public protocol LayerFunction: Sendable {
    /// What forward keeps for backward (the input, its padding, the argmax, …).
    associatedtype Record: Sendable
    associatedtype Gradients: LayerGradients
    /// A short human-readable description, e.g. `Conv2d(3, 8, kernel 3×3, stride 2)`.
    var summary: String { get }
    func forward(_ A: Tensor) throws -> (output: Tensor, record: Record)
    func backward(_ record: Record, _ dLdZ: Tensor) throws -> Gradients
}

/// What a backward pass returns: at least dL/dA.
public protocol LayerGradients: Sendable {
    var dLdA: Tensor { get }
}

/// The gradient of a layer without parameters: dL/dA, A's shape.
public struct InputGradient: LayerGradients, Equatable {
    public let dLdA: Tensor
}

/// The gradients of a layer with a weight and a bias, each a plain sum over the batch
/// (no 1/N), shaped like A, W and b.
public struct ParameterGradients: LayerGradients, Equatable {
    public let dLdA: Tensor
    public let dLdW: Tensor
    public let dLdb: Tensor
}

/// Checks that `dLdZ` has exactly the shape the forward pass produced.
func requireGradientShape(_ dLdZ: Tensor, matches outputShape: [Int]) throws {
    guard dLdZ.shape == outputShape else {
        throw LayerError.gradientShape(shape: dLdZ.shape, output: outputShape)
    }
}
