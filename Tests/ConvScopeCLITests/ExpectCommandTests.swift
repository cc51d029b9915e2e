import ConvScopeCore
import Foundation
import TensorFiles
import Testing

/// `convscope compute … --expect MINE.npz` end to end: a right answer exits 0, each
/// recognisable classic mistake is named with exit status 2, bad expect files exit 1.
@Suite struct ExpectCommandTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let mistake: String
        let layer: [String]
        let bundle: [String: Tensor]
        let mine: [String: Tensor]
        var options: [String] = []
        var testDescription: String { mistake }
    }

    static let A = Tensor.randomNormal(shape: [2, 3, 9], seed: 1)
    static let W = Tensor.randomNormal(shape: [4, 3, 3], seed: 2)
    static let conv = [
        "A": A, "W": W, "b": Tensor.randomNormal(shape: [4], seed: 3),
        "dLdZ": Tensor.randomNormal(shape: [2, 4, 7], seed: 4),
    ]
    static let right = try! LayerSpec(kind: .conv1d).run(on: conv)
    /// The conv1d run with W flipped on its spatial axis.
    static let flipped = try! LayerSpec(kind: .conv1d).run(on: conv.merging(["W": W.flipped(axes: [2])]) { $1 })
    /// A 3×3 map whose centre is the maximum of all four 2×2 windows.
    static let peak = Tensor(shape: [1, 1, 3, 3], scalars: [1, 2, 1, 2, 9, 2, 1, 2, 1])
    static let mlp = [
        "A": Tensor.randomNormal(shape: [1, 24, 32], seed: 5), "w1": Tensor.randomNormal(shape: [192, 8], seed: 6),
        "w2": Tensor.randomNormal(shape: [8, 16], seed: 7), "w3": Tensor.randomNormal(shape: [16, 4], seed: 8),
    ]

    /// The simple scan built with every kernel reshaped straight to (C_out, C_in, K).
    static func channelMajorScan() -> Tensor {
        let (w1, w2, w3) = (mlp["w1"]!, mlp["w2"]!, mlp["w3"]!)
        let network = Sequential([
            Conv1d(inChannels: 24, outChannels: 8, kernelSize: 8, stride: 4, W: w1.transposed().reshaped([8, 24, 8])),
            ReLU(),
            Conv1d(inChannels: 8, outChannels: 16, kernelSize: 1, W: w2.transposed().reshaped([16, 8, 1])), ReLU(),
            Conv1d(inChannels: 16, outChannels: 4, kernelSize: 1, W: w3.transposed().reshaped([4, 16, 1])), Flatten(),
        ])
        return try! network.forward(mlp["A"]!)
    }

    static let cases: [Case] = [
        Case(mistake: "flipped kernel in forward", layer: ["conv1d"], bundle: conv, mine: ["Z": flipped["Z"]!]),
        Case(
            mistake: "unflipped kernel in backward", layer: ["conv1d"], bundle: conv, mine: ["dLdA": flipped["dLdA"]!]),
        Case(
            mistake: "empty crop x[p:-p] with p = 0", layer: ["conv1d"], bundle: conv,
            mine: ["dLdA": Tensor(shape: [2, 3, 0])]),
        Case(
            mistake: "gradients accumulated across calls", layer: ["conv1d"], bundle: conv,
            mine: ["dLdW": 2 * right["dLdW"]!]),
        Case(
            mistake: "gradient averaged over the batch", layer: ["conv1d"], bundle: conv,
            mine: ["dLdb": right["dLdb"]! / 2]),
        Case(
            mistake: "max-pool backward assigns instead of adding",
            layer: ["maxpool2d", "--kernel", "2", "--stride", "1"],
            bundle: ["A": peak, "dLdZ": Tensor(shape: [1, 1, 2, 2], scalars: [1, 2, 3, 4])],
            mine: ["dLdA": Tensor(shape: [1, 1, 3, 3], scalars: [0, 0, 0, 0, 4, 0, 0, 0, 0])]),
        Case(
            mistake: "downsample size W//k + 1", layer: ["downsample1d"],
            bundle: ["A": Tensor(shape: [1, 1, 4], scalars: [1, 2, 3, 4])],
            mine: ["Z": Tensor(shape: [1, 1, 3], scalars: [1, 3, 0])]),
        Case(
            mistake: "downsample backward by upsampling", layer: ["downsample1d"],
            bundle: ["A": Tensor(shape: [1, 1, 4]), "dLdZ": Tensor(shape: [1, 1, 2], scalars: [5, 6])],
            mine: ["dLdA": Tensor(shape: [1, 1, 3], scalars: [5, 0, 6])]),
        Case(
            mistake: "MLP weights reshaped channel-major", layer: ["scan-mlp-simple"], bundle: mlp,
            mine: ["Z": channelMajorScan()]),
        Case(
            mistake: "Float32 arithmetic", layer: ["conv1d"], bundle: conv,
            mine: ["Z": right["Z"]!.map { Double(Float($0)) }],
            options: ["--atol", "1e-12", "--rtol", "0"]),
    ]

    /// Writes the bundle and the answer, then runs `compute LAYER bundle --expect mine …`.
    func run(
        _ layer: [String], bundle: [String: Tensor], mine: [String: Tensor], options: [String] = [], in scratch: URL
    ) throws -> ConvscopeProcess.Result {
        let (bundleFile, mineFile) = (
            scratch.appendingPathComponent("bundle.npz"), scratch.appendingPathComponent("mine.npz")
        )
        try NPZ.write(bundle, to: bundleFile)
        try NPZ.write(mine, to: mineFile)
        return try ConvscopeProcess.run(
            ["compute", layer[0], bundleFile.path] + layer.dropFirst() + ["--expect", mineFile.path] + options)
    }

    @Test func theRightAnswerExitsZero() throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try run(["conv1d"], bundle: Self.conv, mine: Self.right, in: scratch)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines.prefix(4).map { $0.split(separator: " ")[1] } == ["OK", "OK", "OK", "OK"])
        #expect(lines[4].hasPrefix("all 4 tensors match"))
    }

    @Test(arguments: cases)
    func eachClassicMistakeIsNamed(_ c: Case) throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try run(c.layer, bundle: c.bundle, mine: c.mine, options: c.options, in: scratch)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stdout.contains("MISMATCH"))
        #expect(result.stdout.contains("mistake: \(c.mistake) — "), "\(result.stdout)")
    }

    @Test func mismatchesAreLocatedAndTheOutputStillWritten() throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        var dLdA = Self.right["dLdA"]!
        dLdA.scalars[1] += 3
        let out = scratch.appendingPathComponent("out.npz")
        let result = try run(
            ["conv1d"], bundle: Self.conv, mine: ["Z": Self.right["Z"]!, "dLdA": dLdA], options: ["-o", out.path],
            in: scratch)
        #expect(result.status == 2)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("Z     OK  (2, 4, 7)"))
        #expect(lines[1] == "dLdA  MISMATCH  (2, 3, 9)  1 of 54 differs, max error 3")
        let yours = String(format: "%.10g", dLdA.scalars[1])
        let library = String(format: "%.10g", Self.right["dLdA"]!.scalars[1])
        #expect(lines[2] == "      at [0,0,1]  yours \(yours)  library \(library)")
        #expect(lines[3].hasPrefix("1 of 2 tensors differs ("))
        #expect(try NPZ.read(contentsOf: out)["dLdA"] == Self.right["dLdA"])
    }

    @Test func theFirstDifferingCellsAreShownSideBySide() throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        var Z = Self.right["Z"]!
        let offsets = [3, 9, 10, 20, 27, 40, 55]
        for offset in offsets { Z.scalars[offset] = -Z.scalars[offset] - 1 }
        let result = try run(["conv1d"], bundle: Self.conv, mine: ["Z": Z], in: scratch)
        #expect(result.status == 2)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 1 + AnswerRows.shown + 2, "\(result.stdout)")
        #expect(lines[0].hasPrefix("Z  MISMATCH  (2, 4, 7)  7 of 56 differ, max error "))
        for (row, offset) in zip(lines[1...AnswerRows.shown], offsets) {
            let index = Z.index(ofOffset: offset).map(String.init).joined(separator: ",")
            let words = row.split(separator: " ").map(String.init)
            #expect(
                words == [
                    "at", "[\(index)]", "yours", String(format: "%.10g", Z.scalars[offset]),
                    "library", String(format: "%.10g", Self.right["Z"]!.scalars[offset]),
                ], "\(row)")
        }
        #expect(lines[AnswerRows.shown + 1] == "   … 2 more")
        #expect(lines.last!.hasPrefix("1 of 1 tensor differs ("))
    }

    @Test func oneTensorIsCountedInTheSingular() throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try run(["conv1d"], bundle: Self.conv, mine: ["dLdb": Self.right["dLdb"]!], in: scratch)
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").last!.hasPrefix("the 1 tensor matches ("), "\(result.stdout)")
    }

    /// How many differing cells the report lists for a tensor.
    enum AnswerRows { static let shown = 5 }

    @Test(arguments: [
        (["dLdA": Tensor(shape: [2, 3, 9])], ["A": A, "W": W], "no dLdZ"),
        (["Y": Tensor(shape: [1])], conv, "'Y', which conv1d does not produce"),
    ])
    func uncheckableAnswersAreBadInput(_ mine: [String: Tensor], _ bundle: [String: Tensor], _ phrase: String) throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try run(["conv1d"], bundle: bundle, mine: mine, in: scratch)
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains(phrase), "\(result.stderr)")
    }

    @Test func anUnreadableExpectFileIsBadInput() throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let bundle = scratch.appendingPathComponent("bundle.npz")
        try NPZ.write(Self.conv, to: bundle)
        let result = try ConvscopeProcess.run([
            "compute", "conv1d", bundle.path, "--expect", scratch.appendingPathComponent("nope.npz").path,
        ])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("convscope: ") && result.stderr.contains("nope.npz"))
    }

    @Test func withoutOutputOrExpectThereIsNothingToDo() throws {
        let result = try ConvscopeProcess.run(["compute", "relu", "bundle.npz"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("-o OUT.npz"))
    }
}

/// `render … --expect MINE.npz`: the mismatch marker and the mistake on a rendered screen.
@Suite struct RenderExpectTests {
    @Test func renderMarksMismatchesAndNamesTheMistake() throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (bundle, mine) = (scratch.appendingPathComponent("bundle.npz"), scratch.appendingPathComponent("mine.npz"))
        try NPZ.write(ExpectCommandTests.conv, to: bundle)
        try NPZ.write(["dLdA": ExpectCommandTests.flipped["dLdA"]!], to: mine)
        let result = try ConvscopeProcess.run([
            "render", "conv1d", bundle.path, "--expect", mine.path, "--phase", "dLdA",
            "--display", "heatmap", "--size", "120x30", "--ascii",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].hasSuffix("✗ yours: unflipped kernel in backward"))
        #expect(
            result.stdout.contains("|X!!!!!!!!    |"), "the current cell, then the mismatching ones: \(result.stdout)")
        #expect(result.stdout.contains(": yours ") && result.stdout.contains("54 of 54 differ · x/X next/previous"))
    }

    @Test func expectNeedsTheBundle() throws {
        let result = try ConvscopeProcess.run(["render", "conv1d", "--expect", "mine.npz"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("--expect needs the bundle"))
    }
}
