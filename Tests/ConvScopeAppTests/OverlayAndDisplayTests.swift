import Terminal
import Testing

@testable import ConvScopeApp

/// Help, quitting, numbers versus heat map, and resizing.
@Suite struct OverlayAndDisplayTests {
    static let helpTitle = "ConvScope keys"

    @Test func questionMarkOpensHelpAndAnyKeyClosesIt() throws {
        let model = try AppFixtures.demo().pressing(.right)
        let help = model.pressing(.character("?"))
        #expect(help.showsHelp)
        #expect(help.render().plainText().contains(Self.helpTitle))
        for key in [Key.character("x"), .right, .character("v"), .enter, .character("?")] {
            let closed = help.pressing(key)
            #expect(!closed.showsHelp, "\(key)")
            #expect(closed == model, "\(key) only closes the help")
            #expect(!closed.render().plainText().contains(Self.helpTitle))
        }
    }

    @Test func helpListsEveryBinding() throws {
        let screen = try AppFixtures.demo(size: AppFixtures.large).pressing(.character("?")).render().plainText()
        for binding in KeyMap.help {
            #expect(screen.contains(binding.key) && screen.contains(binding.action), "\(binding.key)")
        }
    }

    @Test func qAndEscapeQuit() throws {
        let model = try AppFixtures.demo()
        #expect(!model.wantsQuit)
        #expect(model.pressing(.character("q")).wantsQuit)
        #expect(model.pressing(.escape).wantsQuit)
        #expect(!model.pressing(.character("x")).wantsQuit)
    }

    @Test func vTogglesBetweenNumbersAndHeatMap() throws {
        let model = try AppFixtures.demo()
        let numbers = "0 9 9 9 0 0"
        #expect(model.render().plainText().contains(numbers))
        let heat = model.pressing(.character("v"))
        #expect(heat.display == .heatmap)
        #expect(!heat.render().plainText().contains(numbers))
        #expect(heat.render().plainText().contains(HeatmapMode.upperHalfBlock))
        let back = heat.pressing(.character("v"))
        #expect(back.display == .numbers)
        #expect(back.render().plainText().contains(numbers))
    }

    @Test func resizeChangesTheScreenSize() throws {
        var model = try AppFixtures.demo()
        for size in [Size(width: 100, height: 30), Size(width: 40, height: 10), AppFixtures.small] {
            model.update(.resize(size))
            #expect(model.size == size)
            #expect(model.render().size == size)
        }
    }

    @Test func tooSmallBelowTheMinimumOnly() throws {
        var model = try AppFixtures.demo()
        let minimum = ScreenLayout.minimumSize
        for (size, small) in [
            (minimum, false), (Size(width: minimum.width - 1, height: minimum.height), true),
            (Size(width: minimum.width, height: minimum.height - 1), true),
        ] {
            model.update(.resize(size))
            #expect(model.render().plainText().contains("too small") == small, "\(size)")
        }
    }
}
