/// The assignment's whole CNN: 1-D convolutions each followed by its activation, then
/// Flatten and one Linear layer producing logits (spec §8).
public final class CNN {
    public let convolutionalLayers: [Conv1d]
    public let activations: [Activation]
    public let flatten = Flatten()
    public let linear: Linear
    public let criterion: Loss
    public var learningRate: Double
    /// The logits of the last forward pass.
    public private(set) var output: Tensor?
    /// The loss computed by the last `backward(labels:)`.
    public private(set) var loss: Double?

    /// The width after each convolution: `w ← (w − k)//s + 1` from `inputWidth` (Python's floor `//`).
    public static func widths(inputWidth: Int, kernelSizes: [Int], strides: [Int]) -> [Int] {
        zip(kernelSizes, strides).reduce(into: [inputWidth]) { widths, ks in
            widths.append(WidthChain.floorDivide(widths.last! - ks.0, ks.1) + 1)
        }
    }

    /// Builds the network. `weightInit` and `biasInit` receive each parameter's shape and
    /// must return a tensor of it, so tests and demos are reproducible.
    public init(
        inputWidth: Int, inputChannels: Int, channels: [Int], kernelSizes: [Int], strides: [Int],
        linearNeurons: Int, activations: [Activation], criterion: Loss, learningRate: Double,
        weightInit: ([Int]) -> Tensor, biasInit: ([Int]) -> Tensor
    ) throws {
        guard !channels.isEmpty, channels.count == kernelSizes.count, channels.count == strides.count,
            channels.count == activations.count
        else {
            throw LayerError("channels, kernel sizes, strides and activations must be non-empty lists of equal length")
        }
        let widths = CNN.widths(inputWidth: inputWidth, kernelSizes: kernelSizes, strides: strides)
        guard widths.dropFirst().allSatisfy({ $0 > 0 }), kernelSizes.allSatisfy({ $0 > 0 }),
            strides.allSatisfy({ $0 > 0 })
        else {
            throw LayerError(
                "the convolutions shrink width \(inputWidth) to "
                    + widths.dropFirst().map(String.init).joined(separator: " → ")
                    + ": use a wider input or smaller kernels"
            )
        }
        let inputs = [inputChannels] + channels.dropLast()
        convolutionalLayers = (0..<channels.count).map { i in
            Conv1d(
                inChannels: inputs[i], outChannels: channels[i], kernelSize: kernelSizes[i], stride: strides[i],
                W: weightInit([channels[i], inputs[i], kernelSizes[i]]), b: biasInit([channels[i]]))
        }
        let features = channels.last! * widths.last!
        linear = Linear(
            inFeatures: features, outFeatures: linearNeurons,
            W: weightInit([linearNeurons, features]), b: biasInit([linearNeurons]))
        self.activations = activations
        self.criterion = criterion
        self.learningRate = learningRate
    }

    /// A network from layers already made: each convolution followed by its activation,
    /// then Flatten and `linear`. Sizes are checked by the first forward pass.
    public init(
        convolutions: [Conv1d], activations: [Activation], linear: Linear, criterion: Loss,
        learningRate: Double
    ) throws {
        guard !convolutions.isEmpty, convolutions.count == activations.count else {
            throw LayerError("convolutions and activations must be non-empty lists of equal length")
        }
        convolutionalLayers = convolutions
        self.activations = activations
        self.linear = linear
        self.criterion = criterion
        self.learningRate = learningRate
    }

    /// One layer of the network as a value, with its current parameters.
    public enum Stage: Sendable, Equatable {
        case convolution(ConvFunction)
        case activation(ActivationFunction)
        case flatten(FlattenFunction)
        case linear(LinearFunction)
    }

    /// `layers` as values, in the same order: what screens show without touching the network.
    public var stages: [Stage] {
        zip(convolutionalLayers, activations).flatMap { [Stage.convolution($0.function), .activation($1.function)] }
            + [.flatten(flatten.function), .linear(linear.function)]
    }

    /// Every layer in forward order, activations interleaved.
    public var layers: [Layer] {
        zip(convolutionalLayers, activations).flatMap { [$0 as Layer, $1 as Layer] } + [flatten, linear]
    }

    /// Logits `(N, linearNeurons)` for input `(N, C, W)`; no softmax.
    public func forward(_ A: Tensor) throws -> Tensor {
        try forwardRecording(A).last!
    }

    /// The forward pass keeping every layer's output: entry 0 is `A`, entry `i + 1` the
    /// output of `layers[i]`, the last the logits.
    public func forwardRecording(_ A: Tensor) throws -> [Tensor] {
        var outputs = [A]
        for layer in layers { outputs.append(try layer.forward(outputs.last!)) }
        output = outputs.last
        return outputs
    }

    /// Computes the loss against one-hot `labels`, then runs every layer's backward in
    /// reverse, setting all parameter gradients; returns dL/dA for the input.
    @discardableResult
    public func backward(labels: Tensor) throws -> Tensor {
        try backwardRecording(labels: labels)[0]
    }

    /// The backward pass keeping every gradient: entry `i` is dL/d(input of `layers[i]`),
    /// the last entry dL/d(logits) from the criterion; so entry 0 is dL/dA.
    public func backwardRecording(labels: Tensor) throws -> [Tensor] {
        guard let output else { throw LayerError("backward called before forward: run forward first") }
        loss = try criterion.forward(output, labels)
        var gradients = [try criterion.backward()]
        for layer in layers.reversed() { gradients.insert(try layer.backward(gradients[0]), at: 0) }
        return gradients
    }

    /// Resets every parameter gradient to zero.
    public func zeroGrads() {
        convolutionalLayers.forEach { $0.zeroGrads() }
        linear.zeroGrads()
    }

    /// One SGD step, `θ ← θ − lr·dL/dθ`, on every convolution and the linear layer.
    public func step() {
        convolutionalLayers.forEach { $0.step(learningRate: learningRate) }
        linear.step(learningRate: learningRate)
    }
}
