import ConvScopeCore
import Terminal
import Testing
import Walkthroughs

@testable import ConvScopeApp

/// Every gradient the convolution backward screens show is the layer's: for random
/// geometries, the expected values come from a separate layer object's `backward`.
@Suite struct ConvGradientValueTests {
    /// The random case of `seed`, its scene on a random dL/dZ, and the reference gradients.
    struct Backward {
        let scene: Scene
        let dLdA: Tensor
        let dLdW: Tensor
        let dLdb: Tensor
        let padding: HW

        init(seed: UInt64) throws {
            let random = ScreenValueTests.Case(seed: seed)
            let reference = random.referenceLayer
            let dLdZ = Tensor.randomNormal(shape: try reference.forward(random.input).shape, seed: seed + 200)
            dLdA = try reference.backward(dLdZ)
            (dLdW, dLdb, padding) = (reference.dLdW, reference.dLdb, reference.geometry.padding)
            scene = try Scene.convolution("random", layer: random.screenLayer, input: random.input, dLdZ: dLdZ)
        }
    }

    @Test(arguments: 1...10 as ClosedRange<UInt64>) func inputGradientWalk(seed: UInt64) throws {
        let random = try Backward(seed: seed)
        var generator = SeededGenerator(seed: seed + 300)
        let step = Int.random(in: 0..<random.dLdA.count, using: &generator)
        let (n, c, h, w) = OutputGrid(shape: random.dLdA.shape).position(ofStep: step)
        let screen = ShownValues.screen(random.scene, phase: .dLdA, step: step)
        let result = try ShownValues.result(of: "dLdA[\(n),\(c),\(h),\(w)]", below: 1, on: screen)
        #expect(result.first == Formatting.number(random.dLdA[n, c, h, w]))
        try ShownValues.expectFilled(screen, titled: "dLdA[\(n),\(c)]", random.dLdA.at([n, c]), current: step) { r, q in
            random.scene.grid(.dLdA).step(n: n, c: c, i: r, j: q)
        }
    }

    /// The taught route's screen: the same number as the dLdA walk, said so on screen, and
    /// the cropped middle of dLdA_pad filling in with dL/dA.
    @Test(arguments: 1...10 as ClosedRange<UInt64>) func taughtInputGradient(seed: UInt64) throws {
        let random = try Backward(seed: seed)
        var generator = SeededGenerator(seed: seed + 400)
        let step = Int.random(in: 0..<random.dLdA.count, using: &generator)
        let (n, c, h, w) = OutputGrid(shape: random.dLdA.shape).position(ofStep: step)
        let screen = ShownValues.screen(random.scene, phase: .taught, step: step)
        let expected = Formatting.number(random.dLdA[n, c, h, w])
        let result = try ShownValues.result(of: "dLdA[\(n),\(c),\(h),\(w)]", below: 1, on: screen)
        #expect(result == [expected, "the", "dLdA", "walk", "gives", expected])

        let p = random.padding
        let (rows, columns) = (random.dLdA.shape[2], random.dLdA.shape[3])
        try ShownValues.expectMap(
            screen, titled: "dLdA_pad[\(n),\(c)]", rows: rows + 2 * p.h, columns: columns + 2 * p.w
        ) { r, q in
            let (y, x) = (r - p.h, q - p.w)
            guard (0..<rows).contains(y), (0..<columns).contains(x) else { return .any }
            return (y, x) <= (h, w) ? .value(random.dLdA[n, c, y, x]) : .pending
        }
    }

    @Test(arguments: 1...10 as ClosedRange<UInt64>) func weightGradientWalk(seed: UInt64) throws {
        let random = try Backward(seed: seed)
        var generator = SeededGenerator(seed: seed + 500)
        let step = Int.random(in: 0..<random.dLdW.count, using: &generator)
        let grid = OutputGrid(shape: random.dLdW.shape)
        let (o, c, p, q) = grid.position(ofStep: step)
        let screen = ShownValues.screen(random.scene, phase: .dLdW, step: step)
        let result = try ShownValues.result(of: "dLdW[\(o),\(c),\(p),\(q)]", below: 1, on: screen)
        #expect(result.first == Formatting.number(random.dLdW[o, c, p, q]))
        try ShownValues.expectFilled(screen, titled: "dLdW[\(o),\(c)]", random.dLdW.at([o, c]), current: step) { r, s in
            grid.step(n: o, c: c, i: r, j: s)
        }
    }

    @Test(arguments: 1...10 as ClosedRange<UInt64>) func biasGradientWalk(seed: UInt64) throws {
        let random = try Backward(seed: seed)
        var generator = SeededGenerator(seed: seed + 600)
        let o = Int.random(in: 0..<random.dLdb.count, using: &generator)
        let screen = ShownValues.screen(random.scene, phase: .dLdb, step: o)
        let result = try ShownValues.result(of: "dLdb[\(o)]", below: 1, on: screen)
        #expect(result.first == Formatting.number(random.dLdb[o]))
        try ShownValues.expectFilled(screen, titled: "dLdb", random.dLdb, current: o) { _, s in s }
    }
}
