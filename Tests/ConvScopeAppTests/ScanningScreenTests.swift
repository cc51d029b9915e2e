import ConvScopeCore
import Terminal
import Testing
import Walkthroughs

@testable import ConvScopeApp

/// The scanning screens: the MLP's output on a window and the network's output column for
/// it are written on two lines, equal to each other and to the MLP run by hand on the window.
@Suite struct ScanningScreenTests {
    /// The values written after `LABEL = [` up to `]`, as text.
    func written(_ label: String, in text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String]
    {
        let line = try #require(
            text.split(separator: "\n").first { $0.hasPrefix(label + " = [") }, "no \(label)",
            sourceLocation: sourceLocation)
        return line.dropFirst(label.count + 4).prefix { $0 != "]" }.components(separatedBy: ", ")
    }

    /// Window `t` of a `(1, C, W)` signal as the MLP reads it: time-major, `x[s·C + c] = A[0, c, t·hop + s]`.
    func window(_ A: Tensor, _ t: Int, size: Int, hop: Int) -> Tensor {
        let channels = A.shape[1]
        return Tensor(shape: [1, size * channels]) { k in A[0, k % channels, t * hop + k / channels] }
    }

    /// Checks both output lines of window `t` against `expected`.
    func expectOutputs(
        _ scene: Scene, window t: Int, positions: Int, _ expected: Tensor,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        var model = AppFixtures.single(scene, size: AppFixtures.large)
        model.step = t
        let text = model.render().plainText()
        let values = expected.scalars.map(Formatting.number)
        #expect(
            try written("MLP(window \(t))", in: text, sourceLocation: sourceLocation) == values,
            sourceLocation: sourceLocation)
        #expect(
            try written("Z[0, o·\(positions)+\(t)]", in: text, sourceLocation: sourceLocation) == values,
            sourceLocation: sourceLocation)
    }

    /// The demo's teaching scene: `Linear(9, 2)` on 3 channels × 3 steps, at every window.
    @Test func linearIsAConvolutionAtEveryWindow() throws {
        let scene = try Demo.scenes()[7]
        guard case .scanning(let walk) = scene.content else {
            Issue.record("demo scene 8 is no longer the scanning one")
            return
        }
        let linear = try Linear(weight: walk.mlpWeights[0].transposed(), bias: nil)
        for t in 0..<4 {
            try expectOutputs(
                scene, window: t, positions: 4, try linear.forward(window(walk.input, t, size: 3, hop: 1)))
        }
    }

    /// `scan-mlp-simple` on a bundle: `relu(relu(x·w1)·w2)·w3` by hand with three Linear layers.
    @Test(arguments: [0, 3, 7]) func simpleScanEqualsTheMLP(window t: Int) throws {
        let (A, w1, w2, w3) = (
            Tensor.randomNormal(shape: [1, 24, 40], seed: 41), Tensor.randomNormal(shape: [192, 8], seed: 42),
            Tensor.randomNormal(shape: [8, 16], seed: 43), Tensor.randomNormal(shape: [16, 4], seed: 44)
        )
        let scene = try AppFixtures.factoryScene(
            LayerSpec(kind: .scanMLPSimple), ["A": A, "w1": w1, "w2": w2, "w3": w3])
        var x = window(A, t, size: 8, hop: 4)
        for (w, relu) in [(w1, true), (w2, true), (w3, false)] {
            x = try Linear(weight: w.transposed(), bias: nil).forward(x)
            if relu { x = try ReLU().forward(x) }
        }
        try expectOutputs(scene, window: t, positions: 9, x)
    }

    /// The distributed network next to the MLP sharing its kernels: the two lines agree.
    @Test func distributedScanAgreesWithItsMLP() throws {
        let scene = try AppFixtures.factoryScene(LayerSpec(kind: .scanMLPDistributed), [:])
        var model = AppFixtures.single(scene, size: AppFixtures.large)
        model.step = 5
        let text = model.render().plainText()
        let mlp = try written("MLP(window 5)", in: text)
        #expect(mlp.count == 4)
        #expect(try written("Z[0, o·\(model.stepCount)+5]", in: text) == mlp)
        #expect(text.contains("the same numbers: the MLP is this convolution"))
    }
}
