import ConvScopeCore
import Testing

/// The width chain of a Conv1d stack and the assignment's architecture: against the issue's
/// worked example and against Python's `//` on random stacks (fixture from
/// scripts/make_numerics_fixtures.py).
@Suite struct WidthChainTests {
    @Test func theAssignmentsChainReadsAsTheSlidesWriteIt() throws {
        let chain = try CNNArchitecture.assignment.widthChain()
        #expect(chain.text == "128 → (128 − 5)//1 + 1 = 124 → (124 − 6)//2 + 1 = 60 → (60 − 2)//2 + 1 = 30")
        #expect(chain.linearText == "14 · 30 = 420")
        #expect(chain.widths == [128, 124, 60, 30])
        #expect(chain.links.map(\.kernel) == [5, 6, 2] && chain.links.map(\.stride) == [1, 2, 2])
        #expect(chain.linearInputs == 420)
    }

    @Test func randomStacksFollowPythonsFloorDivision() throws {
        let fixture = try Fixtures.load("numerics/width-chains")
        let config = try #require(fixture.tensors["config"])
        let widths = try #require(fixture.tensors["widths"])
        let (cases, layers) = (config.shape[0], widths.shape[1] - 1)
        var failures = 0
        for row in 0..<cases {
            let values = (0..<config.shape[1]).map { Int(config[row, $0]) }
            let expected = (0...layers).map { Int(widths[row, $0]) }
            let kernels = Array(values[1...layers])
            let strides = Array(values[(layers + 1)...])
            let fits = expected.allSatisfy { $0 >= 1 }
            do {
                let chain = try WidthChain(inputWidth: values[0], kernels: kernels, strides: strides, finalChannels: 3)
                #expect(fits && chain.widths == expected && chain.linearInputs == 3 * expected.last!, "\(values)")
                #expect(CNN.widths(inputWidth: values[0], kernelSizes: kernels, strides: strides) == expected)
            } catch {
                failures += 1
                #expect(!fits, "\(values): \(error)")
            }
        }
        #expect(failures > 0 && failures < cases, "the fixture should hold stacks that fit and stacks that do not")
    }

    @Test func aKernelWiderThanItsInputIsNamed() {
        #expect(
            throws: LayerError(
                "convolution 2 gets width 4, narrower than its kernel 5 ((4 − 5)//2 + 1 = 0): "
                    + "use a wider input, smaller kernels or smaller strides")
        ) {
            try WidthChain(inputWidth: 8, kernels: [5, 5], strides: [1, 2], finalChannels: 1)
        }
    }

    @Test func listsOfDifferentLengthsAreNamed() {
        var architecture = CNNArchitecture.assignment
        architecture.strides = [1, 2]
        #expect(
            throws: LayerError(
                "3 channels, 3 kernel sizes, 2 strides and 3 activations: give one of each per convolution")
        ) {
            try architecture.widthChain()
        }
    }

    @Test func theAssignmentsNetworkHasItsShapesAndInitialisation() throws {
        let cnn = try CNNArchitecture.assignment.makeCNN(seed: 7)
        #expect(cnn.convolutionalLayers.map(\.W.shape) == [[56, 24, 5], [28, 56, 6], [14, 28, 2]])
        #expect(cnn.convolutionalLayers.map { $0.geometry.stride.w } == [1, 2, 2])
        #expect(cnn.activations.map(\.summary) == ["Tanh()", "ReLU()", "Sigmoid()"])
        #expect(cnn.linear.W.shape == [10, 420])
        #expect(cnn.learningRate == 1e-3)
        let biases = cnn.convolutionalLayers.map(\.b) + [cnn.linear.b]
        #expect(biases.allSatisfy { $0.scalars.allSatisfy { $0 == 0 } })
        // N(0, 1): 6720 conv-1 weights have mean within 0.05 and variance within 0.1 of (0, 1).
        let w = cnn.convolutionalLayers[0].W.scalars
        let mean = w.reduce(0, +) / Double(w.count)
        let variance = w.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(w.count)
        #expect(abs(mean) < 0.05 && abs(variance - 1) < 0.1, "mean \(mean), variance \(variance)")
        let logits = try cnn.forward(Tensor.randomNormal(shape: [2, 24, 128], seed: 8))
        #expect(logits.shape == [2, 10])
    }
}

/// The whole CNN against its definition run in NumPy (scripts/make_numerics_fixtures.py):
/// logits, loss, dL/dA, the first conv's and the linear layer's gradients, one SGD step.
@Suite struct CNNDefinitionTests {
    @Test func forwardBackwardAndStepMatchNumPy() throws {
        let t = try Fixtures.load("numerics/small-cnn").tensors
        func key(_ name: String) throws -> Tensor { try #require(t[name], "\(name)") }
        var weights = [try key("W1"), try key("W2"), try key("W3")]
        var biases = [try key("b1"), try key("b2"), try key("b3")]
        let architecture = CNNArchitecture(
            inputWidth: 13, inputChannels: 3, channels: [4, 3], kernelSizes: [3, 2],
            strides: [1, 2], activations: [.tanh, .sigmoid], classes: 4,
            learningRate: try key("lr").scalars[0])
        #expect(try architecture.widthChain().linearText == "3 · 5 = 15")
        let cnn = try CNN(
            inputWidth: 13, inputChannels: 3, channels: architecture.channels,
            kernelSizes: architecture.kernelSizes, strides: architecture.strides, linearNeurons: 4,
            activations: architecture.activations.map { $0.makeLayer() }, criterion: CrossEntropyLoss(),
            learningRate: architecture.learningRate,
            weightInit: { shape in
                let next = weights.removeFirst()
                #expect(next.shape == shape)
                return next
            },
            biasInit: { _ in biases.removeFirst() })
        func close(_ a: Tensor, _ b: Tensor) -> Bool {
            a.shape == b.shape && zip(a.scalars, b.scalars).allSatisfy { abs($0 - $1) <= 1e-10 * max(1, abs($1)) }
        }
        #expect(close(try cnn.forward(try key("A")), try key("logits")))
        cnn.zeroGrads()
        let dLdA = try cnn.backward(labels: try key("Y"))
        #expect(abs(try #require(cnn.loss) - (try key("loss")).scalars[0]) <= 1e-12)
        #expect(close(dLdA, try key("dLdA")))
        #expect(close(cnn.convolutionalLayers[0].dLdW, try key("dLdW1")))
        #expect(close(cnn.convolutionalLayers[0].dLdb, try key("dLdb1")))
        #expect(close(cnn.linear.dLdW, try key("dLdW3")))
        #expect(close(cnn.linear.dLdb.reshaped([4]), try key("dLdb3")))
        cnn.step()
        #expect(close(cnn.convolutionalLayers[0].W, try key("W1_after")))
    }
}
