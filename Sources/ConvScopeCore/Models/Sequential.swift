/// Layers applied one after another; backward runs them in reverse.
public final class Sequential: Layer {
    public let layers: [Layer]
    /// The input of every layer during the last forward pass, and the final output:
    /// `activations[i]` went into `layers[i]`, the last entry is the network's output.
    public private(set) var activations: [Tensor] = []

    public init(_ layers: [Layer]) {
        self.layers = layers
    }

    public var summary: String { layers.map(\.summary).joined(separator: " → ") }

    public func forward(_ A: Tensor) throws -> Tensor {
        var x = A
        var seen = [A]
        for layer in layers {
            x = try layer.forward(x)
            seen.append(x)
        }
        activations = seen
        return x
    }

    public func output(for A: Tensor) throws -> Tensor {
        try layers.reduce(A) { try $1.output(for: $0) }
    }

    public func backward(_ dLdZ: Tensor) throws -> Tensor {
        var grad = dLdZ
        for layer in layers.reversed() {
            grad = try layer.backward(grad)
        }
        return grad
    }

    /// The layers that hold parameters, in order.
    public var parameterizedLayers: [ParameterizedLayer] {
        layers.compactMap { $0 as? ParameterizedLayer }
    }
}
