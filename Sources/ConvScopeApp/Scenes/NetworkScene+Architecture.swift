import ConvScopeCore

extension NetworkScene {
    /// The scene of `architecture` learning `images` `(N, C, W)` (or `(N, 1, H, W)` maps read
    /// as H channels) with `labels` (one-hot or class numbers). Input width, channels and
    /// classes come from the data; weights are N(0, 1) from `seed`, biases zero (spec §10).
    public static func scene(
        architecture: CNNArchitecture, seed: UInt64, images: Tensor, labels: Tensor,
        title: String
    ) throws -> Scene {
        let session = try session(architecture: architecture, seed: seed, images: images, labels: labels)
        return Scene(title: title, content: .network(session.state))
    }

    /// The training session behind `scene(architecture:…)`, for callers that drive it headless.
    public static func session(
        architecture: CNNArchitecture, seed: UInt64, images: Tensor,
        labels: Tensor
    ) throws -> NetworkSession {
        let (A, Y) = try batch(images: images, labels: labels)
        var fitted = architecture
        (fitted.inputChannels, fitted.inputWidth, fitted.classes) = (A.shape[1], A.shape[2], Y.shape[1])
        return try NetworkSession(cnn: try fitted.makeCNN(seed: seed), images: A, labels: Y)
    }

    /// Inputs as `(N, C, W)` (`(N, 1, H, W)` maps read as H channels) and one-hot labels.
    static func batch(images: Tensor, labels: Tensor) throws -> (images: Tensor, labels: Tensor) {
        var A = images
        if A.rank == 4 && A.shape[1] == 1 { A = A.reshaped([A.shape[0], A.shape[2], A.shape[3]]) }
        guard A.rank == 3, A.shape[0] > 0 else {
            throw LayerError("A has shape \(A.shape) but the CNN reads (N, C, W) or (N, 1, H, W)")
        }
        return (A, try oneHot(labels, count: A.shape[0]))
    }
}
