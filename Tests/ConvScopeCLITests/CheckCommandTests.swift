import ConvScopeCore
import Foundation
import TensorFiles
import Testing

/// `convscope check LAYER --mytorch DIR` end to end, on the tiny mytorch folders under
/// Fixtures/mytorch: a correct implementation (written from the layer definitions) passes
/// every layer, each classic mistake is named, and broken code is one line naming its file.
@Suite struct CheckCommandTests {
    static let folders = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(
        "mytorch")

    static func folder(_ name: String) -> String { folders.appendingPathComponent(name).path }

    /// The 1-based line of `marker` in a fixture file.
    static func line(of marker: String, in file: String) throws -> Int {
        let text = try String(contentsOf: folders.appendingPathComponent(file), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        return try #require(lines.firstIndex { $0.contains(marker) }) + 1
    }

    static func check(_ arguments: [String], folder name: String, environment: [String: String] = [:]) throws
        -> ConvscopeProcess.Result
    {
        try ConvscopeProcess.run(["check"] + arguments + ["--mytorch", folder(name)], environment: environment)
    }

    /// Every layer `check` runs, on its shipped random sample: (layer, sample, tensors checked).
    static let layers: [(String, String, Int)] = [
        ("conv1d", "random-conv1d", 4), ("conv1d_stride1", "random-conv1d", 4), ("conv2d", "random-conv2d", 4),
        ("conv2d_stride1", "random-conv2d", 4), ("convtranspose1d", "random-convtranspose1d", 4),
        ("convtranspose2d", "random-convtranspose2d", 4), ("maxpool2d", "random-maxpool2d", 2),
        ("maxpool2d_stride1", "random-maxpool2d", 2), ("meanpool2d", "random-meanpool2d", 2),
        ("meanpool2d_stride1", "random-meanpool2d", 2), ("upsample1d", "random-upsample1d", 2),
        ("downsample1d", "random-downsample1d", 2), ("upsample2d", "random-upsample2d", 2),
        ("downsample2d", "random-downsample2d", 2), ("flatten", "random-flatten", 2),
    ]

    @Test(arguments: layers)
    func theCorrectImplementationPasses(_ layer: String, _ sample: String, _ tensors: Int) throws {
        let result = try Self.check([layer, "--sample", sample], folder: "correct")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("all \(tensors) tensors match"), "\(result.stdout)")
        // The correct Conv1d prints while it runs; none of it may reach the report.
        #expect(!result.stdout.contains("noise from"))
    }

