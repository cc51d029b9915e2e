import ConvScopeCore
import Terminal
import Testing
import Walkthroughs

@testable import ConvScopeApp

/// The cursor in the backward passes: up and down move one row of the gradient being
/// filled in, and clicking a cell of that map jumps to its step.
@Suite struct GradientCursorTests {
    /// The demo's scene `scene` on `phase`, at 120×40 so every map is whole.
    func demo(scene: Int, _ phase: Pass) throws -> AppModel {
        var model = try AppFixtures.demo(size: AppFixtures.large).pressing(Key.repeated(.tab, scene))
        model.switchPhase(to: phase)
        return model
    }

    func click(_ model: AppModel, _ x: Int, _ y: Int) -> AppModel {
        var copy = model
        copy.update(.mouse(MouseEvent(button: .left, x: x, y: y)))
        return copy
    }

    /// Clicks every number of map `title` (rows × columns) and expects `step(r, c)`, or no
    /// move where `step` gives nil.
    func expectClicks(
        _ model: AppModel, map title: String, rows: Int, columns: Int, step: (Int, Int) -> Int?,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let screen = ScreenText(buffer: model.render())
        let panel = try #require(screen.panel(titled: title), "no map \(title)", sourceLocation: sourceLocation)
        for r in 0..<rows {
            let words = screen.words(inRow: panel.y + r, of: panel)
            try #require(words.count == columns, "row \(r): \(words.map(\.text))", sourceLocation: sourceLocation)
            for (c, word) in words.enumerated() {
                let clicked = click(model, word.x + word.text.count - 1, panel.y + r)
                #expect(
                    clicked.step == step(r, c) ?? model.step, "\(title) (\(r), \(c))", sourceLocation: sourceLocation)
                #expect(clicked.phase == model.phase, sourceLocation: sourceLocation)
            }
        }
    }

    /// The influence scene's dL/dA is one 6×6 map: down and up move six steps, and stop at the edges.
    @Test func upAndDownMoveOneRowOfDLdA() throws {
        var model = try demo(scene: 0, .dLdA).pressing(.right, .right)
        for row in [1, 2, 3, 4, 5, 5] {
            model.press(.down)
            #expect(model.step == row * 6 + 2)
            #expect(model.render().plainText().contains("dLdA[0,0,\(row),2] = "))
        }
        for row in [4, 3, 2, 1, 0, 0] {
            model.press(.character("k"))
            #expect(model.step == row * 6 + 2)
        }
    }

    @Test func clickingTheDLdAMapJumpsToThatElement() throws {
        let model = try demo(scene: 0, .dLdA).pressing(.character("G"))
        try expectClicks(model, map: "dLdA[0,0]", rows: 6, columns: 6) { r, c in r * 6 + c }
    }

    /// The strided scene's taught map is the padded-input gradient: its border (padding 1)
    /// is cropped off and has no step; the 7×7 inside is dL/dA.
    @Test func clickingTheTaughtMapJumpsInsideTheCrop() throws {
        let model = try demo(scene: 1, .taught).pressing(.right)
        try expectClicks(model, map: "dLdA_pad[0,0]", rows: 9, columns: 9) { r, c in
            (1...7).contains(r) && (1...7).contains(c) ? (r - 1) * 7 + (c - 1) : nil
        }
    }

    /// dL/dW of the strided scene is (2, 2, 3, 3); the map shows (o, c) = (1, 0) at step 18.
    @Test func clickingTheDLdWMapJumpsToThatTap() throws {
        let model = try demo(scene: 1, .dLdW).pressing(Key.repeated(.right, 18))
        try expectClicks(model, map: "dLdW[1,0]", rows: 3, columns: 3) { r, c in 18 + r * 3 + c }
        #expect(model.pressing(.down).step == 21 && model.pressing(.up).step == 18)
    }

    @Test func clickingTheDLdbMapJumpsToThatChannel() throws {
        try expectClicks(try demo(scene: 1, .dLdb), map: "dLdb", rows: 1, columns: 2) { _, c in c }
    }

    /// Max pooling 3×3, stride 2 of a 7×7 map: dL/dA is 7×7.
    @Test func clickingThePoolingDLdAMap() throws {
        let model = try demo(scene: 3, .dLdA).pressing(.character("G"))
        try expectClicks(model, map: "dLdA[0,0]", rows: 7, columns: 7) { r, c in r * 7 + c }
    }
}
