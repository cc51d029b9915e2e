import ConvScopeCore
import Terminal
import Testing

@testable import ConvScopeApp

/// The backward screens at the two reference sizes, after the keys a user would press.
@Suite struct BackwardSnapshotTests {
    /// The strided demo scene (stride 2, padding 1, two channels) in each backward pass.
    @Test(arguments: [(1, "dLdA", 9), (2, "taught", 9), (3, "dLdW", 7), (4, "dLdb", 1)])
    func stridedBackward(presses: Int, name: String, steps: Int) throws {
        try Snapshot.checkScreens(
            "strided-\(name)", [.tab] + Key.repeated(.character("b"), presses) + Key.repeated(.right, steps))
    }

    /// Max pooling from the output cell 3, then two input elements on.
    @Test func maxPoolingBackward() throws {
        try Snapshot.checkScreens(
            "maxpool-dLdA", Key.repeated(.tab, 3) + Key.repeated(.right, 3) + [.character("b"), .right, .right])
    }

    /// Mean pooling 3×3 stride 1: an element inside four windows.
    @Test func meanPoolingBackward() throws {
        try Snapshot.checkScreens("meanpool-dLdA", Key.repeated(.tab, 4) + [.character("b")] + Key.repeated(.right, 7))
    }

    @Test func upsamplingBackward() throws {
        try Snapshot.checkScreens("upsample-dLdA", Key.repeated(.tab, 5) + [.character("b")] + Key.repeated(.right, 4))
    }

    /// Downsampling backward at an element the downsample dropped.
    @Test func downsamplingBackward() throws {
        try Snapshot.checkScreens(
            "downsample-dLdA", Key.repeated(.tab, 6) + [.character("b")] + Key.repeated(.right, 8))
    }

    @Test func reluBackward() throws {
        let scene = try AppFixtures.factoryScene(LayerSpec(kind: .relu), [:])
        try Snapshot.checkScreens("relu-dLdA", [.character("b")] + Key.repeated(.right, 5)) {
            AppFixtures.single(scene, size: $0)
        }
    }

    /// The CNN's backward pass at the gradient entering Flatten.
    @Test func networkBackward() throws {
        try Snapshot.checkScreens("cnn-backward", Key.repeated(.tab, 9) + [.character("b"), .right, .right])
    }
}
