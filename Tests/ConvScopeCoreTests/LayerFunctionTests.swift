import ConvScopeCore
import Testing

/// Every layer's value API gives exactly what its assignment-style wrapper gives: forward's
/// output, and backward's dL/dA (and dL/dW, dL/db) from the record forward returned. The
/// value never changes, so one record can be replayed with another dL/dZ.
@Suite struct LayerFunctionTests {
    /// Runs the wrapper and its value on the same A and dL/dZ and compares every result.
    func expectSame<F: LayerFunction>(
        _ layer: Layer, _ function: F, input A: Tensor, seed: UInt64,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let Z = try layer.forward(A)
        let (output, record) = try function.forward(A)
        #expect(output == Z, "\(layer.summary) Z", sourceLocation: sourceLocation)
        #expect(try layer.output(for: A) == Z, "\(layer.summary) output(for:)", sourceLocation: sourceLocation)
        let dLdZ = Tensor.randomNormal(shape: Z.shape, seed: seed)
        let dLdA = try layer.backward(dLdZ)
        let gradients = try function.backward(record, dLdZ)
        #expect(gradients.dLdA == dLdA, "\(layer.summary) dLdA", sourceLocation: sourceLocation)
        if let layer = layer as? ParameterizedLayer, let gradients = gradients as? ParameterGradients {
            #expect(
                gradients.dLdW == layer.dLdW && gradients.dLdb == layer.dLdb, "\(layer.summary) dLdW, dLdb",
                sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: 0..<6 as Range<UInt64>) func convolutions(seed: UInt64) throws {
        let W1 = Tensor.randomNormal(shape: [3, 2, 3], seed: seed)
        let conv1 = try Conv1d(
            weight: W1, bias: Tensor.randomNormal(shape: [3], seed: seed + 1), stride: 2,
            padding: 1, dilation: 2)
        try expectSame(
            conv1, conv1.function, input: Tensor.randomNormal(shape: [2, 2, 11], seed: seed + 2), seed: seed)
        let conv2 = Conv2d(
            inChannels: 2, outChannels: 3, kernelSize: HW(2, 3), stride: HW(2, 1), padding: HW(1, 0),
            dilation: HW(1, 2), seed: seed)
        try expectSame(
            conv2, conv2.function, input: Tensor.randomNormal(shape: [2, 2, 7, 8], seed: seed + 3),
            seed: seed)
        let transposed = ConvTranspose2d(
            inChannels: 2, outChannels: 2, kernelSize: HW(square: 2),
            upsamplingFactor: 2, seed: seed)
        try expectSame(
            transposed, transposed.function,
            input: Tensor.randomNormal(
                shape: [1, 2, 3, 3],
                seed: seed + 4), seed: seed)
    }

    @Test func layersWithoutParameters() throws {
        let maps = Tensor.randomNormal(shape: [2, 2, 7, 6], seed: 5)
        for pool in [MaxPool2d(kernel: 3, stride: 2), MeanPool2d(kernel: 2, stride: 1)] {
            try expectSame(pool, pool.function, input: maps, seed: 6)
        }
        for resampling in [Upsample2d(factor: 3), Downsample2d(factor: 2)] {
            try expectSame(resampling, resampling.function, input: maps, seed: 7)
        }
        for activation in [Identity(), Sigmoid(), Tanh(), ReLU()] as [Activation] {
            try expectSame(activation, activation.function, input: maps, seed: 8)
        }
        try expectSame(Flatten(), FlattenFunction(), input: maps, seed: 9)
        let linear = Linear(inFeatures: 6, outFeatures: 4, b: Tensor.randomNormal(shape: [4, 1], seed: 10), seed: 11)
        try expectSame(linear, linear.function, input: Tensor.randomNormal(shape: [3, 6], seed: 12), seed: 13)
    }

    /// Backward depends only on the record and dL/dZ: a second dL/dZ through the same record
    /// gives what a fresh forward and backward give, and the first result is unchanged.
    @Test func aRecordCanBeReplayed() throws {
        let conv = Conv2d(
            inChannels: 1, outChannels: 2, kernelSize: HW(square: 2), padding: HW(square: 1),
            seed: 3
        ).function
        let A = Tensor.randomNormal(shape: [1, 1, 4, 4], seed: 4)
        let (Z, record) = try conv.forward(A)
        let first = try conv.backward(record, Tensor(shape: Z.shape, repeating: 1))
        let second = try conv.backward(record, Tensor.randomNormal(shape: Z.shape, seed: 5))
        #expect(try conv.backward(try conv.forward(A).record, Tensor.randomNormal(shape: Z.shape, seed: 5)) == second)
        #expect(try conv.backward(record, Tensor(shape: Z.shape, repeating: 1)) == first)
        #expect(first != second)
    }

    /// The wrappers still refuse backward before forward, and a dL/dZ of the wrong shape, as
    /// typed errors whose one line is the one users have always read.
    @Test func wrongOrderAndShapesAreOneLineErrors() throws {
        #expect(throws: LayerError.backwardBeforeForward) {
            try Linear(inFeatures: 2, outFeatures: 1).backward(Tensor(shape: [1, 1]))
        }
        #expect(
            LayerError.backwardBeforeForward.message
                == "backward called before forward: run forward first so the layer has its cache")
        let (_, record) = try FlattenFunction().forward(Tensor(shape: [2, 3, 4]))
        #expect(throws: LayerError.gradientShape(shape: [2, 11], output: [2, 12])) {
            try FlattenFunction().backward(record, Tensor(shape: [2, 11]))
        }
        #expect(
            LayerError.gradientShape(shape: [2, 11], output: [2, 12]).message
                == "dLdZ has shape [2, 11] but the forward output Z has shape [2, 12]")
    }
}

