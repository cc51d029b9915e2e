/// The assignment's CNN described by its constructor arguments (spec §8): `Conv1d` layers with
/// `channels[i]` outputs, `kernelSizes[i]`, `strides[i]` and no padding, each followed by
/// `activations[i]`; then Flatten and `Linear(channels.last · W_final, classes)`; trained with
/// cross-entropy and SGD at `learningRate`. A value: the network is built from it.
public struct CNNArchitecture: Equatable, Sendable {
    /// An activation the assignment's CNN may use, by its command-line name.
    public enum ActivationKind: String, CaseIterable, Sendable {
        case tanh, relu, sigmoid, identity

        /// A fresh layer of this kind.
        public func makeLayer() -> Activation {
            switch self {
            case .tanh: Tanh()
            case .relu: ReLU()
            case .sigmoid: Sigmoid()
            case .identity: Identity()
            }
        }
    }

    public var inputWidth: Int
    public var inputChannels: Int
    public var channels: [Int]
    public var kernelSizes: [Int]
    public var strides: [Int]
    public var activations: [ActivationKind]
    public var classes: Int
    public var learningRate: Double

    public init(
        inputWidth: Int, inputChannels: Int, channels: [Int], kernelSizes: [Int], strides: [Int],
        activations: [ActivationKind], classes: Int, learningRate: Double
    ) {
        self.inputWidth = inputWidth
        self.inputChannels = inputChannels
        self.channels = channels
        self.kernelSizes = kernelSizes
        self.strides = strides
        self.activations = activations
        self.classes = classes
        self.learningRate = learningRate
    }

    /// The graded configuration: (N, 24, 128) in, channels 56, 28, 14, kernels 5, 6, 2,
    /// strides 1, 2, 2, Tanh, ReLU, Sigmoid, 10 classes, lr 1e-3; Linear(420, 10).
    public static let assignment = CNNArchitecture(
        inputWidth: 128, inputChannels: 24, channels: [56, 28, 14], kernelSizes: [5, 6, 2], strides: [1, 2, 2],
        activations: [.tanh, .relu, .sigmoid], classes: 10, learningRate: 1e-3)

    /// The widths through the convolutions and the Linear input size. Throws when the four
    /// per-convolution lists differ in length, a channel count or class count is below 1, or a
    /// width drops below 1.
    public func widthChain() throws -> WidthChain {
        let counts = [channels.count, kernelSizes.count, strides.count, activations.count]
        guard Set(counts).count == 1, counts[0] > 0 else {
            throw LayerError(
                "\(counts[0]) channels, \(counts[1]) kernel sizes, \(counts[2]) strides and "
                    + "\(counts[3]) activations: give one of each per convolution")
        }
        guard let bad = (channels + [inputChannels, classes]).first(where: { $0 < 1 }) else {
            return try WidthChain(
                inputWidth: inputWidth, kernels: kernelSizes, strides: strides,
                finalChannels: channels.last!)
        }
        throw LayerError("a channel or class count of \(bad): every layer needs at least 1")
    }

    /// The network with the assignment's initialisation: every weight `N(0, 1)` of its shape
    /// (conv `(C_out, C_in, K)`, linear `(out, in)`), drawn from `seed`, `seed + 1`, … in
    /// layer order; every bias zero.
    public func makeCNN(seed: UInt64) throws -> CNN {
        _ = try widthChain()
        var next = seed
        return try CNN(
            inputWidth: inputWidth, inputChannels: inputChannels, channels: channels,
            kernelSizes: kernelSizes, strides: strides, linearNeurons: classes,
            activations: activations.map { $0.makeLayer() }, criterion: CrossEntropyLoss(),
            learningRate: learningRate,
            weightInit: { shape in
                defer { next += 1 }
                return Tensor.randomNormal(shape: shape, seed: next)
            },
            biasInit: { Tensor(shape: $0) })
    }
}
