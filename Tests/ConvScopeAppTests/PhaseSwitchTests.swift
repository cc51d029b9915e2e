import ConvScopeCore
import Terminal
import Testing
import Walkthroughs

@testable import ConvScopeApp

/// `b`, `B` and `f`: the order of the passes, and the selected cell carried between the
/// forward pass and dL/dA.
@Suite struct PhaseSwitchTests {
    /// The input element of output `(n, o, i, j)`'s first tap that is not padding, taps in
    /// the order the sum reads them (channel 0, kernel rows, then columns); nil when the
    /// whole window lies in the padding.
    func firstRealInput(of output: (n: Int, c: Int, i: Int, j: Int), _ g: ConvGeometry, size: HW) -> [Int]? {
        for p in 0..<g.kernel.h {
            for q in 0..<g.kernel.w {
                let h = output.i * g.stride.h + p * g.dilation.h - g.padding.h
                let w = output.j * g.stride.w + q * g.dilation.w - g.padding.w
                if (0..<size.h).contains(h) && (0..<size.w).contains(w) { return [output.n, 0, h, w] }
            }
        }
        return nil
    }

    @Test(arguments: 1...16 as ClosedRange<UInt64>) func bLandsOnTheFirstRealTapOfTheSelectedOutput(seed: UInt64) throws
    {
        let random = ScreenValueTests.Case(seed: seed)
        let Z = try random.referenceLayer.forward(random.input)
        var model = AppFixtures.single(try Scene.convolution("random", layer: random.screenLayer, input: random.input))
        var generator = SeededGenerator(seed: seed + 700)
        model.step = Int.random(in: 0..<Z.count, using: &generator)
        let output = OutputGrid(shape: Z.shape).position(ofStep: model.step)
        let size = HW(random.input.shape[2], random.input.shape[3])

        model.press(.character("b"))
        #expect(model.phase == .dLdA)
        let expected = firstRealInput(of: output, random.referenceLayer.geometry, size: size)
        // A window wholly in the padding feeds no input: dL/dA stays where it was (its start).
        #expect(model.step == expected.map { random.input.offset(of: $0) } ?? 0, "output \(output)")
        let input = random.input.index(ofOffset: model.step)
        #expect(model.render().plainText().contains("dLdA\(Formatting.index(input)) = "))
    }

    /// Forward on the strided demo scene, `b` then `f` from every output cell.
    @Test func fReturnsToTheOutputBCameFrom() throws {
        var model = try AppFixtures.demo().pressing(.tab)
        let lost = (0..<model.stepCount).filter { step in
            model.step = step
            return model.pressing(.character("b"), .character("f")).step != step
        }
        #expect(model.pressing(.character("b"), .character("f")).phase == .forward)
        #expect(lost.isEmpty, "b then f moves away from steps \(lost)")
    }

    @Test func bAndShiftBCycleThroughTheScenesPasses() throws {
        let linear = try AppFixtures.factoryScene(LayerSpec(kind: .linear), [:])
        let cases: [(AppModel, [Pass])] = [
            (try AppFixtures.demo(), [.forward, .dLdA, .taught, .dLdW, .dLdb]),
            (try AppFixtures.demo().pressing(.tab, .tab, .tab), [.forward, .dLdA]),
            (try AppFixtures.demo().pressing(Key.repeated(.tab, 5)), [.forward, .dLdA]),
            (AppFixtures.single(try AppFixtures.factoryScene(LayerSpec(kind: .relu), [:])), [.forward, .dLdA]),
            (AppFixtures.single(linear), [.forward, .dLdA, .dLdW, .dLdb]),
            (try AppFixtures.demo().pressing(Key.repeated(.tab, 7)), [.forward]),
        ]
        for (start, phases) in cases {
            var model = start
            var forward: [Pass] = []
            var backward: [Pass] = []
            for _ in phases {
                forward.append(model.phase)
                model.press(.character("b"))
            }
            #expect(model.phase == .forward, "\(start.scene.title): b wraps round")
            for _ in phases {
                model.press(.character("B"))
                backward.append(model.phase)
            }
            #expect(forward == phases, "\(start.scene.title)")
            #expect(backward == phases.reversed(), "\(start.scene.title)")
            // The header's second line says which pass is on screen.
            let second = start.pressing(.character("b")).render().plainTextLines()[1]
            #expect(second.hasPrefix("backward · ") == (phases.count > 1), "\(start.scene.title): \(second)")
        }
    }

    /// `f` from any backward pass goes to the forward pass: from the two dL/dA views to the
    /// same output (the element's first), from dL/dW and dL/db back to where forward was.
    @Test func fGoesToTheForwardPassFromEveryPhase() throws {
        let start = try AppFixtures.demo().pressing(.tab, .right, .right)
        let fromInput = start.pressing(.character("b"), .right, .character("f"))
        for presses in 1...4 {
            let model = start.pressing(Key.repeated(.character("b"), presses) + [.right])
            let back = model.pressing(.character("f"))
            #expect(back.phase == .forward)
            #expect(back.step == (presses <= 2 ? fromInput.step : 2), "from \(model.phase)")
        }
    }
}
