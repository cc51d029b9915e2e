import ConvScopeCore
import Terminal
import Testing
import Walkthroughs

@testable import ConvScopeApp

/// Issue 11 points 1–3 on screen: the loop walk (`w`), one iteration of the homework's loop a
/// step. Expected numbers come from the library's own layers (Conv2d_stride1 on the padded
/// input, Conv2d's backward), never from the loop walk that draws them.
@Suite struct LoopWalkScreenTests {
    /// The demo's loop scene: scene 2's layer (stride 2, padding 1, 2 → 2 channels, 7×7).
    static func loopScene() throws -> (index: Int, scene: Scene) {
        let scenes = try Demo.scenes()
        let index = try #require(scenes.firstIndex { $0.showsLoops }, "the demo has a loop-walk scene")
        return (index, scenes[index])
    }

    /// The scene's A, W, b and geometry, as the library layer that computes them independently.
    static func layer(of scene: Scene) throws -> (A: Tensor, layer: Conv2d) {
        guard case .convolution(let forward, _) = scene.content else { throw LayerError("not a convolution") }
        let g = forward.layer.geometry
        return (
            forward.input,
            try Conv2d(
                weight: forward.layer.W, bias: forward.layer.b, stride: g.stride,
                padding: g.padding, dilation: g.dilation)
        )
    }

    @Test func wTogglesTheLoopWalkAndKeepsEachWalksPlace() throws {
        var model = try AppFixtures.demo(size: AppFixtures.large)
        model.press(.right)
        #expect(!model.scene.showsLoops && model.step == 1)
        model.press(.character("w"))
        #expect(model.scene.showsLoops)
        #expect(model.scene.phases == [.forward, .dLdA, .dLdW, .dLdb])
        // The influence scene: a 6×6 map and 3×3 kernels give a 4×4 loop.
        #expect(model.stepCount == 16 && model.step == 0)
        #expect(ScreenText(buffer: model.render()).find("2 loops, H_out·W_out = 16 iterations") != nil)
        model.press(.right, .right, .right)
        model.press(.character("w"))
        #expect(!model.scene.showsLoops && model.step == 1, "the element walk is where it was")
        model.press(.character("w"))
        #expect(model.scene.showsLoops && model.step == 3, "and so is the loop walk")
    }

    @Test func updateAsksForTheLoopsAsAnEffect() throws {
        let model = try AppFixtures.demo()
        let (asked, effects) = update(model, .key(.character("w")))
        #expect(effects == [.buildLoops(model.scene, scene: 0)])
        #expect(asked == model, "nothing changes until the loops are built")
        guard case .loopsBuilt(let index, let loops) = AppRunner.perform(effects[0]) else {
            Issue.record("building the loops failed")
            return
        }
        let (built, more) = update(asked, .loopsBuilt(scene: index, loops))
        #expect(more.isEmpty && built.scene.showsLoops && built.scene.loops == loops)
    }

    @Test func aSceneWithoutLoopsSaysSo() throws {
        var model = try AppFixtures.demo()
        model.sceneIndex = try #require(model.scenes.firstIndex { $0.isNetwork })
        model.press(.character("w"))
        #expect(!model.scene.showsLoops)
        #expect(model.notice?.contains("no loop walk") == true)
    }

