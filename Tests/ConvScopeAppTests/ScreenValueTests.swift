@testable import ConvScopeApp
import ConvScopeCore
import Foundation
import Terminal
import Testing

/// Every output value the convolution screen shows is the layer's: for random shapes,
/// strides, paddings and dilations, the expected values come from a separate layer
/// object's `forward`, independent of the walkthrough the screen draws.
@Suite struct ScreenValueTests {
    /// A random Conv2d case: the layer for the screen, a twin for the expectation, and an input.
    struct Case {
        let screenLayer: Conv2d
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
            screenLayer = make()
            referenceLayer = make()
            input = Tensor.randomNormal(shape: [n, c, height, width], seed: generator.next())
        }
    }

    @Test(arguments: 1...16 as ClosedRange<UInt64>) func shownOutputsAreTheLayers(seed: UInt64) throws {
        let random = Case(seed: seed)
        let expected = try random.referenceLayer.forward(random.input)
        let scene = try Scene.convolution("random", layer: random.screenLayer, input: random.input)
        var model = AppModel(scenes: [scene], size: Size(width: 260, height: 80))
        model.display = .numbers
        var generator = SeededGenerator(seed: seed + 100)
        model.step = Int.random(in: 0..<expected.count, using: &generator)
        let grid = OutputGrid(shape: expected.shape)
        let (n, o, i, j) = grid.position(ofStep: model.step)
        let screen = ScreenText(buffer: model.render())

        // The arithmetic: `Z[n,o,i,j] = …`, two lines further `= result`.
        let name = "Z[\(n),\(o),\(i),\(j)] = "
        let top = try #require(screen.find(name), "no arithmetic for \(name)")
        #expect(screen.line(top.y + 2).trimmingCharacters(in: .whitespaces) == "= " + Formatting.number(expected[n, o, i, j]))

        // The output map: done and current cells show the value, pending ones a dot.
        let output = try #require(screen.panel(titled: "Z[\(n),\(o)]"), "output map not shown whole")
        for r in 0..<grid.rows {
            let words = screen.words(inRow: output.y + r, of: output)
            try #require(words.count == grid.columns, "row \(r): \(words.map(\.text))")
            for (c, word) in words.enumerated() {
                if grid.step(n: n, c: o, i: r, j: c) <= model.step {
                    let value = expected[n, o, r, c]
                    let shown = try #require(Double(word.text), "(\(r), \(c)) shows \(word.text)")
                    #expect(abs(shown - value) <= Self.halfUnit(of: word.text), "(\(r), \(c)): \(word.text) vs \(value)")
                } else {
                    #expect(word.text == "·", "(\(r), \(c)) is pending")
                }
            }
        }
    }

    /// Half a unit in the last decimal place a number is written with: its rounding error.
    static func halfUnit(of text: String) -> Double {
        let decimals = text.split(separator: ".").dropFirst().first?.count ?? 0
        return 0.5 * pow(10, -Double(decimals)) + 1e-12
    }
}
