import ConvScopeCore
import Foundation
import Terminal
import Testing
import Walkthroughs

@testable import ConvScopeApp

/// The CNN screen's data (issue 12, points 1 and 3): the width chain of the assignment's CNN
/// (its expected text is the assignment's worked example), the current batch sample with its
/// label, prediction and softmax probabilities (from the definition, by hand), `n`/`N`
/// changing the sample, training keeping the view, and a parameter column that is never cut.
@Suite struct NetworkDataTests {
    static let chain = "128 → (128 − 5)//1 + 1 = 124 → (124 − 6)//2 + 1 = 60 → (60 − 2)//2 + 1 = 30"

    /// The assignment's architecture on a seeded batch of three signals labelled 2, 0, 9 (ten classes).
    func assignment(size: Size) throws -> AppModel {
        let scene = try NetworkScene.scene(
            architecture: .assignment, seed: 5,
            images: Tensor.randomNormal(shape: [3, 24, 128], seed: 3),
            labels: Tensor([2, 0, 9] as [Double]), title: "the whole CNN learning")
        return AppFixtures.single(scene, size: size)
    }

    func state(_ model: AppModel) throws -> NetworkState {
        guard case .network(let state) = model.scene.content else { throw LayerError("not a network scene") }
        return state
    }

    @Test func theChainAndTheLinearInputAreOnOneLineAt120Columns() throws {
        let lines = try assignment(size: AppFixtures.large).render().plainTextLines()
        #expect(lines.contains { $0.hasPrefix("widths \(Self.chain) · Linear input 14 · 30 = 420") }, "\(lines)")
    }

    /// At 80 columns the chain folds between links: every link's formula is whole on one line.
    @Test func theChainFoldsAt80ColumnsWithoutCuttingALink() throws {
        let lines = try assignment(size: AppFixtures.small).render().plainTextLines()
        let start = try #require(lines.firstIndex { $0.hasPrefix("widths 128") }, "\(lines)")
        let folded = lines[start...start + 1]
        let links = [
            "(128 − 5)//1 + 1 = 124", "(124 − 6)//2 + 1 = 60", "(60 − 2)//2 + 1 = 30", "Linear input 14 · 30 = 420",
        ]
        for link in links {
            #expect(folded.contains { $0.contains(link) }, "\(link) in \(folded)")
        }
        #expect(
            folded.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
                == "widths \(Self.chain) · Linear input 14 · 30 = 420")
    }

    @Test func foldingKeepsPiecesWhole() {
        #expect(TextFolding.fold(["ab", "cd e", "fg"], width: 7, indent: " ") == ["ab cd e", " fg"])
        #expect(TextFolding.fold(["abcdefgh", "x"], width: 4) == ["abcdefgh", "x"])
        #expect(Formatting.wrap("one two  three", width: 7) == ["one two", "three"])
    }

    /// `n` and `N` move through the batch, wrapping; the rest of the model is untouched.
    @Test func nAndShiftNChangeTheSample() throws {
        let model = try assignment(size: AppFixtures.large)
        let start = try state(model)
        var expected = model
        expected.scenes[0].content = .network(start.showing(sample: 1))
        #expect(Bool(model.pressing([.character("n")]) == expected))
        expected.scenes[0].content = .network(start.showing(sample: 2))
        #expect(Bool(model.pressing([.character("N")]) == expected), "N wraps from the first sample to the last")
        #expect(Bool(model.pressing([.character("n"), .character("n"), .character("n")]) == model))
        let (_, effects) = update(model, .key(.character("n")))
        #expect(effects.isEmpty, "changing the sample trains nothing")
    }

    /// The sample's input, label, prediction and probabilities, from the logits by hand.
    @Test(arguments: 0..<3) func theScreenShowsTheSamplesData(n: Int) throws {
        let model = try assignment(size: AppFixtures.large).pressing(Key.repeated(.character("n"), n))
        let state = try state(model)
        let logits = state.activations.last!
        let exps = (0..<10).map { exp(logits[n, $0]) }
        let total = exps.reduce(0, +)
        let predicted = (0..<10).max { exps[$0] < exps[$1] }!
        let label = [2, 0, 9][n]
        let text = model.render().plainText()
        let verdict = label == predicted ? "right" : "wrong"
        #expect(text.contains("A[\(n)]: label \(label), predicted \(predicted) (\(verdict))"))
        #expect(text.contains("input A[\(n)] (24,128)"))
        let mark = label == predicted ? " label, predicted" : " predicted"
        #expect(text.contains("\(predicted) " + NumberFormat.fixed(exps[predicted] / total, decimals: 4) + mark))
        #expect(text.contains("output of layer 1 (3,56,124), sample \(n) shown"))
        for k in 0..<10 {
            #expect(abs(state.probabilities[n, k] - exps[k] / total) < 1e-12)
        }
    }

    /// Space trains where the user stands: the step (even the last) and the sample stay.
    @Test(arguments: [2, 8]) func trainingKeepsTheStepAndTheSample(step: Int) throws {
        var model = try assignment(size: AppFixtures.large)
        model.press(Key.repeated(.right, step) + [.character("n"), .character(" ")])
        #expect(model.isPlaying && model.step == step)
        model.update(.tick)
        model.update(.tick)
        model.press(.character(" "), .character("s"))
        let state = try state(model)
        #expect(state.losses.count == 4, "two ticks and one s: three SGD steps")
        #expect((model.step, state.sample) == (step, 1))
    }

    /// A layer with 200 parameters (8 kernels 3 × 8 and 8 biases) at 80 columns: every
    /// shape and count whole in the stack.
    @Test func theParameterColumnIsNeverCut() throws {
        let architecture = CNNArchitecture(
            inputWidth: 0, inputChannels: 0, channels: [8], kernelSizes: [8],
            strides: [1], activations: [.relu], classes: 0, learningRate: 0.1)
        let scene = try NetworkScene.scene(
            architecture: architecture, seed: 1,
            images: Tensor.randomNormal(shape: [10, 3, 56], seed: 2),
            labels: Tensor((0..<10).map(Double.init)), title: "t")
        let lines = AppFixtures.single(scene, size: AppFixtures.small).render().plainTextLines()
        let conv = try #require(lines.first { $0.contains("Conv1d(3,8,k8)") }, "\(lines)")
        #expect(conv.firstMatch(of: /\(10,8,49\) +200p│/) != nil, "\(conv)")
        let linear = try #require(lines.first { $0.contains("Linear(392,10)") })
        #expect(linear.firstMatch(of: /\(10,10\) +3930p│/) != nil, "\(linear)")
    }
}
