import ConvScopeCore
import Terminal
import Testing
import Walkthroughs

@testable import ConvScopeApp

/// A 1×3×224×224 image through a 2-channel convolution renders fast at any step and size.
@Suite struct LargeInputTests {
    @Test func imageSizedInputRendersWellUnderASecond() throws {
        let scene = try AppFixtures.imageSizedConv()
        let clock = ContinuousClock()
        let cases = [
            (AppFixtures.small, MapDisplay.automatic), (AppFixtures.large, .automatic),
            (Size(width: 250, height: 80), .numbers),
        ]
        for (size, display) in cases {
            var model = AppFixtures.single(scene, size: size)
            model.display = display
            model.step = scene.stepCount(.forward) / 2 + 77
            // The faster of two renders, so a busy machine does not decide the outcome; a
            // debug build takes about 0.3 s here at every size, over 0.5 s while other suites run.
            let elapsed = (0..<2).map { _ in clock.measure { _ = model.render() } }.min()!
            #expect(elapsed < .seconds(1), "\(size) \(display): \(elapsed)")
        }
    }

    @Test func imageSizedInputStepsTheWholeWay() throws {
        var model = AppFixtures.single(try AppFixtures.imageSizedConv())
        model.press(.character("G"))
        #expect(model.step == 2 * 112 * 112 - 1)
        #expect(model.render().plainText().contains("step 25088/25088"))
    }
}

/// A pooling screen sizes its number columns from each tensor's kept extent: the same widths
/// and decimals as formatting from every element; a big pooling scene draws its forward
/// screen and, when asked, its deferred backward pass is the layer's.
@Suite struct KeptExtentTests {
    @Test(arguments: 0..<40)
    func extentFormatsLikeEveryElement(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        let scale = [1e-4, 0.03, 1, 250, 1e7][seed % 5]
        let values: [Double] = (0..<Int.random(in: 0...20, using: &generator)).map { _ in
            let pick = Int.random(in: 0..<12, using: &generator)
            if pick == 0 { return [Double.nan, .infinity, -.infinity, -0.0][seed % 4] }
            let x = Double.random(in: -scale...scale, using: &generator)
            return seed % 2 == 0 ? x.rounded() : x
        }
        #expect(Formatting.numberFormat(NumberExtent(values)) == MapView.numberFormat(for: values), "\(values)")
    }

    @Test func bigPoolingDrawsAndDefersItsBackward() throws {
        let A = Tensor(shape: [1, 4, 256, 256]) { Double(($0 * 7919) % 1000) / 7 - 70 }
        let scene = try Scene.pooling("big", layer: MaxPool2d(kernel: 2, stride: 2).function, input: A)
        let model = AppFixtures.single(scene, size: Size(width: 120, height: 40))
        #expect(model.scene.stepCount(.dLdA) == A.count)
        let text = model.render().plainText()
        #expect(text.contains("MaxPool2d"))
        guard case .pooling(_, let backward) = scene.content else {
            Issue.record("not pooling")
            return
        }
        // Now computed, and the layer's own.
        #expect(
            backward.dLdA
                == (try MaxPool2d(kernel: 2, stride: 2).function.backward(
                    backward.forward.record, Tensor(shape: [1, 4, 128, 128], repeating: 1)
                ).dLdA))
    }
}
