import ConvScopeCore
import Terminal
import Testing
import Walkthroughs

@testable import ConvScopeApp

/// Thousands of seeded random keys, clicks, resizes (down to 1×1) and ticks through `update`
/// and `render`, checking after each message that the model stays consistent and that the
/// convolution's arithmetic still shows the library's value for the current step.
@Suite struct MonkeyTests {
    static let keys: [Key] =
        [
            .left, .right, .up, .down, .home, .end, .pageUp, .pageDown, .enter, .escape, .tab,
            .backTab, .backspace, .function(1),
        ]
        + "lhkjgG pq+=-_cCnNvbBfxXseE><.,?[]a1w".map { .character($0) } + [.control("c")]
        // Back to the forward pass more often, where the arithmetic is checked.
        + Array(repeating: .character("f"), count: 4)

    /// A random message: mostly keys, some clicks and ticks, now and then a resize.
    static func message(_ model: AppModel, _ generator: inout SeededGenerator) -> Message {
        switch Int.random(in: 0..<100, using: &generator) {
        case 0..<60: return .key(keys.randomElement(using: &generator)!)
        case 60..<80:
            let button = [MouseEvent.Button.left, .left, .left, .right, .scrollUp].randomElement(using: &generator)!
            return .mouse(
                MouseEvent(
                    button: button, x: Int.random(in: -2...model.size.width + 2, using: &generator),
                    y: Int.random(in: -2...model.size.height + 2, using: &generator)))
        case 80..<92: return .tick
        default:
            let tiny = Int.random(in: 0..<4, using: &generator) == 0
            return .resize(
                Size(
                    width: Int.random(in: 1...(tiny ? 20 : 220), using: &generator),
                    height: Int.random(in: 1...(tiny ? 8 : 70), using: &generator)))
        }
    }

    @Test(arguments: [("demo", UInt64(1), 1500), ("factory", UInt64(2), 1000)])
    func randomMessagesKeepTheModelConsistent(scenes: String, seed: UInt64, count: Int) throws {
        var model = AppModel(
            scenes: scenes == "demo" ? try Demo.scenes() : try Self.factoryScenes(),
            size: Size(width: 80, height: 24))
        var generator = SeededGenerator(seed: seed)
        var checkedValues = 0
        for index in 0..<count {
            let message = Self.message(model, &generator)
            model.update(message)
            model.wantsQuit = false
            let buffer = model.render()
            try #require(buffer.size == model.size, "message \(index): \(message)")
            try #require((0..<model.stepCount).contains(model.step), "message \(index): \(message): step \(model.step)")
            if let loop = model.scene.loopWalk(model.phase) {
                // A loop step lies in one stage, and counting the stages before it gives it back.
                let (stage, local) = loop.locate(model.step)
                try #require(loop.firstStep(ofStage: stage) + local == model.step, "message \(index)")
                try #require((0..<loop.stages[stage].stepCount).contains(local), "message \(index)")
            } else {
                let grid = model.scene.grid(model.phase)
                let cell = grid.position(ofStep: model.step)
                try #require(
                    (0..<grid.samples).contains(cell.n) && (0..<grid.channels).contains(cell.c)
                        && (0..<grid.rows).contains(cell.i) && (0..<grid.columns).contains(cell.j), "message \(index)")
            }
            if try Self.checkArithmetic(model, buffer) { checkedValues += 1 }
        }
        #expect(checkedValues >= count / 50, "the arithmetic was on screen only \(checkedValues) times")
    }

    /// One screen of every kind the factory makes, on built-in tensors.
    static func factoryScenes() throws -> [Scene] {
        try LayerKind.allCases.flatMap { try SceneFactory.scenes(for: LayerSpec(kind: $0), bundle: [:]) }
    }

    /// On a convolution's forward screen, the line under `Z[n,o,i,j] = …` that starts with
    /// `=` and is followed by no other is the result: it must be the output's value.
    /// Returns whether the arithmetic was on screen.
    static func checkArithmetic(_ model: AppModel, _ buffer: Buffer) throws -> Bool {
        guard model.phase == .forward, !model.showsHelp, !model.scene.showsLoops,
            case .convolution(let forward, _) = model.scene.content
        else { return false }
        let output = forward.output
        let index = output.index(ofOffset: model.step)
        let screen = ScreenText(buffer: buffer)
        guard let header = screen.find("Z[\(index.map(String.init).joined(separator: ","))] = ") else { return false }
        let lines = (header.y + 1..<buffer.height).map { screen.line($0).trimmingCharacters(in: .whitespaces) }
        let continued = lines.prefix { $0.hasPrefix("=") }
        guard let result = continued.last, continued.count >= 1 else { return false }
        #expect(
            result == "= " + Formatting.number(output.scalars[model.step]), "step \(model.step) of \(model.scene.title)"
        )
        return true
    }
}
