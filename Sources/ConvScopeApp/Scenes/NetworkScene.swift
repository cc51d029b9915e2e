import ConvScopeCore

/// The CNN scene: a small assignment-style network (1-D convolutions over the rows of
/// 8×8 images, then Linear) learning a labelled batch.
public enum NetworkScene {
    /// Ten seeded 8×8 patterns, `perClass` noisy copies of each: a built-in stand-in for
    /// the digits, so the scene works without any file.
    static func patterns(perClass: Int = 3) -> (images: Tensor, labels: Tensor) {
        var generator = SeededGenerator(seed: 21)
        let prototypes = (0..<10).map { _ in
            (0..<64).map { _ in Double.random(in: 0...1, using: &generator) > 0.6 ? 1.0 : 0 }
        }
        var images: [Double] = []
        var labels: [Double] = []
        for copy in 0..<perClass {
            for (c, prototype) in prototypes.enumerated() {
                images += prototype.map { $0 + 0.3 * generator.nextNormal() * Double(copy > 0 ? 1 : 0) }
                labels += (0..<10).map { $0 == c ? 1 : 0 }
            }
        }
        return (
            Tensor(shape: [10 * perClass, 8, 8], scalars: images), Tensor(shape: [10 * perClass, 10], scalars: labels)
        )
    }

    /// The scene for `images` `(N, C, W)` (or `(N, 1, H, W)` maps, read as H channels) and
    /// labels, one-hot `(N, classes)` or class numbers `(N,)`.
    public static func scene(images: Tensor? = nil, labels: Tensor? = nil, title: String = "the whole CNN learning")
        throws -> Scene
    {
        let data = patterns()
        let (A, Y) = try batch(images: images ?? data.images, labels: labels ?? data.labels)
        var seed: UInt64 = 30
        func scaled(_ shape: [Int]) -> Tensor {
            seed += 1
            return Tensor.randomNormal(shape: shape, seed: seed) / Double(shape.dropFirst().reduce(1, *)).squareRoot()
        }
        let width = A.shape[2]
        let kernels = width >= 5 ? [3, 3] : [1, 1]
        let cnn = try CNN(
            inputWidth: width, inputChannels: A.shape[1], channels: [8, 8], kernelSizes: kernels, strides: [1, 1],
            linearNeurons: Y.shape[1], activations: [ReLU(), Tanh()], criterion: CrossEntropyLoss(),
            learningRate: 0.5, weightInit: scaled, biasInit: { Tensor(shape: $0) })
        return Scene(title: title, content: .network(try NetworkSession(cnn: cnn, images: A, labels: Y).state))
    }

    /// One-hot rows from class numbers `(N,)`, or the labels unchanged when already `(N, K)`.
    static func oneHot(_ labels: Tensor, count: Int) throws -> Tensor {
        if labels.rank == 2 && labels.shape[0] == count {
            let classes = labels.shape[1]
            for row in 0..<count {
                let values = labels.scalars[row * classes..<(row + 1) * classes]
                guard values.allSatisfy({ $0 == 0 || $0 == 1 }), values.filter({ $0 == 1 }).count == 1 else {
                    let shown = values.prefix(6).map { "\($0)" }.joined(separator: ", ") + (classes > 6 ? ", …" : "")
                    throw LayerError(
                        "Y row \(row) is [\(shown)], not one-hot: each row needs one 1 and 0 elsewhere "
                            + "(or give class numbers (\(count),))")
                }
            }
            return labels
        }
        guard labels.rank == 1, labels.shape[0] == count else {
            throw LayerError(
                "Y has shape \(labels.shape) but needs one-hot (\(count), classes) or class numbers (\(count),)")
        }
        if let bad = labels.scalars.firstIndex(where: { !($0 >= 0 && $0 == $0.rounded() && $0 < 1000) }) {
            throw LayerError(
                "Y[\(bad)] is \(labels.scalars[bad]) but class numbers must be whole numbers from 0 to 999")
        }
        let classes = Int(labels.scalars.max() ?? 0) + 1
        return Tensor(shape: [count, classes]) { i in Int(labels.scalars[i / classes]) == i % classes ? 1 : 0 }
    }
}
