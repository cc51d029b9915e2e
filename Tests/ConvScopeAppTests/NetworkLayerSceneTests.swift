import ConvScopeCore
import Testing
import Walkthroughs

@testable import ConvScopeApp

/// A layer screen opened from the CNN shows that layer exactly: the same convolution
/// (padding and dilation included) on the activation the network recorded, so the screen's
/// output is the network's own output of that layer.
@Suite struct NetworkLayerSceneTests {
    @Test func convolutionScreensKeepPaddingAndDilation() throws {
        let W = Tensor.randomNormal(shape: [3, 2, 3], seed: 1)
        let b = Tensor.randomNormal(shape: [3], seed: 2)
        let conv = try Conv1d(weight: W, bias: b, stride: 2, padding: 2, dilation: 2)
        let linear = Linear(inFeatures: 3 * 5, outFeatures: 4, seed: 3)
        let cnn = try CNN(
            convolutions: [conv], activations: [Tanh()], linear: linear, criterion: CrossEntropyLoss(),
            learningRate: 0.1)
        let images = Tensor.randomNormal(shape: [2, 2, 10], seed: 4)
        let labels = Tensor(shape: [2, 4], scalars: [1, 0, 0, 0, 0, 0, 1, 0])
        let session = try NetworkSession(cnn: cnn, images: images, labels: labels)
        for i in cnn.layers.indices {
            let scene = try #require(try session.layerScenes(i).first)
            #expect(scene.target(.forward) == session.activations[i + 1], "layer \(i + 1): \(cnn.layers[i].summary)")
            #expect(scene.target(.dLdA) == session.gradients[i], "layer \(i + 1): \(cnn.layers[i].summary)")
        }
        guard case .convolution(let forward, _) = try session.layerScenes(0)[0].content else {
            Issue.record("layer 1 is not a convolution screen")
            return
        }
        #expect(forward.layer.geometry == conv.geometry)
    }
}
