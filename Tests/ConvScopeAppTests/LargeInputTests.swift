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

/// The convolution screens size and colour their big maps from the walkthrough's kept
/// summaries: the product column's bound is the one a pass over W and A gives, and a
/// wrong-shaped dL/dZ is still refused when the scene is made.
@Suite struct KeptConvSummaryScreenTests {
    /// The largest finite |x| of W times that of A, and whether both hold only whole
    /// numbers among their finite elements, by definition.
    static func definedBound(_ W: Tensor, _ A: Tensor) -> (Double, Bool) {
        func scan(_ t: Tensor) -> (Double, Bool) {
            let finite = t.scalars.filter(\.isFinite)
            return (finite.map(\.magnitude).max() ?? 0, finite.allSatisfy { $0 == $0.rounded() })
        }
        let (w, wWhole) = scan(W)
        let (a, aWhole) = scan(A)
        return (w * a, wWhole && aWhole)
    }

    @Test(arguments: 0..<30)
    func productBoundIsTheDefinitions(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        func draw(_ count: Int) -> Tensor {
            let scale = [1e-3, 0.5, 3, 1e6][Int.random(in: 0..<4, using: &generator)]
            let whole = Bool.random(using: &generator)
            return Tensor(
                shape: [count],
                scalars: (0..<count).map { _ in
                    let pick = Int.random(in: 0..<10, using: &generator)
                    if pick == 0 {
                        return [Double.nan, .infinity, -.infinity][Int.random(in: 0..<3, using: &generator)]
                    }
                    let x = Double.random(in: -scale...scale, using: &generator)
                    return whole ? x.rounded() : x
                })
        }
        let (W, A) = (draw(Int.random(in: 0...12, using: &generator)), draw(Int.random(in: 0...40, using: &generator)))
        let kept = ConvScreen.productBound(kernel: NumberExtent(W), input: NumberExtent(A))
        let defined = Self.definedBound(W, A)
        #expect(kept.bound == defined.0 && kept.integral == defined.1, "\(W.scalars) \(A.scalars)")
    }

    @Test func wrongGradientShapeIsRefusedWhenTheSceneIsMade() {
        let layer = Conv2d(inChannels: 1, outChannels: 2, kernelSize: HW(square: 3), seed: 1)
        #expect(throws: LayerError.self) {
            try Scene.convolution(
                "wrong", layer: layer.function, input: Tensor(shape: [1, 1, 5, 5], repeating: 1),
                dLdZ: Tensor(shape: [1, 2, 3, 4]))
        }
    }
}