    /// Every step of the stride-1 stage writes the column `Z[:, :, i, j]` of the library's
    /// Conv2d_stride1 on the padded input, and its last step shows all of that Z.
    @Test func theConvLoopFillsTheStride1LayersOutputAColumnAStep() throws {
        let (_, scene) = try Self.loopScene()
        let (A, layer) = try Self.layer(of: scene)
        let p = layer.geometry.padding
        let padded = A.padded([(0, 0), (0, 0), (p.h, p.h), (p.w, p.w)])
        let core = try Conv2d(weight: layer.W, bias: layer.b).forward(padded)
        let walk = try #require(scene.loopWalk(.forward))
        #expect(
            walk.stages.map(\.title) == [
                "Pad the input by 1 with zeros", "Conv2d_stride1 on the padded input",
                "Downsample2d(2)",
            ])
        let (rows, columns) = (core.shape[2], core.shape[3])
        for k in [0, rows * columns / 2, rows * columns - 1] {
            let screen = ShownValues.screen(scene, phase: .forward, step: walk.firstStep(ofStage: 1) + k)
            let (i, j) = (k / columns, k % columns)
            try ShownValues.expectMap(screen, titled: "Z[:, :, \(i), \(j)]", rows: 1, columns: 2) { _, o in
                .value(core[0, o, i, j])
            }
            for o in 0..<2 {
                try ShownValues.expectMap(screen, titled: "Z[0,\(o)]", rows: rows, columns: columns) { r, c in
                    r * columns + c <= k ? .value(core[0, o, r, c]) : .pending
                }
            }
        }
    }

    /// The downsample stage ends with the strided layer's Z; dL/dW's loop ends with the layer's dL/dW.
    @Test func theLastStagesEndWithTheLayersResults() throws {
        let (_, scene) = try Self.loopScene()
        let (A, layer) = try Self.layer(of: scene)
        let Z = try layer.forward(A)
        let forward = try #require(scene.loopWalk(.forward))
        let screen = ShownValues.screen(scene, phase: .forward, step: forward.stepCount - 1)
        for o in 0..<2 {
            try ShownValues.expectMap(screen, titled: "Z[0,\(o)]", rows: 4, columns: 4) { r, c in .value(Z[0, o, r, c])
            }
        }
        guard case .convolution(_, let backward) = scene.content else { return }
        _ = try layer.backward(backward.dLdZ)
        let dLdW = try #require(scene.loopWalk(.dLdW))
        let last = ShownValues.screen(scene, phase: .dLdW, step: dLdW.stepCount - 1)
        for o in 0..<2 {
            for c in 0..<2 {
                try ShownValues.expectMap(last, titled: "dLdW[\(o),\(c)]", rows: 3, columns: 3) { r, q in
                    .value(layer.dLdW[o, c, r, q])
                }
            }
        }
    }

    @Test func conv1dWalksOneLoop() throws {
        var model = AppFixtures.single(try Self.conv1dScene(), size: AppFixtures.large)
        #expect(model.stepCount == 6)
        model.press(.right, .right)
        let screen = ScreenText(buffer: model.render())
        #expect(screen.find("1 loop, W_out = 6 iterations") != nil)
        #expect(screen.find("w = 2 · A[:, :, 2:6] → Z[:, :, 2]") != nil)
        #expect(screen.find("for w in range(W_out):") != nil)
    }

    /// A click on an output cell jumps to the iteration that writes it: cell (i, j) of the
    /// 4×4 influence loop is step 4i + j.
    @Test func clickingAnOutputCellJumpsToItsIteration() throws {
        var model = try AppFixtures.demo(size: AppFixtures.large)
        model.press(.character("w"))
        let screen = ScreenText(buffer: model.render())
        let panel = try #require(screen.panel(titled: "Z[0,1]"), "the second output map is shown")
        let cell = try #require(screen.words(inRow: panel.y + 1, of: panel).dropFirst(2).first, "row 1 has a column 2")
        model.update(.mouse(MouseEvent(button: .left, x: cell.x, y: panel.y + 1)))
        #expect(model.step == 6)
    }

    @Test func upAndDownMoveARowOfTheLoop() throws {
        var model = try AppFixtures.demo()
        model.press(.character("w"), .right, .down)
        #expect(model.step == 5, "one row of the 4-wide loop down")
        model.press(.up, .up)
        #expect(model.step == 1, "up stops at the first row")
    }

    @Test func changingASizeKeepsTheLoopWalk() throws {
        var model = try AppFixtures.demo()
        model.sceneIndex = try Self.loopScene().index
        model.press(.character(">"))
        #expect(model.scene.recipe?.parameters[0].value == 4)
        #expect(model.scene.showsLoops)
        #expect(model.scene.loopWalk(.forward)?.stages[1].code.last?.contains("np.tensordot") == true)
        #expect(model.scene.loopWalk(.forward)?.stages[1].grid == HW(6, 6), "a 9×9 padded input and a 4×4 kernel")
    }

    @Test func loopScreenSnapshots() throws {
        let index = try Self.loopScene().index
        let keys = Key.repeated(.tab, index)
        try Snapshot.checkScreens("loop-forward", keys + Key.repeated(.right, 9))
        try Snapshot.checkScreens("loop-downsample", keys + [.character("G")])
        try Snapshot.checkScreens("loop-dLdA", keys + [.character("b")] + Key.repeated(.right, 12))
        try Snapshot.checkScreens("loop-dLdW", keys + [.character("b"), .character("b")] + Key.repeated(.right, 5))
        try Snapshot.checkScreens("loop-dLdb", keys + Key.repeated(.character("b"), 3) + [.character("G")])
        try Snapshot.checkScreens("loop-maxpool", Key.repeated(.tab, 3) + [.character("w")] + Key.repeated(.right, 7))
        try Snapshot.checkScreens("loop-upsample", Key.repeated(.tab, 5) + [.character("w")])
        try Snapshot.checkScreens("loop-scatter", keys + [.character("b")])
        try Snapshot.checkScreens("loop-crop", keys + [.character("b"), .character("G")])
        try Snapshot.checkScreens(
            "loop-maxpool-dLdA",
            Key.repeated(.tab, 3) + [.character("w"), .character("b")]
                + Key.repeated(.right, 6))
        try Snapshot.checkScreens("loop-meanpool", Key.repeated(.tab, 4) + [.character("w")] + Key.repeated(.right, 3))
        try Snapshot.checkScreens("loop-conv1d", Key.repeated(.right, 2)) { size in
            AppFixtures.single(try Self.conv1dScene(), size: size)
        }
    }

    /// A Conv1d (2 → 3 channels, K = 4) on a 9-wide input, in loops.
    static func conv1dScene() throws -> Scene {
        try AppFixtures.factoryScene(
            LayerSpec(kind: .conv1d),
            [
                "A": Tensor(shape: [1, 2, 9]) { Double($0 % 5) }, "W": Tensor(shape: [3, 2, 4]) { Double($0 % 3) - 1 },
            ]
        ).showingLoops(true)
    }
}
