/// What a caller did wrong when handing a tensor to a layer, as data: which tensor, its
/// shape and what the layer expected. `message` states it in one line of math (shapes and
/// layouts, no command-line terms), which the CLI and the screens show as it is.
public enum LayerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `tensor` has `shape`, but the layer reads a `rank`-d tensor laid out as `layout`.
    case wrongRank(tensor: String, shape: [Int], rank: Int, layout: String)
    /// A's `shape` has `given` channels (or features) where W expects `expected`.
    case sizeMismatch(shape: [Int], given: Int, expected: Int, features: Bool)
    /// b has `shape` but W has `outputs` outputs; a Linear bias may also be an `(out, 1)` column.
    case biasShape(shape: [Int], outputs: Int, acceptsColumn: Bool)
    /// dL/dZ has `shape` but the forward output Z had `output`.
    case gradientShape(shape: [Int], output: [Int])
    /// `backward` was called on a layer with no forward record.
    case backwardBeforeForward
    /// A window of `kernel` taps at `dilation` reaches past the padded input `padded`
    /// (`axes` 1: widths only; `pooling`: a pooling window, which has no dilation or padding).
    case windowTooLarge(kernel: HW, dilation: HW, padded: HW, axes: Int, pooling: Bool)
    /// A kernel, stride, dilation (below 1) or padding (below 0) of `value` (`axes` 1: its width).
    case invalidSetting(name: String, value: HW, least: Int, axes: Int)
    /// Flatten got a tensor with no batch axis.
    case noBatchAxis(shape: [Int])
    /// A model's or a bundle's own one-line reason (network sizes, MLP weights, answers).
    case invalid(String)

    /// A model's or a bundle's reason, stated in one line.
    public init(_ message: String) {
        self = .invalid(message)
    }

    /// The error in one line.
    public var message: String {
        switch self {
        case .wrongRank(let tensor, let shape, let rank, let layout):
            "\(tensor) has shape \(shape) but must be \(rank)-d \(layout)"
        case .sizeMismatch(let shape, let given, let expected, let features):
            features
                ? "A has \(given) features (shape \(shape)) but W expects in_features = \(expected)"
                : "A has \(given) channels (shape \(shape)) but W expects C_in = \(expected)"
        case .biasShape(let shape, let outputs, let acceptsColumn):
            acceptsColumn
                ? "b has shape \(shape) but W has \(outputs) output features, "
                    + "so b must be (\(outputs),) or (\(outputs), 1)"
                : "b has shape \(shape) but W has C_out = \(outputs), so b must be (\(outputs),)"
        case .gradientShape(let shape, let output):
            "dLdZ has shape \(shape) but the forward output Z has shape \(output)"
        case .backwardBeforeForward:
            "backward called before forward: run forward first so the layer has its cache"
        case .windowTooLarge(let kernel, let dilation, let padded, let axes, let pooling):
            LayerError.windowLine(
                kernel: kernel, dilation: dilation, padded: padded, axes: axes,
                pooling: pooling)
        case .invalidSetting(let name, let value, let least, let axes):
            "\(name) \(axes == 1 ? "\(value.w)" : "\(value)") is invalid: it must be at least \(least)"
        case .noBatchAxis(let shape):
            "A has shape \(shape) but Flatten needs at least 2-d (N, …)"
        case .invalid(let message):
            message
        }
    }

    public var description: String { message }

    /// A window too large for its input, with what the layer lets the user change.
    private static func windowLine(kernel: HW, dilation: HW, padded: HW, axes: Int, pooling: Bool) -> String {
        let remedy =
            pooling
            ? "use a smaller pooling window or a larger A"
            : "use a smaller kernel or dilation, or more padding"
        let reach = ConvGeometry(kernel: kernel, dilation: dilation).effectiveKernel
        guard axes == 1 else {
            return "kernel reaches \(reach.h)×\(reach.w) but the padded input is only "
                + "\(padded.h)×\(padded.w): \(remedy)"
        }
        let span =
            reach.w == kernel.w
            ? "kernel \(kernel.w)"
            : "kernel \(kernel.w) at dilation \(dilation.w) spans \(reach.w) and"
        return "\(span) is wider than the padded input \(padded.w): \(remedy)"
    }
}

/// A differentiable layer in the assignment's style: `forward` caches what `backward`
/// needs, and `backward` turns dL/dZ into dL/dA (setting any parameter gradients). The
/// layers are thin wrappers over their `LayerFunction` values.
public protocol Layer: AnyObject {
    /// A short human-readable description, e.g. `Conv2d(3, 8, kernel 3×3, stride 2)`.
    var summary: String { get }
    func forward(_ A: Tensor) throws -> Tensor
    func backward(_ dLdZ: Tensor) throws -> Tensor
    /// Z for A from the layer's value, keeping no record: the layer is left as it was.
    func output(for A: Tensor) throws -> Tensor
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
        throw LayerError.wrongRank(tensor: name, shape: tensor.shape, rank: rank, layout: layout)
    }
}
