import ConvScopeCore
import ConvScopeTestSupport
import Terminal
import Testing
import Walkthroughs

@testable import ConvScopeApp

/// Every output value the convolution screen shows is the layer's: for random shapes,
/// strides, paddings and dilations, the expected values come from a separate layer
/// object's `forward`, independent of the walkthrough the screen draws.
@Suite struct ScreenValueTests {
    /// A random Conv2d case: the layer for the screen, a twin for the expectation, and an input.
    struct Case {
        let screenLayer: ConvFunction
        let referenceLayer: Conv2d
        let input: Tensor

        init(seed: UInt64) {
            let random = RandomConv(seed: seed)
            screenLayer = (random.layer as! Conv2d).function
            referenceLayer = random.makeLayer() as! Conv2d
            input = random.input
        }
    }

    @Test(arguments: 1...16 as ClosedRange<UInt64>) func shownOutputsAreTheLayers(seed: UInt64) throws {
        let random = Case(seed: seed)
        let expected = try random.referenceLayer.forward(random.input)
        let scene = try Scene.convolution("random", layer: random.screenLayer, input: random.input)
        var generator = SeededGenerator(seed: seed + 100)
        let step = Int.random(in: 0..<expected.count, using: &generator)
        let grid = OutputGrid(shape: expected.shape)
        let (n, o, i, j) = grid.position(ofStep: step)
        let screen = ShownValues.screen(scene, phase: .forward, step: step)

        // The arithmetic: `Z[n,o,i,j] = …`, two lines further `= result`.
        let result = try ShownValues.result(of: "Z[\(n),\(o),\(i),\(j)]", below: 2, on: screen)
        #expect(result == [Formatting.number(expected[n, o, i, j])])

        // The output map: done and current cells show the value, pending ones a dot.
        try ShownValues.expectFilled(screen, titled: "Z[\(n),\(o)]", expected.at([n, o]), current: step) { r, c in
            grid.step(n: n, c: o, i: r, j: c)
        }
    }
}
