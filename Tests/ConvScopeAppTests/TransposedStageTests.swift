import ConvScopeCore
import Terminal
import Testing
import Walkthroughs

@testable import ConvScopeApp

/// The assignment's transposed convolution as two labelled scenes: the upsampling of A,
/// then the stride-1 convolution of the upsampled A; together they are the layer, both ways.
@Suite struct TransposedStageTests {
    /// A with k−1 zeros inserted between neighbours on every spatial axis, by hand.
    func upsampled(_ A: Tensor, factor k: Int) -> Tensor {
        let spatial = Array(A.shape.dropFirst(2))
        let shape = Array(A.shape.prefix(2)) + spatial.map { k * ($0 - 1) + 1 }
        var out = Tensor(shape: shape)
        for offset in 0..<out.count {
            let index = out.index(ofOffset: offset)
            let position = index.dropFirst(2)
            if position.allSatisfy({ $0 % k == 0 }) {
                out.scalars[offset] = A[index: Array(index.prefix(2)) + position.map { $0 / k }]
            }
        }
        return out
    }

    @Test(arguments: [1, 2], [2, 3]) func twoStagesMakeTheLayersOutput(axes: Int, factor k: Int) throws {
        let A = Tensor.randomNormal(shape: axes == 1 ? [2, 2, 5] : [1, 2, 3, 4], seed: UInt64(10 * axes + k))
        let W = Tensor.randomNormal(shape: axes == 1 ? [3, 2, 3] : [3, 2, 2, 3], seed: 5)
        let b = Tensor.randomNormal(shape: [3], seed: 6)
        let layer: ConvTransposeLayer =
            axes == 1
            ? try ConvTranspose1d(weight: W, bias: b, upsamplingFactor: k)
            : try ConvTranspose2d(weight: W, bias: b, upsamplingFactor: k)
        let Z = try layer.forward(A)
        let dLdZ = Tensor.randomNormal(shape: Z.shape, seed: 7)
        let kind: LayerKind = axes == 1 ? .convtranspose1d : .convtranspose2d
        let scenes = try SceneFactory.scenes(
            for: LayerSpec(kind: kind, factor: k), bundle: ["A": A, "W": W, "b": b, "dLdZ": dLdZ])
        try #require(scenes.count == 2)
        #expect(scenes[0].title.contains("stage 1/2") && scenes[1].title.contains("stage 2/2"))
        #expect(scenes[0].input == A)
        #expect(scenes[0].target(.forward) == upsampled(A, factor: k))
        #expect(scenes[1].input == upsampled(A, factor: k))
        #expect(scenes[1].target(.forward).shape == Z.shape)
        #expect(scenes[1].target(.forward).maxAbsDifference(Z) < 1e-12)
        // Backward runs the other way: the upsampling's dL/dA is the layer's.
        let dLdA = try layer.backward(dLdZ)
        #expect(scenes[0].target(.dLdA).shape == dLdA.shape)
        #expect(scenes[0].target(.dLdA).maxAbsDifference(dLdA) < 1e-12)
        #expect(scenes[1].target(.dLdW).maxAbsDifference(layer.dLdW) < 1e-12)

        // Each screen names its stage in the header, and Tab goes from one to the other.
        var model = AppModel(scenes: scenes, size: AppFixtures.large)
        #expect(model.render().plainTextLines()[0].contains("stage 1/2: A↑ = upsample(A) by \(k)"))
        model.press(.tab)
        #expect(model.render().plainTextLines()[0].contains("stage 2/2: Z = conv(A↑), stride 1"))
        // The second stage's input is the upsampled map: A↑ in its shapes, panels and gradient.
        let shape = Formatting.compactShape(upsampled(A, factor: k).shape)
        let forward = model.render().plainTextLines()
        #expect(forward[1].contains(" A↑\(shape) W"), "\(forward[1])")
        // (The products panel gives way when the maps need the width; shown, it names A↑.)
        #expect(forward.contains { $0.contains("─ A↑[0,0] ─") } && !forward.contains { $0.contains("W⊙A Σ") })
        #expect(!forward.contains { $0.contains("─ A[0,0]") || $0.hasPrefix("A[0] ") })
        model.press(.character("b"))
        let backward = model.render().plainText()
        #expect(backward.contains("dLdA↑[0,0,0") && backward.contains("─ dLdA↑[0,0] ─"), "\(backward)")
    }
}
