import ConvScopeCore
import Terminal
import Testing

@testable import ConvScopeApp

/// `update` is a pure function: replaying the same messages gives equal models, training,
/// rebuilding and opening screens are effects it returns (never performs), and a failed
/// effect comes back as a message the screen shows.
@Suite struct UpdateTests {
    /// The model after each message in turn, effects performed by the runner.
    func replay(_ messages: [Message], from model: AppModel) -> AppModel {
        messages.reduce(model) { AppRunner.process($1, $0) }
    }

    @Test func replayingTheSameMessagesGivesEqualModels() throws {
        let start = try AppFixtures.demo()
        let moves: [Message] = Key.typing("lljbcnv").map(Message.key) + [.resize(AppFixtures.large), .key(.tab)]
        let idle: [Message] = [.tick, .key(.character("?")), .key(.character("x"))]
        let messages = moves + Key.typing("e>>").map(Message.key) + idle
        let first = replay(messages, from: start)
        #expect(Bool(first == replay(messages, from: start)))
        #expect(Bool(first != start))
        #expect(
            Bool(first != replay(moves + [.key(.character("e"))], from: start)),
            "the rebuilt scene is part of the model")
        #expect(
            Bool(replay(moves, from: start) == replay(moves + idle, from: start)),
            "a tick while paused and an opened-and-closed help change nothing")
    }

    @Test func aSizeKeyReturnsARebuildAndLeavesTheSceneUntilItsResultArrives() throws {
        let model = try AppFixtures.demo()
        let recipe = try #require(model.scene.recipe)
        let (next, effects) = update(model, .key(.character(">")))
        // The title follows the new kernel size.
        #expect(
            effects == [.rebuild(recipe.adjusting(0, by: 1), title: "influence: 2 edge kernels 4×4 → 2 maps", scene: 0)]
        )
        #expect(Bool(next.scene == model.scene))
        let rebuilt = AppRunner.perform(effects[0])
        let (after, more) = update(next, rebuilt)
        #expect(more.isEmpty)
        #expect(after.scene.recipe?.value("kernel") == recipe.value("kernel") + 1)
        #expect(Bool(after == AppRunner.process(.key(.character(">")), model)))
    }

    @Test func trainingIsAnEffectAndItsStateComesBackAsAMessage() throws {
        let model = AppFixtures.single(try NetworkScene.scene(), size: AppFixtures.large)
        guard case .network(let before) = model.scene.content else { throw LayerError("not a network scene") }
        let (next, effects) = update(model, .key(.character("s")))
        #expect(effects == [.train(before.session, scene: 0)])
        #expect(Bool(next == model), "update itself trains nothing")
        #expect(Bool(before.session.state == before), "nor does it touch the session")
        let trained = AppRunner.process(.key(.character("s")), model)
        guard case .network(let after) = trained.scene.content else { throw LayerError("not a network scene") }
        #expect(after.losses.count == 2 && after.losses.dropLast() == before.losses[...])
        #expect(Bool(trained != model))
    }

    @Test func aFailedEffectIsShownInPlaceOfTheHintsUntilTheNextKey() throws {
        var model = try AppFixtures.demo()
        model.isPlaying = true
        model = AppRunner.process(.failed("training stopped: the loss is NaN"), model)
        #expect(!model.isPlaying)
        #expect(model.render().plainTextLines().last?.hasPrefix("training stopped: the loss is NaN") == true)
        model = AppRunner.process(.key(.right), model)
        #expect(model.notice == nil)
        #expect(model.render().plainTextLines().last?.contains("step") == true)
    }

    @Test func choosingALayerInTheMenuIsAnEffectWhoseScenesAreAppended() throws {
        let model = try AppFixtures.demo()
        var chosen = model
        chosen.menu = Menu(sceneCount: model.scenes.count, current: model.scenes.count)
        let (next, effects) = update(chosen, .key(.enter))
        #expect(effects == [.openBuiltIn(LayerKind.allCases[0])])
        #expect(next.scenes.count == model.scenes.count && next.menu == nil)
        let opened = AppRunner.process(.key(.enter), chosen)
        #expect(opened.scenes.count == model.scenes.count + 1 && opened.sceneIndex == model.scenes.count)
    }
}
