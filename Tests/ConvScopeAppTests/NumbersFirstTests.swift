import ConvScopeCore
import Terminal
import Testing

@testable import ConvScopeApp

/// Issue 13 point 1: numbers are shown whenever they fit. A (2, 3, 9) float conv1d bundle
/// (stride 2, padding 1) at 120×40 used to show 14-column heat strips beside 40 empty
/// columns; now every value of the input sample and of the output map is written out.
@Suite struct NumbersFirstTests {
    static func conv1dScene() throws -> Scene {
        try AppFixtures.factoryScene(
            LayerSpec(kind: .conv1d, stride: [2], padding: [1]),
            [
                "A": Tensor.randomNormal(shape: [2, 3, 9], seed: 41),
                "W": Tensor.randomNormal(shape: [2, 3, 3], seed: 42),
                "b": Tensor.randomNormal(shape: [2], seed: 43),
            ])
    }

    /// The values of a row as a number map draws them: right-aligned in `width` columns
    /// with one column between them.
    func drawn(_ values: [Double], width: Int, decimals: Int) -> String {
        values.map { v in
            let text = MapView.number(v, width: width, decimals: decimals)
            return String(repeating: " ", count: width - text.count) + text
        }.joined(separator: " ")
    }

    /// At the last step of each output map of sample 0 (so every output cell is filled in),
    /// every channel of A[0] and the whole map Z[0,c] appear as numbers, in order.
    @Test(arguments: [0, 1])
    func allOfAAndZShowAsNumbersAt120x40(channel c: Int) throws {
        let scene = try Self.conv1dScene()
        guard case .convolution(let walk, _) = scene.content else {
            Issue.record("a convolution scene")
            return
        }
        var model = AppFixtures.single(scene, size: AppFixtures.large)
        model.step = (c + 1) * 5 - 1
        #expect(model.position.n == 0 && model.position.c == c && model.position.j == 4)
        let text = ScreenText(buffer: model.render())
        #expect(ScreenLayout(model: model).showsNumbers)

        let a = walk.input.at([0])
        // The padded sample, zeros included, sets the input panels' column width.
        let inputFormat = MapView.numberFormat(for: a.scalars + [0])
        for channel in 0..<3 {
            let row = [0] + (0..<9).map { a[channel, $0] } + [0]
            let expected = drawn(row, width: inputFormat.width, decimals: inputFormat.decimals)
            #expect(text.find(expected) != nil, "A[0,\(channel)] shown whole: \(expected)")
        }
        let z = walk.output.at([0, c])
        let outputFormat = MapView.numberFormat(for: z.scalars)
        let expected = drawn((0..<5).map { z[$0] }, width: outputFormat.width, decimals: outputFormat.decimals)
        #expect(text.find(expected) != nil, "Z[0,\(c)] shown whole: \(expected)")
    }

    /// With numbers forced (`v`), the input strips still show all 11 padded values.
    @Test func forcedNumbersShowWholeStrips() throws {
        var model = AppFixtures.single(try Self.conv1dScene(), size: AppFixtures.large)
        model.display = .numbers
        let plan = try #require(ScreenLayout(model: model).plan)
        for panel in plan.panels {
            guard let map = panel.map else { continue }
            #expect(map.fitsWhole(in: panel.inner), "\(panel.title) is shown whole")
        }
    }
}
