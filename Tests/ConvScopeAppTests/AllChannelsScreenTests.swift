import ConvScopeCore
import Foundation
import Terminal
import Testing
import Walkthroughs

@testable import ConvScopeApp

/// Issue 11 point 4: the element-walk screens show every kernel and every map of the sample
/// at once when they fit (the slides' influence picture), and say which channels are shown
/// when they do not.
@Suite struct AllChannelsScreenTests {
    static let wide = Size(width: 180, height: 60)

    /// The demo's first scene on a 180×60 screen after `keys`, maps in numbers.
    func influence(_ keys: [Key]) throws -> ScreenText {
        var model = try AppFixtures.demo(size: Self.wide)
        model.press(keys)
        return ScreenText(buffer: model.render())
    }

    /// The demo's first scene as a separate layer object: expected values independent of the screen's walk.
    func influenceLayer() throws -> Conv2d {
        try Conv2d(weight: EdgeKernels.pair(size: 3), bias: Tensor([0, 1]))
    }

    @Test func theLastForwardStepShowsEveryZValue() throws {
        let Z = try influenceLayer().forward(Demo.image)
        let screen = try influence(Key.typing("G"))
        for o in 0..<Z.shape[1] {
            try ShownValues.expectMap(screen, titled: "Z[0,\(o)]", rows: Z.shape[2], columns: Z.shape[3]) { r, c in
                .value(Z[0, o, r, c])
            }
        }
        // Every kernel too, beside the input.
        for o in 0..<EdgeKernels.pair(size: 3).shape[0] {
            try ShownValues.expectMap(screen, titled: "W[\(o),0]", rows: 3, columns: 3) { r, c in
                .value(EdgeKernels.pair(size: 3)[o, 0, r, c])
            }
        }
    }

    @Test func theLastDLdWStepShowsEveryDLdWValue() throws {
        let model = try AppFixtures.demo(size: Self.wide)
        guard case .convolution(_, let backward) = model.scene.content else {
            Issue.record("the demo's first scene is not a convolution")
            return
        }
        let layer = try influenceLayer()
        _ = try layer.forward(Demo.image)
        _ = try layer.backward(backward.dLdZ)
        // forward, dLdA, taught, dLdW: three presses of `b`.
        let screen = try influence(Key.typing("bbbG"))
        for o in 0..<layer.dLdW.shape[0] {
            try ShownValues.expectMap(screen, titled: "dLdW[\(o),0]", rows: 3, columns: 3) { r, c in
                .value(layer.dLdW[o, 0, r, c])
            }
        }
    }

    /// A 1-in, 8-out convolution: too many output maps for 80×24.
    func manyChannels(size: Size) throws -> AppModel {
        let W = Tensor(shape: [8, 1, 3, 3]) { k in Double((k / 9 + k % 9) % 5 - 2) }
        let A = Tensor(shape: [1, 1, 6, 6]) { k in Double(k % 7) }
        let layer = try Conv2d(weight: W, bias: Tensor(shape: [8]) { Double($0) }).function
        return AppFixtures.single(try Scene.convolution("eight kernels", layer: layer, input: A), size: size)
    }

    /// The header names the output channels shown; exactly those maps are drawn, the focused one among them.
    @Test func aManyChannelConvSaysWhichChannelsAreShown() throws {
        var model = try manyChannels(size: AppFixtures.small)
        for _ in 0..<8 {
            let screen = ScreenText(buffer: model.render())
            let text = screen.buffer.plainText()
            let focus = model.step / 16
            let match = try #require(text.firstMatch(of: /Z\[0, (\d+)–(\d+)\] of 8 shown/), "\(text)")
            let shown = try #require(Int(match.1))...(try #require(Int(match.2)))
            #expect(shown.contains(focus) && shown.count < 8)
            for o in 0..<8 {
                #expect(
                    (screen.panel(titled: "Z[0,\(o)]") != nil) == shown.contains(o), "Z[0,\(o)] with \(shown) shown")
            }
            model.press(.character("c"))
        }
        // With room for all, no note.
        let roomy = try manyChannels(size: ShownValues.roomy).render().plainText()
        #expect(!roomy.contains("of 8 shown"))
        for o in 0..<8 { #expect(roomy.contains("Z[0,\(o)]")) }
    }

    @Test func manyChannelSnapshots() throws {
        try Snapshot.checkScreens("many-channels", Key.repeated(.right, 5) + Key.typing("ccc")) {
            try manyChannels(size: $0)
        }
        try Snapshot.checkScreens("many-channels-dLdW", Key.typing("bbb") + Key.repeated(.right, 40)) {
            try manyChannels(size: $0)
        }
    }

    /// Max pooling over two channels: both output maps, the focused one filling in.
    @Test func poolingShowsEveryChannelsOutput() throws {
        let A = Tensor(shape: [1, 2, 6, 6]) { k in Double(k * 5 % 9) }
        let scene = try Scene.pooling("two channels", layer: MaxPool2d(kernel: 2, stride: 2).function, input: A)
        let expected = try MaxPool2d(kernel: 2, stride: 2).forward(A)
        var model = AppFixtures.single(scene, size: AppFixtures.large)
        model.press(.character("G"))
        let screen = ScreenText(buffer: model.render())
        for c in 0..<2 {
            try ShownValues.expectMap(screen, titled: "Z[0,\(c)]", rows: 3, columns: 3) { r, q in
                .value(expected[0, c, r, q])
            }
        }
        try Snapshot.checkScreens("maxpool-two-channels", Key.repeated(.right, 11)) {
            AppFixtures.single(scene, size: $0)
        }
    }
}
