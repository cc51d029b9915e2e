@testable import ConvScopeApp
import Terminal
import Testing
import Walkthroughs

/// A 1×3×224×224 image through a 2-channel convolution renders fast at any step and size.
@Suite struct LargeInputTests {
    @Test func imageSizedInputRendersWellUnderASecond() throws {
        let scene = try AppFixtures.imageSizedConv()
        let clock = ContinuousClock()
        let cases = [(AppFixtures.small, MapDisplay.automatic), (AppFixtures.large, .automatic),
                     (Size(width: 250, height: 80), .numbers)]
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
