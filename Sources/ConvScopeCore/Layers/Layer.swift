/// What a caller did wrong when handing a tensor to a layer: a wrong rank, a channel
/// count that does not match the weights, a kernel larger than the padded input, or a
/// backward pass with no forward pass before it. The message is one line, fit for a user.
public struct LayerError: Error, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// A differentiable layer in the assignment's style: `forward` caches what `backward`
/// needs, and `backward` turns dL/dZ into dL/dA (setting any parameter gradients). The
/// layers are thin wrappers over their `LayerFunction` values.
public protocol Layer: AnyObject {
    /// A short human-readable description, e.g. `Conv2d(3, 8, kernel 3×3, stride 2)`.
    var summary: String { get }
    func forward(_ A: Tensor) throws -> Tensor
    func backward(_ dLdZ: Tensor) throws -> Tensor
}

/// A layer with a weight and a bias. Gradients are overwritten by each backward pass,
/// and are plain sums over the batch (no 1/N), as in the assignment.
public protocol ParameterizedLayer: Layer {
    var W: Tensor { get set }
    var b: Tensor { get set }
    var dLdW: Tensor { get }
    var dLdb: Tensor { get }
    /// Resets both gradients to zeros.
    func zeroGrads()
}

extension ParameterizedLayer {
    /// One plain SGD step: `θ ← θ − lr·dL/dθ` for the weight and the bias.
    public func step(learningRate lr: Double) {
        W = W - lr * dLdW
        b = b - lr * dLdb
    }
}

/// Checks a tensor's rank, naming the tensor and what was expected when it is wrong.
func requireRank(_ tensor: Tensor, _ rank: Int, _ name: String, layout: String) throws {
    guard tensor.rank == rank else {
        throw LayerError("\(name) has shape \(tensor.shape) but must be \(rank)-d \(layout)")
    }
}

/// The record of the last forward pass, which a wrapper's backward needs.
func requireRecord<Record>(_ record: Record?) throws -> Record {
    guard let record else {
        throw LayerError("backward called before forward: run forward first so the layer has its cache")
    }
    return record
}
