import ConvScopeCore
import Terminal
import Testing

@testable import ConvScopeApp

/// The screens of resampling, Linear, Flatten, the scanning MLP, the CNN and the live
/// sizes at the two reference sizes, and `render`'s plain text with its marks.
@Suite struct LayerScreenSnapshotTests {
    /// A model of the factory's screen for `kind` with built-in tensors.
    static func factory(_ kind: LayerKind) -> (Size) throws -> AppModel {
        { size in AppFixtures.single(try AppFixtures.factoryScene(LayerSpec(kind: kind), [:]), size: size) }
    }

    @Test func upsamplingForward() throws {
        try Snapshot.checkScreens("upsample-forward", Key.repeated(.tab, 5) + Key.repeated(.right, 8))
    }

    @Test func downsamplingForward() throws {
        try Snapshot.checkScreens("downsample-forward", Key.repeated(.tab, 6) + Key.repeated(.right, 5))
    }

    @Test func linearForward() throws {
        try Snapshot.checkScreens("linear-forward", Key.repeated(.right, 4), start: Self.factory(.linear))
    }

    @Test func linearWeightGradient() throws {
        try Snapshot.checkScreens(
            "linear-dLdW", Key.typing("bb") + Key.repeated(.right, 6), start: Self.factory(.linear))
    }

    @Test func flattenForward() throws {
        try Snapshot.checkScreens("flatten-forward", Key.repeated(.right, 7), start: Self.factory(.flatten))
    }

    @Test func scanningTeachingScene() throws {
        try Snapshot.checkScreens("scanning", Key.repeated(.tab, 7) + Key.repeated(.right, 2))
    }

    /// The CNN after three SGD steps, at the second layer's output.
    @Test func networkForward() throws {
        try Snapshot.checkScreens("cnn-forward", Key.repeated(.tab, 9) + Key.typing("sss") + [.right])
    }

    /// The strided scene with its input grown to 8: the stride now skips a row and a column.
    @Test func liveSizesAfterAChange() throws {
        try Snapshot.checkScreens("live-sizes", [.tab] + Key.repeated(.character("e"), 6) + [.character(">")])
    }

    /// The influence scene's input shrunk to 2×2, smaller than its 3×3 kernel.
    @Test func impossibleSizes() throws {
        try Snapshot.checkScreens("impossible", Key.repeated(.character("e"), 6) + Key.repeated(.character("<"), 4))
    }

    /// What `render` prints (no colour, ASCII): `*` marks the routed dLdZ, `^` the element
    /// as its windows' maximum, `<` the current cell.
    @Test func renderPlainTextMarks() throws {
        try Snapshot.checkScreens(
            "render-maxpool-dLdA", Key.repeated(.tab, 3) + Key.repeated(.right, 3) + [.character("b")],
            sizes: [Size(width: 100, height: 30)]
        ) { size in
            AppModel(scenes: try Demo.scenes(), size: size, capabilities: .minimal)
        }
    }
}