    @Test func aBundleWithoutDLdZIsCheckedWithASeededGradient() throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let bundle = scratch.appendingPathComponent("bundle.npz")
        try NPZ.write(
            [
                "A": Tensor.randomNormal(shape: [2, 3, 9], seed: 1),
                "W": Tensor.randomNormal(shape: [4, 3, 3], seed: 2),
            ], to: bundle)
        let result = try Self.check(["conv1d", bundle.path, "--stride", "2", "--padding", "1"], folder: "correct")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("all 4 tensors match"))
    }

    @Test func anUnflippedKernelInBackwardIsNamed() throws {
        let result = try Self.check(["conv1d", "--sample", "random-conv1d"], folder: "no-flip")
        #expect(result.status == 2)
        #expect(result.stdout.contains("dLdA  MISMATCH  (2, 5, 60)"), "\(result.stdout)")
        #expect(result.stdout.contains("mistake: unflipped kernel in backward — "))
        #expect(result.stdout.contains("dLdW  OK"))
    }

    @Test func aDownsampleThatForgetsTheWidthIsNamed() throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        // W = 8, k = 3: Z is 3 wide, and upsampling it back gives 7, not the remembered 8.
        let bundle = scratch.appendingPathComponent("bundle.npz")
        try NPZ.write(
            [
                "A": Tensor.randomNormal(shape: [1, 2, 8], seed: 3),
                "dLdZ": Tensor.randomNormal(shape: [1, 2, 3], seed: 4),
            ], to: bundle)
        let result = try Self.check(["downsample1d", bundle.path, "--factor", "3"], folder: "forgot-width")
        #expect(result.status == 2)
        #expect(result.stdout.contains("dLdA  MISMATCH  shape (1, 2, 7), expected (1, 2, 8)"), "\(result.stdout)")
        #expect(result.stdout.contains("mistake: downsample backward by upsampling — "))
    }

    @Test func ignoredPaddingIsNamedAndBackwardIsNotFedADLdZThatCannotFit() throws {
        let result = try Self.check(["conv1d", "--sample", "random-conv1d"], folder: "padding-ignored")
        #expect(result.status == 2)
        #expect(result.stdout.contains("Z  MISMATCH  shape (2, 10, 29), expected (2, 10, 30)"), "\(result.stdout)")
        #expect(result.stdout.contains("mistake: padding ignored — "))
        #expect(result.stdout.contains("backward not run: your Conv1d.forward gives Z of shape (2, 10, 29)"))
        #expect(!result.stdout.contains("dLdA"))
    }

    @Test func aNaNIsADifferenceAtItsPosition() throws {
        let result = try Self.check(["flatten", "--sample", "random-flatten"], folder: "nan")
        #expect(result.status == 2)
        #expect(result.stdout.contains("1 of 120 differ"), "\(result.stdout)")
        #expect(result.stdout.contains("at [0,1]  yours nan"), "\(result.stdout)")
    }

    @Test func anExceptionNamesTheLineInTheirCode() throws {
        let result = try Self.check(["upsample1d", "--sample", "random-upsample1d"], folder: "raises")
        let line = try Self.line(of: "raises here", in: "raises/mytorch/nn/resampling.py")
        try expectOneLineFailure(result, phrase: "raises/mytorch/nn/resampling.py:\(line): ValueError: ")
        #expect(result.stderr.contains("(in fill, during forward)"))
    }

    @Test func anotherConstructorIsNamedWithBothSignatures() throws {
        let result = try Self.check(["maxpool2d", "--sample", "random-maxpool2d"], folder: "signature")
        let line = try Self.line(of: "class MaxPool2d", in: "signature/mytorch/nn/pool.py")
        try expectOneLineFailure(
            result,
            phrase: "signature/mytorch/nn/pool.py:\(line): MaxPool2d(kernel) does not take "
                + "the assignment's arguments MaxPool2d(kernel, stride)")
    }

    @Test func aMissingClassOrFileIsOneLine() throws {
        try expectOneLineFailure(
            try Self.check(["maxpool2d_stride1", "--sample", "random-maxpool2d"], folder: "signature"),
            phrase: "signature/mytorch/nn/pool.py: has no class MaxPool2d_stride1")
        try expectOneLineFailure(
            try Self.check(["conv2d", "--sample", "random-conv2d"], folder: "no-flip"),
            phrase: "no-flip/mytorch/nn/Conv2d.py: not found")
        try expectOneLineFailure(
            try Self.check(["conv1d", "--sample", "random-conv1d"], folder: "no-such-folder"),
            phrase: "no-such-folder: no such folder")
        try expectOneLineFailure(
            try Self.check(["flatten", "--sample", "random-flatten"], folder: "correct/mytorch/flatten.py"),
            phrase: "flatten.py: a file, not a folder")
    }

    @Test func anEndlessLoopIsStoppedAtTheTimeLimit() throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let pidFile = scratch.appendingPathComponent("pid")
        let start = Date()
        let result = try Self.check(
            ["upsample1d", "--sample", "random-upsample1d", "--timeout", "5"], folder: "hangs",
            environment: ["HANG_PID_FILE": pidFile.path])
        // Long enough for python3 to start on a loaded machine, short enough to tell from waiting on.
        #expect(Date().timeIntervalSince(start) < 20)
        try expectOneLineFailure(result, phrase: "Upsample1d did not finish within 5 s")
        #expect(result.stderr.contains("while running Upsample1d.forward"))
        let pid = try #require(Int32(try String(contentsOf: pidFile, encoding: .utf8)))
        #expect(kill(pid, 0) == -1 && errno == ESRCH, "the endless loop is still running")
    }

    @Test func nothingIsWrittenIntoTheirFolder() throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let copy = scratch.appendingPathComponent("hw")
        try FileManager.default.copyItem(at: Self.folders.appendingPathComponent("correct"), to: copy)
        func listing() -> [String] { (FileManager.default.subpaths(atPath: copy.path) ?? []).sorted() }
        let before = listing()
        let result = try ConvscopeProcess.run(
            ["check", "convtranspose1d", "--sample", "random-convtranspose1d", "--mytorch", copy.path],
            in: copy)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(listing() == before)
    }

    @Test func renderWithMytorchShowsTheirAnswer() throws {
        let result = try ConvscopeProcess.run([
            "render", "conv1d", "--sample", "random-conv1d", "--phase", "dLdA",
            "--mytorch", Self.folder("no-flip"), "--size", "120x40",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("yours: unflipped kernel in backward"))
    }

    @Test func badUseIsOneLine() throws {
        try expectOneLineFailure(
            try ConvscopeProcess.run(["check", "conv1d", "--sample", "random-conv1d"]), phrase: "--mytorch DIR")
        try expectOneLineFailure(
            try Self.check(["linear", "--sample", "random-linear"], folder: "correct"),
            phrase: "linear is not one of them")
        try expectOneLineFailure(
            try Self.check(["conv1d_stride1", "--sample", "random-conv1d", "--stride", "2"], folder: "correct"),
            phrase: "conv1d_stride1 is the stride-1 core: it takes no --stride")
        try expectOneLineFailure(
            try Self.check(["conv1d", "--sample", "random-conv1d", "--timeout", "0"], folder: "correct"),
            phrase: "--timeout must be")
    }
}
