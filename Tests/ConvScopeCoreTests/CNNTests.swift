import ConvScopeCore
import Testing

/// The whole CNN: its shape arithmetic and that SGD lowers the loss.
@Suite struct CNNTests {
    func gradedNetwork(seed: UInt64) throws -> CNN {
        var next = seed
        func scaledNormal(_ shape: [Int]) -> Tensor {
            next += 1
            let fanIn = shape.dropFirst().reduce(1, *)
            return Tensor.randomNormal(shape: shape, seed: next) / Double(fanIn).squareRoot()
        }
        return try CNN(
            inputWidth: 128, inputChannels: 24, channels: [56, 28, 14], kernelSizes: [5, 6, 2],
            strides: [1, 2, 2], linearNeurons: 10, activations: [Tanh(), ReLU(), Sigmoid()],
            criterion: CrossEntropyLoss(), learningRate: 1e-1,
            weightInit: scaledNormal, biasInit: { Tensor(shape: $0) })
    }

    @Test func gradedConfigurationHasTheSpecWidths() throws {
        #expect(CNN.widths(inputWidth: 128, kernelSizes: [5, 6, 2], strides: [1, 2, 2]) == [128, 124, 60, 30])
        let cnn = try gradedNetwork(seed: 1)
        #expect(cnn.linear.W.shape == [10, 420])
        let logits = try cnn.forward(Tensor.randomNormal(shape: [2, 24, 128], seed: 3))
        #expect(logits.shape == [2, 10])
    }

    @Test func lossFallsOverSGDStepsOnAFixedBatch() throws {
        let cnn = try gradedNetwork(seed: 2)
        let batch = Tensor.randomNormal(shape: [4, 24, 128], seed: 5)
        let labels = Tensor(shape: [4, 10]) { i in [0, 13, 27, 38].contains(i) ? 1 : 0 }
        var losses: [Double] = []
        for _ in 0..<6 {
            _ = try cnn.forward(batch)
            cnn.zeroGrads()
            try cnn.backward(labels: labels)
            losses.append(cnn.loss!)
            cnn.step()
        }
        #expect(losses.last! < losses.first! * 0.8, "losses: \(losses)")
    }

    @Test func impossibleWidthsAreExplained() {
        #expect(throws: LayerError.self) {
            try CNN(
                inputWidth: 4, inputChannels: 1, channels: [2], kernelSizes: [5], strides: [1], linearNeurons: 2,
                activations: [ReLU()], criterion: MSELoss(), learningRate: 0.1,
                weightInit: { Tensor(shape: $0) }, biasInit: { Tensor(shape: $0) })
        }
    }
}
