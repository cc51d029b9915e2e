@testable import ConvScopeApp
import Terminal
import Testing

/// Every kind of screen at the two reference sizes, after the keys a user would press.
@Suite struct ScreenSnapshotTests {
    /// Renders the model `start` makes at each size after `keys` and checks `NAME-WxH`.
    private func check(_ name: String, _ keys: [Key], sizes: [Size] = [AppFixtures.small, AppFixtures.large],
                       start: (Size) throws -> AppModel = { try AppFixtures.demo(size: $0) },
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        for size in sizes {
            var model = try start(size)
            model.press(keys)
            Snapshot.check(model.render(), named: "\(name)-\(size)", sourceLocation: sourceLocation)
        }
    }

    @Test func influenceFirstStep() throws { try check("influence-first", []) }

    @Test func influenceMiddleStepInSecondChannel() throws {
        try check("influence-middle", Key.repeated(.right, 18))
    }

    @Test func influenceLastStep() throws { try check("influence-last", Key.typing("G")) }

    @Test func stridedAndPadded() throws { try check("strided", [.tab] + Key.repeated(.right, 5)) }

    @Test func dilated() throws { try check("dilated", Key.repeated(.tab, 2) + Key.repeated(.right, 4)) }

    @Test func maxPooling() throws { try check("maxpool", Key.repeated(.tab, 3) + Key.repeated(.right, 4)) }

    @Test func meanPooling() throws { try check("meanpool", Key.repeated(.tab, 4) + Key.repeated(.right, 7)) }

    @Test func helpOverlay() throws { try check("help", Key.typing("?")) }

    @Test func heatMap() throws { try check("heatmap", Key.repeated(.right, 9) + Key.typing("v")) }

    @Test func terminalTooSmall() throws {
        try check("too-small", [], sizes: [Size(width: 40, height: 10)])
    }

    @Test func imageSizedInput() throws {
        let scene = try AppFixtures.imageSizedConv()
        try check("image-sized", Key.repeated(.down, 40) + Key.repeated(.right, 60)) { AppFixtures.single(scene, size: $0) }
    }

    @Test func nonFiniteInput() throws {
        let scene = try AppFixtures.nonFiniteConv()
        try check("non-finite", Key.repeated(.right, 7)) { AppFixtures.single(scene, size: $0) }
    }
}
