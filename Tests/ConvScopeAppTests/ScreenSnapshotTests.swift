import Terminal
import Testing

@testable import ConvScopeApp

/// Every kind of screen at the two reference sizes, after the keys a user would press.
@Suite struct ScreenSnapshotTests {
    @Test func influenceFirstStep() throws { try Snapshot.checkScreens("influence-first", []) }

    @Test func influenceMiddleStepInSecondChannel() throws {
        try Snapshot.checkScreens("influence-middle", Key.repeated(.right, 18))
    }

    @Test func influenceLastStep() throws { try Snapshot.checkScreens("influence-last", Key.typing("G")) }

    @Test func stridedAndPadded() throws { try Snapshot.checkScreens("strided", [.tab] + Key.repeated(.right, 5)) }

    @Test func dilated() throws {
        try Snapshot.checkScreens("dilated", Key.repeated(.tab, 2) + Key.repeated(.right, 4))
    }

    @Test func maxPooling() throws {
        try Snapshot.checkScreens("maxpool", Key.repeated(.tab, 3) + Key.repeated(.right, 4))
    }

    @Test func meanPooling() throws {
        try Snapshot.checkScreens("meanpool", Key.repeated(.tab, 4) + Key.repeated(.right, 7))
    }

    @Test func helpOverlay() throws { try Snapshot.checkScreens("help", Key.typing("?")) }

    @Test func heatMap() throws { try Snapshot.checkScreens("heatmap", Key.repeated(.right, 9) + Key.typing("v")) }

    @Test func terminalTooSmall() throws {
        try Snapshot.checkScreens("too-small", [], sizes: [Size(width: 40, height: 10)])
    }

    @Test func imageSizedInput() throws {
        let scene = try AppFixtures.imageSizedConv()
        try Snapshot.checkScreens("image-sized", Key.repeated(.down, 40) + Key.repeated(.right, 60)) {
            AppFixtures.single(scene, size: $0)
        }
    }

    @Test func nonFiniteInput() throws {
        let scene = try AppFixtures.nonFiniteConv()
        try Snapshot.checkScreens("non-finite", Key.repeated(.right, 7)) { AppFixtures.single(scene, size: $0) }
    }
}
