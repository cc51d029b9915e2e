import Terminal
import Testing
import Walkthroughs

@testable import ConvScopeApp

/// Play, pause, ticks and speed.
@Suite struct PlaybackTests {
    @Test func spaceTogglesPlay() throws {
        let model = try AppFixtures.demo()
        #expect(!model.isPlaying)
        #expect(model.pressing(.character(" ")).isPlaying)
        #expect(!model.pressing(.character(" "), .character(" ")).isPlaying)
        #expect(model.pressing(.character("p")).isPlaying)
    }

    @Test func ticksAdvanceOnlyWhilePlaying() throws {
        var model = try AppFixtures.demo().pressing(.right)
        model.update(.tick)
        #expect(model.step == 1)
        model.press(.character(" "))
        for expected in 2...4 {
            model.update(.tick)
            #expect(model.step == expected)
        }
        model.press(.character(" "))
        model.update(.tick)
        #expect(model.step == 4)
    }

    @Test func steppingByHandPauses() throws {
        let playing = try AppFixtures.demo().pressing(.character(" "))
        for key in [Key.right, .left, .up, .down, .character("g"), .character("G")] {
            #expect(!playing.pressing(key).isPlaying, "\(key)")
        }
    }

    @Test func playContinuesIntoTheNextSceneAndStopsAtTheVeryEnd() throws {
        // Play from the step before the last of the first scene.
        var model = try AppFixtures.walkthroughs()
        model.press(.character("G"), .left, .character(" "))
        model.update(.tick)
        #expect((model.sceneIndex, model.step, model.isPlaying) == (0, model.stepCount - 1, true))
        model.update(.tick)
        #expect((model.sceneIndex, model.step, model.isPlaying) == (1, 0, true))

        // The same at the last scene: the last step is shown, then playing stops there.
        let lastScene = model.scenes.count - 1
        model.press(Key.repeated(.tab, lastScene - 1) + [.character("G"), .left, .character(" ")])
        #expect(model.sceneIndex == lastScene)
        model.update(.tick)
        let lastStep = model.stepCount - 1
        #expect((model.step, model.isPlaying) == (lastStep, true))
        model.update(.tick)
        #expect((model.sceneIndex, model.step, model.isPlaying) == (lastScene, lastStep, false))
        model.update(.tick)
        #expect((model.sceneIndex, model.step, model.isPlaying) == (lastScene, lastStep, false))
    }

    @Test func sceneKeysWhilePlayingLandOnTheChosenScene() throws {
        // Play the first scene to its end, into the second.
        var model = try AppFixtures.walkthroughs()
        model.press(.character("G"), .left, .character(" "))
        model.update(.tick)
        model.update(.tick)
        #expect((model.sceneIndex, model.step) == (1, 0))
        // Shift-Tab back to the finished scene: it starts over and plays there.
        model.press(.backTab)
        #expect((model.sceneIndex, model.step, model.isPlaying) == (0, 0, true))
        model.update(.tick)
        #expect((model.sceneIndex, model.step) == (0, 1))
        // Tab to a scene that was played to its end: the same.
        model.press(.tab, .character("G"), .backTab, .character(" "), .tab)
        #expect((model.sceneIndex, model.step, model.isPlaying) == (1, 0, true))
        model.update(.tick)
        #expect((model.sceneIndex, model.step) == (1, 1))
    }

    @Test func channelAndPassKeysActWhilePlaying() throws {
        var model = try AppFixtures.demo().pressing(.character(" "))
        model.update(.tick)
        let channel = model.scene.grid(.forward).position(ofStep: model.step).c
        model.press(.character("c"))
        #expect(model.scene.grid(.forward).position(ofStep: model.step).c != channel)
        #expect(model.isPlaying)
        model.press(.character("b"))
        #expect(model.phase == .dLdA)
    }

    @Test func playingWalksEveryStepOfEveryScene() throws {
        var model = try AppFixtures.walkthroughs()
        model.press(.character(" "))
        var ticks = 0
        while model.isPlaying && ticks < 10_000 {
            model.update(.tick)
            ticks += 1
        }
        let total = model.scenes.map { $0.stepCount(.forward) }.reduce(0, +)
        // One tick per step after the first, one per scene change, and one to stop.
        #expect(ticks == total)
    }

    @Test func playContinuesIntoTheDemoNetwork() throws {
        var model = try AppFixtures.demo()
        let network = model.scenes.count - 1
        guard case .network = model.scenes[network].content else {
            Issue.record("the demo no longer ends with the network")
            return
        }
        model.press(Key.repeated(.tab, network - 1) + [.character("G"), .left, .character(" ")])
        model.update(.tick)
        model.update(.tick)
        #expect((model.sceneIndex, model.step, model.isPlaying) == (network, 0, true))
    }

    @Test func speedRisesAndFallsWithinBounds() throws {
        var model = try AppFixtures.demo()
        var speeds = [model.speed]
        for _ in 0..<AppModel.speeds.count + 2 {
            model.press(.character("+"))
            speeds.append(model.speed)
        }
        #expect(speeds.last == AppModel.speeds.max())
        #expect(zip(speeds, speeds.dropFirst()).allSatisfy { $0 < $1 || ($0 == $1 && $0 == AppModel.speeds.max()) })
        for _ in 0..<AppModel.speeds.count + 2 { model.press(.character("-")) }
        #expect(model.speed == AppModel.speeds.min())
        #expect(model.tickInterval == Int((1000 / model.speed).rounded()))
    }

    @Test func theHeaderShowsPlayState() throws {
        let model = try AppFixtures.demo()
        #expect(model.render().plainText().contains("paused"))
        let playing = model.pressing(.character(" "), .character("+"))
        #expect(playing.render().plainText().contains("▶ \(Int(playing.speed))/s"))
    }
}
