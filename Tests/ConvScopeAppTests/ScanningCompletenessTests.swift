import ConvScopeCore
import Terminal
import Testing
import Walkthroughs

@testable import ConvScopeApp

/// Both scanning screens complete (issue 12 point 7): the distributed screen's shape chain
/// and kernel cuts, the simple screen's reshape and its `c` column.
@Suite struct ScanningCompletenessTests {
    static let weights = (
        Tensor.randomNormal(shape: [192, 8], seed: 51), Tensor.randomNormal(shape: [8, 16], seed: 52),
        Tensor.randomNormal(shape: [16, 4], seed: 53)
    )
    static let input = Tensor.randomNormal(shape: [1, 24, 128], seed: 54)

    static func scene(_ kind: LayerKind) throws -> Scene {
        let (w1, w2, w3) = weights
        return try AppFixtures.factoryScene(LayerSpec(kind: kind), ["A": input, "w1": w1, "w2": w2, "w3": w3])
    }

    /// Spec §7's chain, and each layer of the library's network producing it in turn.
    @Test func theDistributedShapeChainIsTheLayersOutputShapes() throws {
        let expected = [[1, 24, 128], [1, 2, 64], [1, 8, 32], [1, 4, 31], [1, 124]]
        let (w1, w2, w3) = Self.weights
        let network = try ScanningMLP.distributed(w1: w1, w2: w2, w3: w3)
        var shapes = [Self.input.shape]
        var x = Self.input
        for layer in network.layers where !(layer is ReLU) {
            x = try layer.output(for: x)
            shapes.append(x.shape)
        }
        #expect(shapes == expected)
        let lines = AppFixtures.single(try Self.scene(.scanMLPDistributed)).render().plainTextLines()
        #expect(lines[1] == "shapes (1,24,128) → (1,2,64) → (1,8,32) → (1,4,31) → (1,124)")
    }

    /// The three cuts written as spec §7 writes them, and the kernels on screen being those
    /// slices: `W1[o, c, k] = w1[k·24 + c, o]` (the MLP reads its window time-major).
    @Test func theDistributedScreenShowsHowEachKernelIsCut() throws {
        let lines = AppFixtures.single(try Self.scene(.scanMLPDistributed)).render().plainTextLines()
        #expect(lines[2] == "W1 = w1.T.reshape(8,8,24).transpose(0,2,1)[:2,:,:2] → (2,24,2)")
        #expect(lines[3] == "W2 = w2.T.reshape(16,4,2).transpose(0,2,1)[:8,:,:2] → (8,2,2)")
        #expect(lines[4] == "W3 = w3.T.reshape(4,2,8).transpose(0,2,1) → (4,8,2)")
        let (w1, w2, w3) = Self.weights
        let kernels = try ScanningMLP.distributedCuts.enumerated().map { i, cut in
            try cut.kernel(from: [w1, w2, w3][i])
        }
        for (i, (w, channels)) in [(w1, 24), (w2, 2), (w3, 8)].enumerated() {
            let W = kernels[i]
            for o in 0..<W.shape[0] {
                for c in 0..<channels {
                    for k in 0..<2 { #expect(W[o, c, k] == w[k * channels + c, o]) }
                }
            }
        }
        #expect(lines.contains { $0.contains("W1 (2,24,2)") } && lines.contains { $0.contains("W3 (4,8,2)") })
    }

    @Test func theSimpleScreenWritesTheReshapeAndCyclesColumnsWithC() throws {
        let model = AppFixtures.single(try Self.scene(.scanMLPSimple), size: ShownValues.roomy)
        let text = model.render().plainText()
        #expect(text.contains("w1 (192,8) → .T (8,192) → reshape (8,8,24) → transpose(0,2,1) (8,24,8)"))
        #expect(text.contains("w1[:,0] steps×C") && text.contains("W1[0] C×taps"))
        let next = model.pressing(.character("c"))
        let after = next.render().plainText()
        #expect(after.contains("w1[:,1] steps×C") && after.contains("W1[1] C×taps"))
        // Same window, next column; eight columns come round again.
        #expect(next.step == 31)
        #expect(model.pressing(Key.repeated(.character("c"), 8)).step == 0)
    }
}
