import ConvScopeCore
import Foundation
import Terminal
import Testing
import Walkthroughs

@testable import ConvScopeApp

/// The CNN screen: SGD steps lower the loss in the header, and Enter opens a layer's own
/// screen on the activation and gradient the network has there. Expected values come from
/// fresh layers with the network's current parameters and the loss written out by hand.
@Suite struct NetworkScreenTests {
    /// The network scene alone, at 120×40, and its session.
    func network() throws -> (AppModel, NetworkSession) {
        let scene = try NetworkScene.scene()
        guard case .network(let state) = scene.content else { throw LayerError("not a network scene") }
        return (AppFixtures.single(scene, size: AppFixtures.large), state.session)
    }

    /// Every layer's input and the gradient reaching it, from fresh copies of the layers,
    /// and `−Σ Y·log softmax(Z) / N` with its gradient `(softmax(Z) − Y)/N`.
    func byHand(_ session: NetworkSession) throws -> (inputs: [Tensor], gradients: [Tensor], loss: Double) {
        let layers: [Layer] = try session.cnn.layers.map { layer in
            switch layer {
            case let conv as Conv1d: try Conv1d(weight: conv.W, bias: conv.b, stride: conv.geometry.stride.w)
            case let linear as Linear: try Linear(weight: linear.W, bias: linear.b)
            case is ReLU: ReLU()
            case is Tanh: Tanh()
            case is Flatten: Flatten()
            default: throw LayerError("no copy of \(layer.summary)")
            }
        }
        var inputs = [session.images]
        for layer in layers { inputs.append(try layer.forward(inputs.last!)) }
        let (Z, Y) = (inputs.removeLast(), session.labels)
        let (n, classes) = (Z.shape[0], Z.shape[1])
        var loss = 0.0
        var gradient = Tensor(shape: Z.shape)
        for row in 0..<n {
            let exps = (0..<classes).map { exp(Z[row, $0]) }
            let total = exps.reduce(0, +)
            for k in 0..<classes {
                loss -= Y[row, k] * log(exps[k] / total) / Double(n)
                gradient.scalars[row * classes + k] = (exps[k] / total - Y[row, k]) / Double(n)
            }
        }
        var gradients = [gradient]
        for layer in layers.reversed() { gradients.insert(try layer.backward(gradients[0]), at: 0) }
        return (inputs, gradients, loss)
    }

    /// The third header line: `batch … loss L  accuracy …  after K SGD steps`.
    func header(_ model: AppModel) -> (loss: String, steps: Int)? {
        let line = model.render().plainTextLines()[2]
        guard let match = line.firstMatch(of: /loss (\S+) .* after (\d+) SGD steps/) else { return nil }
        return (String(match.1), Int(match.2)!)
    }

    @Test func sgdStepsLowerTheLossInTheHeader() throws {
        var (model, session) = try network()
        let before = try byHand(session).loss
        #expect(header(model)?.loss == Formatting.number(before))
        #expect(header(model)?.steps == 0)
        model.press(Key.repeated(.character("s"), 10))
        let after = try byHand(session).loss
        #expect(header(model)?.loss == Formatting.number(after))
        #expect(header(model)?.steps == 10)
        #expect(after < 0.9 * before, "loss \(before) → \(after)")
    }

    /// Forward step k is layer k; Enter opens it as the next scene, on the activation that
    /// reaches it and the gradient the backward pass gives its input; Tab and Shift-Tab move
    /// between the network and the opened layer.
    @Test(arguments: 0..<6) func enterOpensTheLayerOnItsActivations(layer k: Int) throws {
        var (model, session) = try network()
        let expected = try byHand(session)
        model.press(Key.repeated(.right, k) + [.enter])
        #expect(model.sceneIndex == 1 && model.scenes.count == 2 && model.phase == .forward)
        #expect(model.scene.title == "CNN layer \(k + 1): \(session.cnn.layers[k].summary)")
        #expect(model.scene.input.shape == expected.inputs[k].shape)
        #expect(model.scene.input.maxAbsDifference(expected.inputs[k]) < 1e-12)
        let dLdA = model.scene.target(.dLdA)
        #expect(dLdA.shape == expected.gradients[k].shape)
        #expect(dLdA.maxAbsDifference(expected.gradients[k]) < 1e-12)

        model.press(.backTab)
        #expect((model.sceneIndex, model.step) == (0, k))
        #expect(model.render().plainTextLines()[0].hasSuffix("the whole CNN learning"))
        model.press(.tab)
        #expect(model.sceneIndex == 1 && model.render().plainTextLines()[0].contains("CNN layer \(k + 1)"))
    }

    /// Backward, step 1 is the gradient entering the last layer: Enter opens Linear.
    @Test func enterInTheBackwardPassOpensTheLayerTheGradientEnters() throws {
        var (model, session) = try network()
        model.press(.character("b"), .right, .enter)
        #expect(model.scene.title == "CNN layer 6: \(session.cnn.layers[5].summary)")
    }
}
