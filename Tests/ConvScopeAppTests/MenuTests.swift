import ConvScopeCore
import Terminal
import Testing

@testable import ConvScopeApp

/// The `m` screen list: every layer of the spec is one choice away from the demo.
@Suite struct MenuTests {
    @Test func menuListsTheOpenScenesThenEveryLayerWithAScreen() throws {
        let model = try AppFixtures.demo().pressing(.character("m"))
        let menu = try #require(model.menu)
        #expect(menu.entries.count == model.scenes.count + LayerKind.allCases.count)
        #expect(menu.selection == model.sceneIndex)
        #expect(model.render().plainText().contains("screens"))
    }

    @Test func choosingALayerOpensItsScreenOnBuiltInTensors() throws {
        let demo = try AppFixtures.demo()
        let linearEntry = demo.scenes.count + LayerKind.allCases.firstIndex(of: .linear)!
        let model = demo.pressing([.character("m")] + Array(repeating: Key.down, count: linearEntry) + [.enter])
        #expect(model.menu == nil)
        #expect(model.scenes.count == demo.scenes.count + 1)
        #expect(model.sceneIndex == demo.scenes.count)
        guard case .linear = model.scene.content else {
            Issue.record("expected the Linear screen, got \(model.scene.title)")
            return
        }
        #expect(model.scene.title.hasPrefix("linear"))
    }

    @Test func choosingAnOpenSceneJumpsWithoutAddingOne() throws {
        let demo = try AppFixtures.demo()
        let model = demo.pressing(.character("m"), .down, .down, .enter)
        #expect(model.scenes.count == demo.scenes.count && model.sceneIndex == 2)
    }

    @Test func escapeClosesAndQQuits() throws {
        let demo = try AppFixtures.demo()
        #expect(demo.pressing(.character("m"), .escape).menu == nil)
        #expect(!demo.pressing(.character("m"), .escape).wantsQuit)
        #expect(demo.pressing(.character("m"), .character("q")).wantsQuit)
    }
}
