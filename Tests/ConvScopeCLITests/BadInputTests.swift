import ConvScopeCore
import Foundation
import TensorFiles
import Testing

/// Every bad input the compute command can meet: one line on stderr that names the
/// problem, exit status 1, and no output file.
@Suite struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let bundle: [String: Tensor]
        let arguments: [String]
        /// A phrase the one-line error must contain.
        let phrase: String
        var testDescription: String { name }
    }

    static let image = Tensor.randomNormal(shape: [1, 2, 5, 5], seed: 1)
    static let kernel = Tensor.randomNormal(shape: [3, 2, 3, 3], seed: 2)

    static let cases: [Case] = [
        Case(name: "missing A", bundle: ["W": kernel], arguments: ["conv2d"], phrase: "no 'A'"),
        Case(name: "missing W", bundle: ["A": image], arguments: ["conv2d"], phrase: "no 'W'"),
        Case(
            name: "wrong rank", bundle: ["A": Tensor(shape: [2, 5, 5]), "W": kernel], arguments: ["conv2d"],
            phrase: "must be 4-d"),
        Case(
            name: "channel mismatch", bundle: ["A": Tensor(shape: [1, 4, 5, 5]), "W": kernel], arguments: ["conv2d"],
            phrase: "4 channels"),
        Case(
            name: "bias mismatch", bundle: ["A": image, "W": kernel, "b": Tensor(shape: [2])], arguments: ["conv2d"],
            phrase: "b has shape [2]"),
        Case(
            name: "kernel larger than padded input", bundle: ["A": image, "W": Tensor(shape: [3, 2, 7, 7])],
            arguments: ["conv2d"], phrase: "padded input is only 5×5"),
        Case(
            name: "stride 0", bundle: ["A": image, "W": kernel], arguments: ["conv2d", "--stride", "0"],
            phrase: "--stride must be at least 1"),
        Case(
            name: "factor 0", bundle: ["A": image], arguments: ["upsample2d", "--factor", "0"],
            phrase: "--factor must be at least 1"),
        Case(
            name: "negative padding", bundle: ["A": image, "W": kernel], arguments: ["conv2d", "--padding=-1"],
            phrase: "--padding must be 0 or more"),
        Case(
            name: "option for another layer", bundle: ["A": image], arguments: ["maxpool2d", "--dilation", "2"],
            phrase: "--dilation does not apply to maxpool2d"),
        Case(
            name: "pair for a 1-d layer", bundle: ["A": Tensor(shape: [1, 2, 9]), "W": Tensor(shape: [1, 2, 3])],
            arguments: ["conv1d", "--stride", "2,1"], phrase: "takes one number"),
        Case(
            name: "dLdZ of the wrong shape", bundle: ["A": image, "W": kernel, "dLdZ": Tensor(shape: [1, 3, 2, 2])],
            arguments: ["conv2d"], phrase: "dLdZ has shape [1, 3, 2, 2]"),
        Case(
            name: "scanning MLP weight shape",
            bundle: [
                "A": Tensor(shape: [1, 24, 128]), "w1": Tensor(shape: [8, 192]), "w2": Tensor(shape: [8, 16]),
                "w3": Tensor(shape: [16, 4]),
            ], arguments: ["scan-mlp-simple"], phrase: "w1 has shape [8, 192]"),
    ]

    @Test(arguments: cases)
    func badBundleGetsOneLineAndNoFile(_ c: Case) throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let bundle = scratch.appendingPathComponent("bundle.npz")
        try NPZ.write(c.bundle, to: bundle)
        let out = scratch.appendingPathComponent("out.npz")
        let arguments = ["compute", c.arguments[0], bundle.path] + c.arguments.dropFirst() + ["-o", out.path]
        let result = try ConvscopeProcess.run(arguments)
        try expectOneLineFailure(result, phrase: c.phrase)
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["bundle.npz"])
    }

    @Test func unreadableAndMalformedFiles() throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out.npz")
        let missing = try ConvscopeProcess.run([
            "compute", "relu", scratch.appendingPathComponent("nope.npz").path, "-o", out.path,
        ])
        try expectOneLineFailure(missing, phrase: "nope.npz")
        let garbage = scratch.appendingPathComponent("garbage.npz")
        try Data("this is not a zip archive".utf8).write(to: garbage)
        let malformed = try ConvscopeProcess.run(["compute", "relu", garbage.path, "-o", out.path])
        try expectOneLineFailure(malformed, phrase: "garbage.npz")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func nonNumericDtypeIsRefused() throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let bundle = scratch.appendingPathComponent("objects.npz")
        let script = "import numpy as np; np.savez('\(bundle.path)', A=np.array([{'a': 1}, None], dtype=object))"
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", script]
        try python.run()
        python.waitUntilExit()
        try #require(python.terminationStatus == 0, "python3 with NumPy is needed to write an object array")
        let out = scratch.appendingPathComponent("out.npz")
        let result = try ConvscopeProcess.run(["compute", "relu", bundle.path, "-o", out.path])
        try expectOneLineFailure(result, phrase: "object")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
