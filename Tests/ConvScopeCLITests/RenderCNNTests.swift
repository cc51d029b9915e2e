import ConvScopeCore
import Foundation
import TensorFiles
import Testing

/// `convscope render cnn`, `cnn`'s architecture options and the assignment-cnn sample, end to
/// end. The expected chain is the assignment's worked example (issue 12, spec §10).
@Suite struct RenderCNNTests {
    static let chain = "128 → (128 − 5)//1 + 1 = 124 → (124 − 6)//2 + 1 = 60 → (60 − 2)//2 + 1 = 30"

    func render(_ options: [String]) throws -> ConvscopeProcess.Result {
        try ConvscopeProcess.run(["render", "cnn", "--sample", "assignment-cnn"] + options)
    }

    /// The loss on the screen's third line, `batch (10,24,128)  lr 0.0010  loss 22.04  …`.
    func shownLoss(_ output: String) throws -> Double {
        let line = try #require(output.split(separator: "\n").first { $0.hasPrefix("batch ") }, "\(output)")
        let words = line.split(separator: " ")
        let index = try #require(words.firstIndex(of: "loss"))
        return try #require(Double(words[index + 1]), "\(line)")
    }

    @Test func theAssignmentsCNNShowsItsChainAnd420() throws {
        let result = try render(["--size", "120x40"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\nwidths \(Self.chain) · Linear input 14 · 30 = 420\n"), "\(result.stdout)")
        #expect(result.stdout.components(separatedBy: "Linear input").count == 2, "the chain is on the screen, once")
        #expect(result.stdout.contains("Linear(420,10)"), "the stack lists the Linear layer sized by the chain")
        #expect(result.stdout.contains("batch (10,24,128)  lr 0.0010"))
        for layer in [
            "Conv1d(24,56,k5)", "Tanh", "Conv1d(56,28,k6,s2)", "ReLU", "Conv1d(28,14,k2,s2)", "Sigmoid", "Flatten",
        ] {
            #expect(result.stdout.contains(layer), "\(layer)")
        }
    }

    @Test func trainingChangesTheLoss() throws {
        let before = try render([])
        let after = try render(["--train", "3"])
        #expect(before.status == 0 && after.status == 0, "\(before.stderr) \(after.stderr)")
        #expect(after.stdout.contains("after 3 SGD steps"))
        let (first, third) = (try shownLoss(before.stdout), try shownLoss(after.stdout))
        #expect(third < first, "SGD on a fixed batch lowers its loss: \(first) → \(third)")
    }

    @Test func layerAndPassSelectTheStep() throws {
        let forward = try render(["--layer", "8"])
        #expect(forward.stdout.hasPrefix("ConvScope · step 8/9 "), "\(forward.stdout.prefix(80))")
        let backward = try render(["--layer", "1", "--phase", "backward"])
        #expect(backward.stdout.hasPrefix("ConvScope · step 9/9 "), "\(backward.stdout.prefix(80))")
        let stepped = try render(["--step", "3"])
        #expect(stepped.stdout.hasPrefix("ConvScope · step 3/9 "), "\(stepped.stdout.prefix(80))")
    }

    @Test(arguments: [
        (
            ["--kernels", "5,100,100"],
            "sample assignment-cnn: cnn: convolution 3 gets width 13, narrower than its kernel 100 "
                + "((13 − 100)//2 + 1 = -43): use a wider input, smaller kernels or smaller strides"
        ),
        (
            ["--strides", "1,2"],
            "sample assignment-cnn: cnn: 3 channels, 3 kernel sizes, 2 strides and 3 activations: "
                + "give one of each per convolution"
        ),
        (
            ["--activations", "tanh,gelu,relu"],
            "--activations: unknown activation \"gelu\"; use tanh, relu, sigmoid, identity"
        ),
        (
            ["--channels", "56,x"],
            "--channels 56,x is not a list of whole numbers ≥ 1 separated by commas, such as 56,28,14"
        ),
        (["--layer", "10"], "--layer 10 is out of range: this CNN has layers 1 to 8"),
        (["--train", "10001"], "--train 10001 must be from 0 to 10000 SGD steps"),
    ])
    func badArchitecturesAreOneLine(options: [String], message: String) throws {
        let result = try render(options)
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(result.stderr == "convscope: \(message)\n")
    }

    @Test func givenOptionsChangeTheSamplesArchitecture() throws {
        let result = try render(["--kernels", "5,100,2", "--size", "120x40"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains(
                "(124 − 100)//2 + 1 = 13 → (13 − 2)//2 + 1 = 6 · "
                    + "Linear input 14 · 6 = 84\n"))
    }

    @Test func samplesPrintsTheChain() throws {
        let result = try ConvscopeProcess.run(["samples"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains(
                "\nassignment-cnn:\n  --channels 56,28,14 --kernels 5,6,2 --strides 1,2,2 "
                    + "--activations tanh,relu,sigmoid --lr 0.001\n"
                    + "  widths \(Self.chain)\n  Linear input 14 · 30 = 420\n"), "\(result.stdout)")
        let row = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("assignment-cnn ") })
        #expect(row.contains("(architecture below)"))
    }

    @Test func theSampleIsASeededLabelledBatchOfTheAssignmentsShape() throws {
        let bundle = try NPZ.read(contentsOf: samplesFolder.appendingPathComponent("assignment-cnn.npz"))
        let (A, Y) = (try #require(bundle["A"]), try #require(bundle["Y"]))
        #expect(A.shape == [10, 24, 128] && Y.shape == [10, 10])
        #expect(Y.rowArgmax() == Array(0..<10), "one sample of each class, one-hot")
        #expect(Set(Y.scalars) == [0, 1])
    }
}

/// The architecture options on the user's own bundle: the input width, channels and classes
/// come from its A and Y.
@Suite struct CNNBundleArchitectureTests {
    @Test func aBundleTakesTheGivenArchitecture() throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let bundle = scratch.appendingPathComponent("batch.npz")
        try NPZ.write(
            ["A": Tensor.randomNormal(shape: [3, 5, 40], seed: 9), "Y": Tensor(shape: [3], scalars: [0, 2, 1])],
            to: bundle)
        let result = try ConvscopeProcess.run([
            "render", "cnn", bundle.path, "--channels", "6,4", "--kernels", "4,3",
            "--strides", "2,3", "--activations", "relu,identity", "--lr", "0.05",
            "--size", "120x40",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains(
                "\nwidths 40 → (40 − 4)//2 + 1 = 19 → (19 − 3)//3 + 1 = 6 · "
                    + "Linear input 4 · 6 = 24\n"))
        #expect(result.stdout.contains("Linear(24,3)"))
        #expect(result.stdout.contains("batch (3,5,40)  lr 0.0500"))
    }
}
