import ConvScopeCore
import Terminal
import Testing
import Walkthroughs

@testable import ConvScopeApp

/// The user's answer on screen: mismatching cells marked, the mistake in the header, the
/// two values of the current cell, and the keys that jump between mismatches.
@Suite struct AnswerOverlayTests {
    static let bundle = [
        "A": Tensor.randomNormal(shape: [1, 2, 6], seed: 1), "W": Tensor.randomNormal(shape: [3, 2, 3], seed: 2),
        "b": Tensor.randomNormal(shape: [3], seed: 3), "dLdZ": Tensor.randomNormal(shape: [1, 3, 4], seed: 4),
    ]
    static let spec = LayerSpec(kind: .conv1d)
    static let right = try! spec.run(on: bundle)

    /// A model of the conv1d screens with `answer` laid over them, on `phase`.
    func model(_ answer: [String: Tensor], phase: Pass) throws -> AppModel {
        let scenes = try SceneFactory.scenes(for: Self.spec, bundle: Self.bundle)
        var model = AppModel(scenes: scenes, size: Size(width: 110, height: 30), capabilities: .minimal)
        model.answer = AnswerOverlay(
            try AnswerCheck(spec: Self.spec, bundle: Self.bundle, answer: answer), scenes: scenes)
        model.phase = phase
        return model
    }

    /// The user's dLdA with the elements at `offsets` changed.
    static func dLdA(wrongAt offsets: [Int]) -> Tensor {
        var t = right["dLdA"]!
        for offset in offsets { t.scalars[offset] += 1 }
        return t
    }

    @Test func mismatchingCellsOfTheMapBeingFilledInAreMarked() throws {
        let model = try model(["dLdA": Self.dLdA(wrongAt: [3, 7])], phase: .dLdA)
        let plan = try #require(ScreenLayout(model: model).plan)
        let output = try #require(plan.outputPanel)
        let map = try #require(plan.panels[output].map)
        let marks = (0..<map.rows).flatMap { r in (0..<map.columns).map { map.mark(r, $0) } }
        // dLdA[0,0] is drawn: offsets 3 differs; the current step 0 keeps its mark.
        #expect(marks[0] == .current)
        #expect(marks[3] == .mismatch)
        #expect(marks.filter { $0 == .mismatch }.count == 1)
        #expect(MarkStyle.numberStyle(.mismatch, value: 0) != MarkStyle.numberStyle(.argmax, value: 0))
    }

    @Test func theKeyLineShowsBothValuesOfTheCurrentCell() throws {
        var model = try model(["dLdA": Self.dLdA(wrongAt: [3, 7])], phase: .dLdA)
        model.step = 3
        let text = model.render().plainText()
        let library = Formatting.number(Self.right["dLdA"]!.scalars[3])
        let mine = Formatting.number(Self.right["dLdA"]!.scalars[3] + 1)
        #expect(text.contains("dLdA[0,0,3]: yours \(mine) ≠ library \(library)   2 of 12 differ"), "\(text)")
        #expect(text.contains("✗ yours: 2 of 12 differ"))
    }

    @Test func theRecognisedMistakeIsNamedInTheHeader() throws {
        let flipped = try Self.spec.run(on: Self.bundle.merging(["W": Self.bundle["W"]!.flipped(axes: [2])]) { $1 })
        let model = try model(["dLdA": flipped["dLdA"]!], phase: .dLdA)
        #expect(model.render().plainTextLines()[0].hasSuffix("✗ yours: unflipped kernel in backward"))
    }

    @Test func aMapTheAnswerDoesNotCoverShowsTheOtherTensorsVerdict() throws {
        let model = try model(["dLdA": Self.dLdA(wrongAt: [1]), "Z": Self.right["Z"]!], phase: .dLdW)
        #expect(model.render().plainTextLines()[0].hasSuffix("✗ yours: dLdA: 1 of 12 differ"))
    }

    @Test func xAndShiftXJumpBetweenMismatchesOfTheCurrentPhase() throws {
        var model = try model(["dLdA": Self.dLdA(wrongAt: [3, 7]), "Z": Self.right["Z"]!], phase: .dLdA)
        var visited: [Int] = []
        for key in ["x", "x", "x", "X", "X"] {
            model.update(.key(.character(Character(key))))
            visited.append(model.step)
        }
        #expect(visited == [3, 7, 3, 7, 3])
        model.switchPhase(to: .forward)
        let before = model.step
        model.update(.key(.character("x")))
        #expect(model.step == before, "Z matches: nothing to jump to")
    }

    /// A transposed convolution's stages show the upsampled A and the gradient for it: only
    /// the maps that are the layer's own Z and dLdA are checked.
    @Test func onlyMapsShowingTheCheckedTensorAreChecked() throws {
        let spec = LayerSpec(kind: .convtranspose1d)
        let bundle = [
            "A": Tensor.randomNormal(shape: [1, 2, 4], seed: 5), "W": Tensor.randomNormal(shape: [2, 2, 2], seed: 6),
            "b": Tensor([0.5, -1]), "dLdZ": Tensor.randomNormal(shape: [1, 2, 6], seed: 7),
        ]
        let right = try spec.run(on: bundle)
        let scenes = try SceneFactory.scenes(for: spec, bundle: bundle)
        let overlay = AnswerOverlay(
            try AnswerCheck(spec: spec, bundle: bundle, answer: ["Z": right["Z"]!, "dLdA": right["dLdA"]!]),
            scenes: scenes)
        #expect(overlay.checked(scene: 0, phase: .forward) == nil)
        #expect(overlay.checked(scene: 0, phase: .dLdA)?.check.key == "dLdA")
        #expect(overlay.checked(scene: 1, phase: .forward)?.check.key == "Z")
        #expect(overlay.checked(scene: 1, phase: .dLdA) == nil)
    }
}
