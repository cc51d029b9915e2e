import ConvScopeCore
import Terminal
import Testing
import Walkthroughs

@testable import ConvScopeApp

/// The backward screens of pooling, resampling, Linear, the activations and Flatten show
/// the layer's gradients: the scenes come from the factory on a bundle with `dLdZ`, the
/// expected values from a separate layer object's `backward` on the same tensors.
@Suite struct LayerGradientValueTests {
    /// A random step of `target`, the screen at it, and that step's `(n, c, h, w)` in 4-d.
    func screen(_ scene: Scene, _ phase: Pass, _ target: Tensor, seed: UInt64) -> (ScreenText, step: Int) {
        var generator = SeededGenerator(seed: seed)
        let step = Int.random(in: 0..<target.count, using: &generator)
        return (ShownValues.screen(scene, phase: phase, step: step), step)
    }

    /// Checks the dLdA screen of a layer with `(N, C, H, W)` or `(N, C, W)` input: the
    /// written-out result and the `dLdA[n,c]` map filling in.
    func expectInputGradient(
        _ scene: Scene, _ dLdA: Tensor, seed: UInt64,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let (screen, step) = screen(scene, .dLdA, dLdA, seed: seed)
        let maps = dLdA.rank == 3 ? dLdA.reshaped([dLdA.shape[0], dLdA.shape[1], 1, dLdA.shape[2]]) : dLdA
        let grid = OutputGrid(shape: maps.shape)
        let (n, c, _, _) = grid.position(ofStep: step)
        let element = dLdA.index(ofOffset: step)
        let result = try ShownValues.result(
            of: "dLdA" + Formatting.index(element), below: 1, on: screen, sourceLocation: sourceLocation)
        #expect(result.first == Formatting.number(dLdA.scalars[step]), sourceLocation: sourceLocation)
        try ShownValues.expectFilled(
            screen, titled: "dLdA[\(n),\(c)]", maps.at([n, c]), current: step,
            step: { r, q in grid.step(n: n, c: c, i: r, j: q) }, sourceLocation: sourceLocation)
    }

    @Test(arguments: [(2, 2, true), (3, 1, true), (2, 1, true), (3, 2, false), (2, 2, false), (1, 1, false)])
    func poolingRoutesTheGradient(kernel: Int, stride: Int, isMax: Bool) throws {
        let seed = UInt64(kernel * 10 + stride)
        let A = Tensor.randomNormal(shape: [2, 2, 5 + kernel, 6], seed: seed)
        let reference: PoolLayer =
            isMax ? MaxPool2d(kernel: kernel, stride: stride) : MeanPool2d(kernel: kernel, stride: stride)
        let dLdZ = Tensor.randomNormal(shape: try reference.forward(A).shape, seed: seed + 1)
        let spec = LayerSpec(kind: isMax ? .maxpool2d : .meanpool2d, stride: [stride], kernel: kernel)
        let scene = try AppFixtures.factoryScene(spec, ["A": A, "dLdZ": dLdZ])
        try expectInputGradient(scene, try reference.backward(dLdZ), seed: seed + 2)
    }

    @Test(arguments: [LayerKind.upsample1d, .downsample1d, .upsample2d, .downsample2d], [2, 3])
    func resamplingBackward(kind: LayerKind, factor: Int) throws {
        let twoD = kind == .upsample2d || kind == .downsample2d
        let A = Tensor.randomNormal(shape: twoD ? [1, 2, 5, 4] : [2, 2, 7], seed: UInt64(factor))
        let reference: ResamplingLayer =
            switch kind {
            case .upsample1d: Upsample1d(factor: factor)
            case .downsample1d: Downsample1d(factor: factor)
            case .upsample2d: Upsample2d(factor: factor)
            default: Downsample2d(factor: factor)
            }
        let dLdZ = Tensor.randomNormal(shape: try reference.forward(A).shape, seed: 7)
        let scene = try AppFixtures.factoryScene(LayerSpec(kind: kind, factor: factor), ["A": A, "dLdZ": dLdZ])
        try expectInputGradient(scene, try reference.backward(dLdZ), seed: UInt64(factor))
    }

    @Test(arguments: [LayerKind.relu, .sigmoid, .tanh])
    func activationBackward(kind: LayerKind) throws {
        let A = Tensor.randomNormal(shape: [2, 2, 3, 4], seed: 11)
        let reference: Activation = kind == .relu ? ReLU() : kind == .sigmoid ? Sigmoid() : Tanh()
        let dLdZ = Tensor.randomNormal(shape: A.shape, seed: 12)
        _ = try reference.forward(A)
        let scene = try AppFixtures.factoryScene(LayerSpec(kind: kind), ["A": A, "dLdZ": dLdZ])
        try expectInputGradient(scene, try reference.backward(dLdZ), seed: 13)
    }

    /// Flatten's dL/dA of a `(N, C, W)` input is shown as sample n's C × W map.
    @Test func flattenBackward() throws {
        let A = Tensor.randomNormal(shape: [2, 3, 4], seed: 14)
        let dLdZ = Tensor.randomNormal(shape: [2, 12], seed: 15)
        let reference = Flatten()
        _ = try reference.forward(A)
        let dLdA = try reference.backward(dLdZ)
        let scene = try AppFixtures.factoryScene(LayerSpec(kind: .flatten), ["A": A, "dLdZ": dLdZ])
        let (screen, step) = screen(scene, .dLdA, dLdA, seed: 16)
        let element = dLdA.index(ofOffset: step)
        let result = try ShownValues.result(of: "dLdA" + Formatting.index(element), below: 1, on: screen)
        #expect(result == [Formatting.number(dLdA.scalars[step])])
        try ShownValues.expectFilled(screen, titled: "dLdA[\(element[0])]", dLdA.at([element[0]]), current: step) {
            r, q in
            dLdA.offset(of: [element[0], r, q])
        }
    }

    @Test(arguments: [Pass.dLdA, .dLdW, .dLdb])
    func linearBackward(phase: Pass) throws {
        let (A, W, b) = (
            Tensor.randomNormal(shape: [3, 5], seed: 17), Tensor.randomNormal(shape: [4, 5], seed: 18),
            Tensor.randomNormal(shape: [4], seed: 19)
        )
        let dLdZ = Tensor.randomNormal(shape: [3, 4], seed: 20)
        let reference = try Linear(weight: W, bias: b)
        _ = try reference.forward(A)
        let dLdA = try reference.backward(dLdZ)
        let expected = [Pass.dLdA: dLdA, .dLdW: reference.dLdW, .dLdb: reference.dLdb][phase]!
        let scene = try AppFixtures.factoryScene(LayerSpec(kind: .linear), ["A": A, "W": W, "b": b, "dLdZ": dLdZ])
        let (screen, step) = screen(scene, phase, expected, seed: 21)
        let name = phase.rawValue + Formatting.index(expected.index(ofOffset: step))
        #expect(
            try ShownValues.result(of: name, below: 1, on: screen).first == Formatting.number(expected.scalars[step]))
        let columns = expected.rank == 2 ? expected.shape[1] : expected.count
        try ShownValues.expectFilled(screen, titled: phase.rawValue, expected, current: step) { r, c in r * columns + c
        }
    }
}
