import ConvScopeCore
import ConvScopeTestSupport
import Testing

/// A layer and an input shape to check its backward pass on.
struct GradientCase: Sendable, CustomTestStringConvertible {
    let name: String
    let inputShape: [Int]
    /// Scales the N(0, 1) input, e.g. to reach the curved part of an activation.
    var inputScale = 1.0
    let make: @Sendable () -> any Layer

    var testDescription: String { name }
}

/// Backward passes against central finite differences of `L = Σ Z ⊙ G` for a fixed random G.
@Suite struct GradientCheckTests {
    /// Bound on |numerical − analytic| relative to max(1, |analytic|).
    static let tolerance = 1e-6

    static let layers: [GradientCase] = [
        GradientCase(name: "Conv1d_stride1", inputShape: [2, 2, 8]) {
            Conv1d_stride1(inChannels: 2, outChannels: 3, kernelSize: 3, seed: 1)
        },
        GradientCase(name: "Conv1d stride 2 padding 1 dilation 2", inputShape: [2, 3, 11]) {
            Conv1d(inChannels: 3, outChannels: 2, kernelSize: 3, stride: 2, padding: 1, dilation: 2, seed: 2)
        },
        GradientCase(name: "Conv2d_stride1", inputShape: [2, 1, 4, 5]) {
            Conv2d_stride1(inChannels: 1, outChannels: 2, kernelSize: 2, seed: 3)
        },
        GradientCase(name: "Conv2d (h, w) stride, padding, dilation", inputShape: [1, 2, 7, 6]) {
            Conv2d(
                inChannels: 2, outChannels: 2, kernelSize: HW(2, 3), stride: HW(2, 1),
                padding: HW(1, 2), dilation: HW(2, 1), seed: 4)
        },
        GradientCase(name: "ConvTranspose1d", inputShape: [2, 2, 5]) {
            ConvTranspose1d(inChannels: 2, outChannels: 2, kernelSize: 3, upsamplingFactor: 2, seed: 5)
        },
        GradientCase(name: "ConvTranspose2d", inputShape: [1, 2, 3, 4]) {
            ConvTranspose2d(inChannels: 2, outChannels: 1, kernelSize: HW(square: 2), upsamplingFactor: 2, seed: 6)
        },
        GradientCase(name: "MaxPool2d_stride1", inputShape: [1, 2, 5, 5]) { MaxPool2d_stride1(kernel: 2) },
        GradientCase(name: "MaxPool2d", inputShape: [2, 2, 7, 8]) { MaxPool2d(kernel: 3, stride: 2) },
        GradientCase(name: "MeanPool2d_stride1", inputShape: [1, 2, 5, 4]) { MeanPool2d_stride1(kernel: 3) },
        GradientCase(name: "MeanPool2d", inputShape: [2, 1, 8, 7]) { MeanPool2d(kernel: 2, stride: 3) },
        GradientCase(name: "Upsample1d", inputShape: [2, 2, 4]) { Upsample1d(factor: 3) },
        GradientCase(name: "Downsample1d", inputShape: [2, 2, 7]) { Downsample1d(factor: 2) },
        GradientCase(name: "Upsample2d", inputShape: [1, 2, 3, 2]) { Upsample2d(factor: 2) },
        GradientCase(name: "Downsample2d", inputShape: [1, 2, 5, 6]) { Downsample2d(factor: 3) },
        GradientCase(name: "Flatten", inputShape: [2, 3, 2, 2]) { Flatten() },
        GradientCase(name: "Linear", inputShape: [3, 5]) {
            Linear(inFeatures: 5, outFeatures: 3, b: Tensor.randomNormal(shape: [3, 1], seed: 8), seed: 7)
        },
        GradientCase(name: "Identity", inputShape: [3, 4]) { Identity() },
        GradientCase(name: "ReLU", inputShape: [3, 4]) { ReLU() },
        GradientCase(name: "Sigmoid", inputShape: [3, 4], inputScale: 3) { Sigmoid() },
        GradientCase(name: "Tanh", inputShape: [3, 4], inputScale: 2) { Tanh() },
    ]

    @Test(arguments: layers)
    func backwardMatchesFiniteDifferences(_ testCase: GradientCase) throws {
        let layer = testCase.make()
        let A = Tensor.randomNormal(shape: testCase.inputShape, seed: 100) * testCase.inputScale
        let G = Tensor.randomNormal(shape: try layer.forward(A).shape, seed: 200)
        let loss = { (input: Tensor) in innerProduct(try layer.forward(input), G) }

        let dLdA = try layer.backward(G)
        expectGradient(dLdA, try FiniteDifferences.gradient(of: loss, at: A), "dLdA")

        guard let layer = layer as? any ParameterizedLayer else { return }
        let (dLdW, dLdb, W, b) = (layer.dLdW, layer.dLdb, layer.W, layer.b)
        let numericW = try FiniteDifferences.gradient(
            of: {
                layer.W = $0
                return try loss(A)
            }, at: W)
        layer.W = W
        let numericB = try FiniteDifferences.gradient(
            of: {
                layer.b = $0
                return try loss(A)
            }, at: b)
        layer.b = b
        expectGradient(dLdW, numericW, "dLdW")
        expectGradient(dLdb, numericB, "dLdb")
    }

    @Test func mseGradientMatchesFiniteDifferences() throws {
        let Y = Tensor.randomNormal(shape: [4, 3], seed: 300)
        try checkLoss(MSELoss(), targets: Y)
    }

    @Test func crossEntropyGradientMatchesFiniteDifferences() throws {
        var generator = SeededGenerator(seed: 301)
        var Y = Tensor(shape: [4, 3])
        for n in 0..<4 { Y[n, Int.random(in: 0..<3, using: &generator)] = 1 }
        try checkLoss(CrossEntropyLoss(), targets: Y)
    }

    private func checkLoss(_ loss: any Loss, targets Y: Tensor) throws {
        let A = Tensor.randomNormal(shape: Y.shape, seed: 302)
        _ = try loss.forward(A, Y)
        let dLdA = try loss.backward()
        expectGradient(dLdA, try FiniteDifferences.gradient(of: { try loss.forward($0, Y) }, at: A), "dLdA")
    }

    private func expectGradient(
        _ analytic: Tensor, _ numerical: Tensor, _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(analytic.shape == numerical.shape, "\(what) shape", sourceLocation: sourceLocation)
        for (a, n) in zip(analytic.scalars, numerical.scalars) {
            expectRelativelyClose(n, a, tolerance: Self.tolerance, what, sourceLocation: sourceLocation)
        }
    }
}
