import ConvScopeCore
import Foundation
import TensorFiles
import Testing

/// Runs that would exhaust the machine, a full disk or a read-only folder, summaries of
/// extreme numbers, and labels that are not one-hot (issue 14): one line and status 1, or
/// the whole truth.
@Suite struct HostileRunTests {
    /// `convscope ARGS` inside a private mount namespace with a fresh tmpfs (`options`, e.g.
    /// `ro` or `size=64k`) on `folder`; afterwards stdout gets `left:` and what the folder holds.
    static func runOnTmpfs(_ folder: URL, options: String, _ arguments: [String]) throws -> ConvscopeProcess.Result {
        let quoted = arguments.map { "'\($0)'" }.joined(separator: " ")
        let script =
            "mount -t tmpfs -o \(options) tmpfs '\(folder.path)' || exit 99; "
            + "'\(ConvscopeProcess.binary.path)' \(quoted); rc=$?; echo \"left:$(ls -A '\(folder.path)')\"; exit $rc"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = ["-m", "sh", "-c", script]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus != 99, "a tmpfs could not be mounted (needs root): \(stderr)")
        return ConvscopeProcess.Result(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    static func bundle(_ tensors: [String: Tensor], in folder: URL) throws -> String {
        let url = folder.appendingPathComponent("bundle.npz")
        try NPZ.write(tensors, to: url)
        return url.path
    }

    struct Huge: CustomTestStringConvertible, Sendable {
        let layer: [String]
        let A: [Int]
        let W: [Int]?
        /// The shape Z would have, from the layer's definition.
        let Z: String
        var testDescription: String { "\(layer.joined(separator: " ")) A \(A)" }
    }

    /// The issue's outputs far larger than their inputs, refused at once (under a 4 GB cap,
    /// so the result does not depend on the machine) instead of aborting in malloc.
    @Test(arguments: [
        Huge(layer: ["conv2d", "--padding", "8000"], A: [1, 1, 1, 1], W: [64, 1, 3, 3], Z: "(1, 64, 15999, 15999)"),
        Huge(layer: ["conv2d"], A: [1, 1, 512, 512], W: [4096, 1, 1, 1], Z: "(1, 4096, 512, 512)"),
        Huge(layer: ["linear"], A: [65536, 1], W: [65536, 1], Z: "(65536, 65536)"),
        Huge(
            layer: ["convtranspose2d", "--factor", "64"], A: [1, 1, 256, 256], W: [64, 1, 1, 1],
            Z: "(1, 64, 16321, 16321)"),
        Huge(layer: ["conv2d"], A: [1, 1, 1024, 1024], W: [1200, 1, 1, 1], Z: "(1, 1200, 1024, 1024)"),
    ])
    func hugeOutputsAreRefusedBeforeAllocating(_ c: Huge) throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var tensors = ["A": Tensor(shape: c.A)]
        tensors["W"] = c.W.map { Tensor(shape: $0) }
        let bundle = try Self.bundle(tensors, in: folder)
        for command in [["compute", c.layer[0], bundle, "-o", "-"], ["render", c.layer[0], bundle]] {
            let result = try ConvscopeProcess.run(command + c.layer.dropFirst() + ["--max-memory", "4G"], timeout: 20)
            try expectOneLineFailure(result, phrase: "(Z would be \(c.Z)) would need")
            #expect(
                result.stderr.contains("more than the 4.0 GB allowed") && result.stderr.contains("raise --max-memory"))
        }
    }

    @Test func theDefaultBudgetComesFromTheMachine() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundle = try Self.bundle(
            ["A": Tensor(shape: [1, 1, 1, 1]), "W": Tensor(shape: [64, 1, 3, 3])], in: folder)
        // 64 × 15999² doubles: 131 GB, beyond half of any machine that runs these tests.
        let result = try ConvscopeProcess.run(
            ["compute", "conv2d", bundle, "-o", "-", "--padding", "8000"], timeout: 20)
        try expectOneLineFailure(result, phrase: "allowed (half this machine's memory)")
    }

    @Test func maxMemoryTakesUnitsAndRefusesPastIt() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundle = try Self.bundle(["A": Tensor(shape: [1, 1000])], in: folder)
        // A and Z alone are 16 000 bytes, more than 1 KB; far less than 1 MB.
        let small = try ConvscopeProcess.run(["compute", "relu", bundle, "-o", "-", "--max-memory", "1k"])
        try expectOneLineFailure(small, phrase: "more than the 1.0 KB allowed")
        for size in ["1M", "1MiB", "1.5mb", "1048576"] {
            let result = try ConvscopeProcess.run(["compute", "relu", bundle, "-o", "-", "--max-memory", size])
            #expect(result.status == 0 && result.stdout.hasPrefix("Z"), "\(size): \(result.stderr)")
        }
        #expect(try ConvscopeProcess.run(["compute", "relu", bundle, "-o", "-", "--max-memory", "lots"]).status == 64)
    }

    @Test func aFullDiskIsNamedAndLeavesNothing() throws {
        let folder = try makeScratchFolder()
        let disk = try makeScratchFolder()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: disk)
        }
        // Z is 2 × 100 × 100 doubles, 160 KB, on a 64 KB disk.
        let bundle = try Self.bundle(
            ["A": Tensor(shape: [1, 1, 102, 102]), "W": Tensor(shape: [2, 1, 3, 3])], in: folder)
        let result = try Self.runOnTmpfs(
            disk, options: "size=64k",
            ["compute", "conv2d", bundle, "-o", disk.appendingPathComponent("out.npz").path])
        #expect(result.status == 1)
        #expect(
            result.stderr.split(separator: "\n").count == 1 && result.stderr.contains("out.npz: the disk holding"),
            "\(result.stderr)")
        #expect(result.stderr.contains("is full; nothing was written"))
        #expect(result.stdout == "left:\n", "a temporary file was left: \(result.stdout)")
    }

    @Test(arguments: [["view", "--sample", "digits-box", "--record"], ["render", "--sample", "digits-box", "--cast"]])
    func aReadOnlyRecordingFolderFailsAtOnce(_ command: [String]) throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.runOnTmpfs(
            folder, options: "ro", command + [folder.appendingPathComponent("s.cast").path])
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("cannot record into \(folder.path) (Read-only file system)"), "\(result.stderr)")
    }

    /// Every number whole: NumPy prints these as -1.2345678e+100, 2.5e+300, and their mean 1.25e+300;
    /// the mean of 1e308 twice overflows to inf (as np.mean does), shown like the counts.
    @Test func theSummaryPrintsNumbersWhole() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let wide = try Self.bundle(["A": Tensor(shape: [1, 2], scalars: [-1.2345678e100, 2.5e300])], in: folder)
        let result = try ConvscopeProcess.run(["compute", "flatten", wide, "-o", "-"])
        #expect(result.stdout == "Z  (1, 2)  min -1.2345678e+100  max +2.5e+300  mean +1.25e+300\n", "\(result.stdout)")
        let overflow = try Self.bundle(["A": Tensor(shape: [1, 3], scalars: [1e308, 1e308, -.infinity])], in: folder)
        let inf = try ConvscopeProcess.run(["compute", "flatten", overflow, "-o", "-"])
        #expect(inf.stdout == "Z  (1, 3)  min +1e+308  max +1e+308  mean +Inf  −Inf ×1\n", "\(inf.stdout)")
    }

    @Test(arguments: [("all 0.5", 0.5), ("all zeros", 0.0)])
    func cnnRefusesLabelsThatAreNotOneHot(_ name: String, _ value: Double) throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundle = try Self.bundle(
            [
                "A": Tensor.randomNormal(shape: [4, 1, 8, 8], seed: 6),
                "Y": Tensor(shape: [4, 10], scalars: Array(repeating: value, count: 40)),
            ], in: folder)
        try expectOneLineFailure(try ConvscopeProcess.run(["cnn", bundle]), phrase: "Y row 0 is [\(value), \(value),")
    }

    @Test func layerErrorsAdviseOnlyWhatTheLayerHas() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pool = try ConvscopeProcess.run([
            "compute", "maxpool2d", try Self.bundle(["A": Tensor(shape: [1, 1, 2, 2])], in: folder),
            "--kernel", "3", "-o", "-",
        ])
        try expectOneLineFailure(pool, phrase: "use a smaller pooling window or a larger A")
        #expect(!pool.stderr.contains("dilation") && !pool.stderr.contains("padding"))
        let mlp = try ConvscopeProcess.run([
            "compute", "scan-mlp-simple", try Self.bundle(["A": Tensor(shape: [1, 24, 5])], in: folder),
            "-o", "-",
        ])
        try expectOneLineFailure(mlp, phrase: "A has 5 time steps but the scanning MLP reads windows of 8")
        let noWeights = try ConvscopeProcess.run([
            "compute", "scan-mlp-simple", try Self.bundle(["A": Tensor(shape: [1, 24, 16])], in: folder),
            "-o", "-",
        ])
        try expectOneLineFailure(noWeights, phrase: "needs its parameters 'w1', 'w2', 'w3'")
        #expect(!noWeights.stderr.contains("b is optional"))
    }

    @Test(arguments: [("--atol", "inf", "infinite"), ("--rtol", "nan", "not a number"), ("--atol", "-1", "negative")])
    func tolerancesSayWhatIsWrong(_ option: String, _ value: String, _ words: String) throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundle = try Self.bundle(["A": Tensor(shape: [1, 4])], in: folder)
        let result = try ConvscopeProcess.run(["compute", "relu", bundle, "--expect", bundle, "\(option)=\(value)"])
        try expectOneLineFailure(result, phrase: "\(option) ")
        #expect(
            result.stderr.contains(words) && result.stderr.contains("give a finite tolerance of 0 or more"),
            "\(result.stderr)")
    }
}