/// The window extents the screens frame are the spans of the windows' own taps: for a
/// convolution, `i·s + p·d` over every tap; for the taught route, the rows and columns of
/// `padded` its terms read.
@Suite struct WindowExtentTests {
    @Test(arguments: 0..<40 as Range<UInt64>) func convolutionExtentsSpanEveryTap(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        func draw(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }
        let g = generator.geometry()
        let output = HW(draw(0...5), draw(0...5))
        let extent = g.windowExtent(ofOutput: output)
        let rows = (0..<g.kernel.h).map { output.h * g.stride.h + $0 * g.dilation.h }
        let columns = (0..<g.kernel.w).map { output.w * g.stride.w + $0 * g.dilation.w }
        #expect(extent.rows == rows.min()!...rows.max()!)
        #expect(extent.columns == columns.min()!...columns.max()!)
    }

    @Test(arguments: 0..<10 as Range<UInt64>) func taughtExtentsSpanTheTermsRead(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed + 100)
        func draw(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }
        let conv = Conv2d(
            inChannels: draw(1...2), outChannels: draw(1...2), kernelSize: HW(draw(1...3), draw(1...3)),
            stride: HW(draw(1...2), draw(1...2)), padding: HW(draw(0...1), draw(0...1)),
            dilation: HW(draw(1...2), draw(1...2)), seed: seed
        ).function
        let (Z, record) = try conv.forward(Tensor.randomNormal(shape: [1, conv.inChannels, 7, 6], seed: seed))
        let taught = try conv.taughtInputGradient(record, dLdZ: Tensor.randomNormal(shape: Z.shape, seed: seed + 1))
        let index = [
            0, 0, draw(0...(taught.paddedInputGradient.shape[2] - 1)),
            draw(0...(taught.paddedInputGradient.shape[3] - 1)),
        ]
        let terms = taught.terms(ofPadded: index)
        let extent = taught.windowExtent(ofPadded: index)
        #expect(extent.rows == terms.map { $0.output[2] }.min()!...terms.map { $0.output[2] }.max()!)
        #expect(extent.columns == terms.map { $0.output[3] }.min()!...terms.map { $0.output[3] }.max()!)
    }
}
