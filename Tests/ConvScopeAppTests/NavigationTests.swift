import ConvScopeCore
import Terminal
import Testing

@testable import ConvScopeApp

/// Moving through the steps: the step number and the output cell it stands for, as
/// defined by row-major order over (sample, channel, row, column).
@Suite struct NavigationTests {
    /// In every phase of every demo scene.
    @Test(arguments: 0..<9) func stepBackUndoesStepForward(scene: Int) throws {
        var model = try AppFixtures.demo()
        try #require(scene < model.scenes.count)
        model.press(Key.repeated(.tab, scene))
        expectTrueReverse(model)
    }

    /// In every phase of the factory's screens the demo does not have.
    @Test(arguments: [LayerKind.conv1d, .upsample1d, .downsample2d, .linear, .flatten, .sigmoid])
    func stepBackUndoesStepForwardInFactoryScreens(kind: LayerKind) throws {
        expectTrueReverse(AppFixtures.single(try AppFixtures.factoryScene(LayerSpec(kind: kind), [:])))
    }

    /// Stepping k forward then k back restores the state and the screen, in every phase of the scene.
    func expectTrueReverse(_ start: AppModel, sourceLocation: SourceLocation = #_sourceLocation) {
        var model = start
        for phase in model.scene.phases {
            model.switchPhase(to: phase)
            model.press(Key.repeated(.right, model.stepCount / 3))
            let before = (model.state, model.render())
            // Moves that stay inside the steps (at the ends they stop, see below).
            for k in [1, 2, 5, model.stepCount / 2] where model.step + k < model.stepCount {
                var moved = model
                moved.press(Key.repeated(.right, k))
                #expect(moved.step == model.step + k, sourceLocation: sourceLocation)
                moved.press(Key.repeated(.left, k))
                #expect(
                    moved.state == before.0, "\(phase): forward \(k) then back \(k)", sourceLocation: sourceLocation)
                #expect(
                    moved.render() == before.1, "\(phase): forward \(k) then back \(k)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func vimKeysStepLikeArrows() throws {
        let model = try AppFixtures.demo()
        #expect(model.pressing(.character("l"), .character("l")) == model.pressing(.right, .right))
        #expect(model.pressing(.right, .right, .character("h")) == model.pressing(.right))
    }

    @Test func stepsStopAtBothEnds() throws {
        let model = try AppFixtures.demo()
        #expect(model.pressing(.left).step == 0)
        let last = model.stepCount - 1
        #expect(model.pressing(.character("G"), .right).step == last)
    }

    @Test func firstAndLastStep() throws {
        let model = try AppFixtures.demo().pressing(.tab, .right, .right, .right)
        #expect(model.pressing(.character("G")).step == model.stepCount - 1)
        #expect(model.pressing(.character("G"), .character("g")).step == 0)
        #expect(model.pressing(.end).step == model.stepCount - 1)
        #expect(model.pressing(.end, .home).step == 0)
    }

    @Test func upAndDownMoveOneOutputRowAndStopAtTheEdges() throws {
        // The influence scene's output is 1×2×4×4; start in channel 1 at (0, 2).
        var model = try AppFixtures.demo()
        model.press(Key.repeated(.right, 16 + 2))
        #expect(model.position == (0, 1, 0, 2))
        for row in [1, 2, 3, 3, 3] {
            model.press(.down)
            #expect(model.position == (0, 1, row, 2))
        }
        for row in [2, 1, 0, 0] {
            model.press(.character("k"))
            #expect(model.position == (0, 1, row, 2))
        }
    }

    @Test func channelKeysKeepTheCellAndWrap() throws {
        var model = AppFixtures.single(try AppFixtures.batchConv())
        let grid = model.grid
        #expect((grid.samples, grid.channels, grid.rows, grid.columns) == (3, 3, 5, 5))
        model.step = grid.step(n: 1, c: 0, i: 2, j: 1)
        for channel in [1, 2, 0] {
            model.press(.character("c"))
            #expect(model.position == (1, channel, 2, 1))
        }
        for channel in [2, 1, 0] {
            model.press(.character("C"))
            #expect(model.position == (1, channel, 2, 1))
        }
    }

    @Test func sampleKeysKeepChannelAndCellAndWrap() throws {
        var model = AppFixtures.single(try AppFixtures.batchConv())
        model.step = model.grid.step(n: 0, c: 2, i: 1, j: 2)
        for sample in [1, 2, 0] {
            model.press(.character("n"))
            #expect(model.position == (sample, 2, 1, 2))
        }
        model.press(.character("N"))
        #expect(model.position == (2, 2, 1, 2))
    }

    @Test func theHeaderCountsSteps() throws {
        let model = try AppFixtures.demo().pressing(.right, .right, .right)
        #expect(model.render().plainText().contains("step 4/32"))
    }
}
