@testable import ConvScopeApp
import ConvScopeCore
import Terminal
import Testing
import Walkthroughs

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
            var generator = SeededGenerator(seed: seed)
            func draw(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }
            let (n, c, o) = (draw(1...2), draw(1...3), draw(1...3))
            let kernel = HW(draw(1...4), draw(1...4)), stride = HW(draw(1...3), draw(1...3))
            let padding = HW(draw(0...2), draw(0...2)), dilation = HW(draw(1...2), draw(1...2))
            // Big enough for at least one output, at most 9 output columns.
            let height = max(1, dilation.h * (kernel.h - 1) + 1 - 2 * padding.h) + draw(0...6)
            let width = max(1, dilation.w * (kernel.w - 1) + 1 - 2 * padding.w) + draw(0...6)
            let W = Tensor.randomNormal(shape: [o, c, kernel.h, kernel.w], seed: generator.next())
            let b = Tensor.randomNormal(shape: [o], seed: generator.next())
            func make() -> Conv2d {
                Conv2d(inChannels: c, outChannels: o, kernelSize: kernel, stride: stride, padding: padding,
                       dilation: dilation, W: W, b: b)
            }
            screenLayer = make().function
            referenceLayer = make()
            input = Tensor.randomNormal(shape: [n, c, height, width], seed: generator.next())
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
