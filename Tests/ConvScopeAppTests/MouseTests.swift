import Terminal
import Testing

@testable import ConvScopeApp

/// Clicking an output-map cell jumps to the step that makes it; other clicks do nothing.
@Suite struct MouseTests {
    private func click(_ model: AppModel, at x: Int, _ y: Int, button: MouseEvent.Button = .left) -> AppModel {
        var copy = model
        copy.update(.mouse(MouseEvent(button: button, x: x, y: y)))
        return copy
    }

    /// The demo at its last step of the influence scene: output map Z[0,1] (4×4) done.
    private func lastStepOfInfluence() throws -> (model: AppModel, screen: ScreenText, output: Rect) {
        let model = try AppFixtures.demo().pressing(.character("G"))
        let screen = ScreenText(buffer: model.render())
        let output = try #require(screen.panel(titled: "Z[0,1]"))
        return (model, screen, output)
    }

    @Test func clickingAnOutputCellJumpsToItsStep() throws {
        let (model, screen, output) = try lastStepOfInfluence()
        for i in 0..<4 {
            let words = screen.words(inRow: output.y + i, of: output)
            try #require(words.count == 4, "row \(i): \(words.map(\.text))")
            for (j, word) in words.enumerated() {
                // Row-major over (n, c, i, j) with 2 channels of 4×4: channel 1 starts at 16.
                let expected = 16 + 4 * i + j
                #expect(click(model, at: word.x, output.y + i).step == expected, "first column of (\(i), \(j))")
                #expect(
                    click(model, at: word.x + word.text.count - 1, output.y + i).step == expected,
                    "last column of (\(i), \(j))")
            }
        }
    }

    @Test func clickingACellPausesPlay() throws {
        let (model, screen, output) = try lastStepOfInfluence()
        var playing = model
        playing.isPlaying = true
        let first = screen.words(inRow: output.y, of: output)[0]
        let clicked = click(playing, at: first.x, output.y)
        #expect((clicked.step, clicked.isPlaying) == (16, false))
    }

    @Test func clicksElsewhereDoNothing() throws {
        let (model, screen, output) = try lastStepOfInfluence()
        let input = try #require(screen.panel(titled: "A[0,0]"))
        let words = screen.words(inRow: output.y + 1, of: output)
        var misses = [
            Point(x: input.x, y: input.y), Point(x: input.x + 2, y: input.y + 1),
            Point(x: output.x - 1, y: output.y), Point(x: output.maxX, y: output.y),
            Point(x: output.x, y: output.y - 1), Point(x: output.x, y: output.maxY),
            Point(x: 0, y: 0), Point(x: 5, y: model.size.height - 1),
            Point(x: model.size.width - 1, y: model.size.height - 1),
        ]
        // The gap after each number but the last.
        misses += words.dropLast().map { Point(x: $0.x + $0.text.count, y: output.y + 1) }
        for point in misses {
            #expect(click(model, at: point.x, point.y) == model, "click at \(point)")
        }
        let cell = words[0]
        for button in [MouseEvent.Button.right, .middle, .scrollUp, .scrollDown] {
            #expect(click(model, at: cell.x, output.y + 1, button: button) == model, "\(button)")
        }
    }

    @Test func clicksOnTheTooSmallScreenDoNothing() throws {
        let model = try AppFixtures.demo(size: Size(width: 40, height: 10))
        for y in 0..<10 {
            for x in stride(from: 0, to: 40, by: 3) {
                #expect(click(model, at: x, y) == model)
            }
        }
    }

    @Test func aClickWhileHelpIsOpenOnlyClosesIt() throws {
        let (model, screen, output) = try lastStepOfInfluence()
        let cell = screen.words(inRow: output.y, of: output)[0]
        let clicked = click(model.pressing(.character("?")), at: cell.x, output.y)
        #expect(clicked == model)
    }

    @Test func clickingAHeatMapCellJumpsToItsUpperRow() throws {
        // In a half-block heat map each terminal row shows two output rows.
        let model = try AppFixtures.demo().pressing(.character("G"), .character("v"))
        let screen = ScreenText(buffer: model.render())
        let output = try #require(screen.panel(titled: "Z[0,1]"))
        for line in 0..<2 {
            for j in 0..<4 {
                #expect(click(model, at: output.x + j, output.y + line).step == 16 + 4 * (2 * line) + j)
            }
        }
        #expect(click(model, at: output.x + 4, output.y) == model)
    }
}
