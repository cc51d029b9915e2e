import Terminal
import Testing

@testable import ConvScopeApp

/// The key table is the one source of keys: every action has a key the help names, no key
/// is bound twice, and the hint texts in screens name the table's keys.
@Suite struct KeyMapTests {
    @Test(arguments: Action.allCases) func everyActionHasAShownKeyThatPerformsIt(action: Action) throws {
        let shown = KeyMap.table.filter { $0.action == action && $0.shown }
        try #require(!shown.isEmpty)
        for binding in shown { #expect(KeyMap.action(for: binding.key) == action) }
        #expect(KeyMap.help.contains { $0.key.split(separator: " ").contains(Substring(KeyMap.key(action))) })
    }

    @Test func noKeyIsBoundTwice() {
        let keys = KeyMap.table.map(\.key)
        #expect(Set(keys).count == keys.count)
        let menuKeys = KeyMap.menuTable.map(\.key)
        #expect(Set(menuKeys).count == menuKeys.count)
    }

    @Test func screenHintsNameTheTablesKeys() throws {
        var network = AppFixtures.single(try NetworkScene.scene(), size: AppFixtures.large)
        let line = network.render().plainTextLines()[1]
        #expect(line.contains("\(KeyMap.key(.openLayer)) open · \(KeyMap.key(.trainStep)) step"))
        network.press(.character("b"))
        let backward = network.render().plainTextLines()[1]
        #expect(
            backward.contains(
                "\(KeyMap.key(.togglePlay)) train · "
                    + "\(KeyMap.key(.nextSample))/\(KeyMap.key(.previousSample)) sample · "
                    + "\(KeyMap.key(.nextPhase)) back"), "\(backward)")
    }
}
