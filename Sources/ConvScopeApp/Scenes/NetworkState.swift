import ConvScopeCore

/// What the CNN screen shows of a network at one moment, as values: every activation and
/// gradient of the last pass, the losses so far, the width chain and the batch sample on
/// screen. The runner trains the `session` it names and sends the next state back; the
/// model never touches the session itself.
public struct NetworkState: Equatable {
    /// The network being trained (compared by identity: a handle for the runner's effects).
    public let session: NetworkSession
    /// `(N, C, W)` inputs and their one-hot labels `(N, classes)`.
    public let images: Tensor
    public let labels: Tensor
    /// Entry 0 is the input, entry `i + 1` the output of layer `i`.
    public let activations: [Tensor]
    /// Entry `i` is dL/d(input of layer i); the last is dL/d(logits).
    public let gradients: [Tensor]
    /// The loss before training and after every SGD step since.
    public let losses: [Double]
    /// Each layer's one-line summary and parameter count (weights and biases, 0 if none).
    public let layerSummaries: [String]
    public let parameterCounts: [Int]
    public let learningRate: Double
    /// The share of the batch the network classifies right.
    public let accuracy: Double
    /// The widths through the convolutions and the Linear input size (nil without convolutions).
    public let chain: WidthChain?
    /// Row-wise softmax of the logits `(N, classes)`: the library's `CrossEntropyLoss.softmax`.
    public let probabilities: Tensor
    /// The batch sample the screen shows, `0..<N`; `n` and `N` change it.
    public private(set) var sample = 0

    /// The same state showing batch sample `n` (wrapped into `0..<N`).
    public func showing(sample n: Int) -> NetworkState {
        var next = self
        let count = max(1, images.shape[0])
        next.sample = ((n % count) + count) % count
        return next
    }

    /// The class each sample is predicted as (the largest logit) and its true class.
    public var predicted: [Int] { activations.last!.rowArgmax() }
    public var truth: [Int] { labels.rowArgmax() }

    public static func == (lhs: NetworkState, rhs: NetworkState) -> Bool {
        lhs.session === rhs.session && lhs.sample == rhs.sample && lhs.images == rhs.images && lhs.labels == rhs.labels
            && lhs.activations == rhs.activations && lhs.gradients == rhs.gradients
            && lhs.losses.elementsEqual(rhs.losses) { $0.bitPattern == $1.bitPattern }
    }
}

extension NetworkSession: Equatable {
    /// Sessions are the same only when they are the same object.
    public static func == (lhs: NetworkSession, rhs: NetworkSession) -> Bool { lhs === rhs }

    /// The session's current state as a value, showing batch sample 0.
    public var state: NetworkState {
        NetworkState(
            session: self, images: images, labels: labels, activations: activations, gradients: gradients,
            losses: losses, layerSummaries: cnn.layers.map(\.summary),
            parameterCounts: cnn.layers.indices.map(parameterCount), learningRate: cnn.learningRate,
            accuracy: accuracy, chain: try? cnn.widthChain(inputWidth: images.shape[2]),
            probabilities: CrossEntropyLoss.softmax(activations.last!))
    }
}
