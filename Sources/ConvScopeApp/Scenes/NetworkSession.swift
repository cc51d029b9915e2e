import ConvScopeCore
import Walkthroughs

/// A CNN with a batch to learn from: every layer's output and every gradient of the
/// last pass, and the loss after each SGD step. A reference type, because training
/// changes the network's weights in place, as the assignment's `step()` does.
public final class NetworkSession {
    public let cnn: CNN
    /// `(N, C, W)` inputs and their one-hot labels `(N, classes)`.
    public let images: Tensor
    public let labels: Tensor
    /// Entry 0 is the input, entry `i + 1` the output of `cnn.layers[i]`.
    public private(set) var activations: [Tensor] = []
    /// Entry `i` is dL/d(input of layer i); the last is dL/d(logits).
    public private(set) var gradients: [Tensor] = []
    /// The loss before training and after every SGD step since.
    public private(set) var losses: [Double] = []

    public init(cnn: CNN, images: Tensor, labels: Tensor) throws {
        self.cnn = cnn
        self.images = images
        self.labels = labels
        try refresh()
    }

    /// Forward and backward on the batch with the current weights, recording everything.
    private func refresh() throws {
        activations = try cnn.forwardRecording(images)
        cnn.zeroGrads()
        gradients = try cnn.backwardRecording(labels: labels)
        losses.append(cnn.loss ?? .nan)
    }

    /// One SGD step with the gradients of the last pass, then a fresh pass.
    public func trainStep() throws {
        cnn.step()
        try refresh()
    }

    /// The share of the batch the network classifies right.
    public var accuracy: Double {
        let predicted = activations.last!.rowArgmax()
        let truth = labels.rowArgmax()
        return Double(zip(predicted, truth).filter { $0 == $1 }.count) / Double(max(1, truth.count))
    }

    /// Parameters of layer `i` (weights and biases), 0 for layers without.
    public func parameterCount(_ i: Int) -> Int {
        (cnn.layers[i] as? ParameterizedLayer).map { $0.W.count + $0.b.count } ?? 0
    }

    /// The screen of layer `i` on its real input and on the gradient that reached its
    /// output in the last backward pass, walked on the layer's value so the network is not
    /// disturbed.
    public func layerScenes(_ i: Int) throws -> [Scene] {
        let (input, dLdZ) = (activations[i], gradients[i + 1])
        let title = "CNN layer \(i + 1): \(cnn.layers[i].summary)"
        switch cnn.stages[i] {
        case .convolution(let conv):
            return [try .convolution(title, layer: conv, input: input, dLdZ: dLdZ)]
        case .linear(let linear):
            return [
                Scene(
                    title: title,
                    content: .linear(
                        try LinearWalkthrough(
                            layer: linear, input: input,
                            dLdZ: dLdZ)))
            ]
        case .activation(let activation):
            let walk = try ElementwiseWalkthrough(layer: .activation(activation), input: input, dLdZ: dLdZ)
            return [Scene(title: title, content: .elementwise(walk))]
        case .flatten(let flatten):
            let walk = try ElementwiseWalkthrough(layer: .flatten(flatten), input: input, dLdZ: dLdZ)
            return [Scene(title: title, content: .elementwise(walk))]
        }
    }
}
