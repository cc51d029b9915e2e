import ConvScopeCore
import Foundation
import TensorFiles
import Testing

/// Hostile paths, outputs and streams (issue 14): what is not a regular file is refused
/// before opening, in one line, without hanging; `-o` never destroys a device, FIFO, link or
/// input; every stdout write is checked; an interrupted write leaves nothing behind.
@Suite struct HostileFileTests {
    static let image = Tensor.randomNormal(shape: [1, 1, 6, 6], seed: 3)
    static let kernel = Tensor.randomNormal(shape: [2, 1, 3, 3], seed: 4)

    /// A scratch folder holding `bundle.npz` (conv2d's A and W).
    static func scratchWithBundle() throws -> (folder: URL, bundle: URL) {
        let folder = try makeScratchFolder()
        let bundle = folder.appendingPathComponent("bundle.npz")
        try NPZ.write(["A": image, "W": kernel], to: bundle)
        return (folder, bundle)
    }

    /// The non-regular inputs and the words their refusal uses.
    static func nonRegularInputs(in folder: URL) throws -> [(path: String, phrase: String)] {
        let directory = folder.appendingPathComponent("folder.npz")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        let fifo = folder.appendingPathComponent("fifo.npz")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let loop = folder.appendingPathComponent("loop.npz")
        let other = folder.appendingPathComponent("other.npz")
        try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: other.path)
        try FileManager.default.createSymbolicLink(atPath: other.path, withDestinationPath: loop.path)
        return [
            (directory.path, "is a folder"), (fifo.path, "is a FIFO (a pipe)"),
            ("/dev/zero", "/dev/zero is a character device"),
            ("/dev/stdin", "/dev/stdin is a character device"), (loop.path, "is a loop of symbolic links"),
            (folder.appendingPathComponent("missing.npz").path, "there is no file at"),
        ]
    }

    @Test(arguments: ["compute", "view", "render", "--expect"])
    func nonRegularInputsAreRefusedAtOnce(_ how: String) throws {
        let (folder, bundle) = try Self.scratchWithBundle()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, phrase) in try Self.nonRegularInputs(in: folder) {
            let arguments =
                switch how {
                case "compute": ["compute", "conv2d", path, "-o", "-"]
                case "--expect": ["compute", "conv2d", bundle.path, "--expect", path]
                default: [how, "conv2d", path]
                }
            let result = try ConvscopeProcess.run(arguments, timeout: 10)
            #expect(!result.timedOut, "\(arguments) hung")
            try expectOneLineFailure(result, phrase: phrase)
        }
    }

    @Test func cnnRefusesNonRegularInputs() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, phrase) in try Self.nonRegularInputs(in: folder) {
            let result = try ConvscopeProcess.run(["cnn", path], timeout: 10)
            #expect(!result.timedOut)
            try expectOneLineFailure(result, phrase: phrase)
        }
    }

    @Test func outputIntoADeviceIsWrittenStraightAndTheNodeKept() throws {
        let (folder, bundle) = try Self.scratchWithBundle()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A private copy of /dev/null (major 1, minor 3) when we may make one; else /dev/null itself.
        let node = folder.appendingPathComponent("null")
        let device = mknod(node.path, S_IFCHR | 0o666, 259) == 0 ? node.path : "/dev/null"
        let result = try ConvscopeProcess.run(["compute", "conv2d", bundle.path, "-o", device])
        #expect(result.status == 0, "\(result.stderr)")
        var info = stat()
        #expect(stat(device, &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "the device node survives")
        #expect(
            Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)).isSubset(of: ["bundle.npz", "null"]))
    }

    @Test func outputToDevStdoutIsTheArchive() throws {
        let (folder, bundle) = try Self.scratchWithBundle()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ConvscopeProcess.run(["compute", "conv2d", bundle.path, "-o", "/dev/stdout"])
        #expect(result.status == 0, "\(result.stderr)")
        let copy = folder.appendingPathComponent("copy.npz")
        let file = folder.appendingPathComponent("file.npz")
        try result.stdoutData.write(to: copy)
        #expect(try ConvscopeProcess.run(["compute", "conv2d", bundle.path, "-o", file.path]).status == 0)
        let expected = try #require(try NPZ.read(contentsOf: file)["Z"])
        let z = try #require(try NPZ.read(contentsOf: copy)["Z"])
        #expect(z.shape == expected.shape && z.scalars == expected.scalars)
    }

    @Test func outputIntoAFIFOReachesItsReaderAndANoReaderFIFOIsRefused() throws {
        let (folder, bundle) = try Self.scratchWithBundle()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let lonely = try ConvscopeProcess.run(["compute", "conv2d", bundle.path, "-o", fifo.path], timeout: 10)
        #expect(!lonely.timedOut)
        try expectOneLineFailure(lonely, phrase: "no process is reading that pipe")
        let copy = folder.appendingPathComponent("copy.npz")
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/sh")
        reader.arguments = ["-c", "cat '\(fifo.path)' > '\(copy.path)'"]
        try reader.run()
        // The writer opens without waiting, so retry until the reader has the pipe open.
        var result = try ConvscopeProcess.run(["compute", "conv2d", bundle.path, "-o", fifo.path], timeout: 10)
        for _ in 0..<50 where result.status != 0 {
            usleep(100_000)
            result = try ConvscopeProcess.run(["compute", "conv2d", bundle.path, "-o", fifo.path], timeout: 10)
        }
        reader.waitUntilExit()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try NPZ.read(contentsOf: copy)["Z"]?.shape == [1, 2, 4, 4])
        var info = stat()
        #expect(lstat(fifo.path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO survives")
    }

    @Test func outputThroughALinkOrOntoAFolderIsRefused() throws {
        let (folder, bundle) = try Self.scratchWithBundle()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target.npz")
        let link = folder.appendingPathComponent("link.npz")
        try Data("mine".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target.path)
        try expectOneLineFailure(
            try ConvscopeProcess.run(["compute", "conv2d", bundle.path, "-o", link.path]),
            phrase: "is a symbolic link")
        try expectOneLineFailure(
            try ConvscopeProcess.run(["render", "conv2d", bundle.path, "--cast", link.path, "--force"]),
            phrase: "is a symbolic link")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(try String(contentsOf: target, encoding: .utf8) == "mine")
        try expectOneLineFailure(
            try ConvscopeProcess.run(["compute", "conv2d", bundle.path, "-o", folder.path]),
            phrase: "is a folder, not a file ConvScope can write")
        #expect(
            Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == [
                "bundle.npz", "target.npz", "link.npz",
            ])
    }

    @Test func outputNamingAnInputIsRefusedWhateverThePath() throws {
        let (folder, bundle) = try Self.scratchWithBundle()
        defer { try? FileManager.default.removeItem(at: folder) }
        let answers = folder.appendingPathComponent("mine.npz")
        try NPZ.write(["Z": Tensor(shape: [1, 2, 4, 4])], to: answers)
        let hardLink = folder.appendingPathComponent("same.npz")
        try FileManager.default.linkItem(at: bundle, to: hardLink)
        let before = try Data(contentsOf: bundle)
        let answersBefore = try Data(contentsOf: answers)
        let attempts: [([String], String)] = [
            (["compute", "conv2d", "bundle.npz", "-o", "./bundle.npz"], "is the input bundle"),
            (["compute", "conv2d", "bundle.npz", "-o", "same.npz"], "is the input bundle"),
            (
                [
                    "compute", "conv2d", "bundle.npz", "--expect", "mine.npz", "-o",
                    "../\(folder.lastPathComponent)/mine.npz",
                ],
                "is the --expect file"
            ),
            (["render", "conv2d", "bundle.npz", "--cast", "same.npz", "--force"], "is the input bundle"),
        ]
        for (arguments, phrase) in attempts {
            try expectOneLineFailure(try ConvscopeProcess.run(arguments, in: folder), phrase: phrase)
        }
        #expect(try Data(contentsOf: bundle) == before && Data(contentsOf: answers) == answersBefore)
    }

    @Test(arguments: [
        ["compute", "conv2d", "BUNDLE", "-o", "-"], ["render", "conv2d", "BUNDLE"], ["samples"],
        ["render", "conv2d", "BUNDLE", "--cast", "-", "--steps", "1..2"], ["--help"], ["help", "compute"],
    ])
    func aFullStdoutIsOneLineAndStatus1(_ command: [String]) throws {
        let (folder, bundle) = try Self.scratchWithBundle()
        defer { try? FileManager.default.removeItem(at: folder) }
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let arguments = command.map { $0 == "BUNDLE" ? bundle.path : $0 }
        let result = try ConvscopeProcess.run(
            arguments, environment: ["CONVSCOPE_SAMPLES": samplesFolder.path],
            standardOutput: full)
        #expect(result.status == 1, "\(arguments): \(result.stderr)")
        #expect(
            result.stderr.split(separator: "\n").count == 1 && result.stderr.contains("No space left on device"),
            "\(result.stderr)")
    }

    @Test func castDashWritesTheRecordingToStdout() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ConvscopeProcess.run(
            ["render", "--sample", "digits-box", "--cast", "-", "--steps", "1..2"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let copy = folder.appendingPathComponent("copy.cast")
        try Data(result.stdout.utf8).write(to: copy)
        #expect(try CastTests.Recording(contentsOf: copy).markers == ["step 1/256", "step 2/256"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["copy.cast"], "no file named -")
    }

    /// SIGINT and SIGTERM while a 128 MB result is being written: the temporary file goes
    /// with the process, which ends as killed by that signal (the shell's 130 / 143).
    @Test(arguments: [SIGINT, SIGTERM])
    func anInterruptedWriteLeavesNothingBehind(_ signal: Int32) throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundle = folder.appendingPathComponent("bundle.npz")
        try NPZ.write(
            ["A": Tensor.randomNormal(shape: [1, 1, 512, 512], seed: 5), "W": Tensor(shape: [64, 1, 1, 1])], to: bundle)
        let process = Process()
        // The test runner may ignore these signals, and ignored signals are inherited: reset them.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "--default-signal=INT,TERM", ConvscopeProcess.binary.path,
            "compute", "conv2d", bundle.path, "-o", folder.appendingPathComponent("out.npz").path,
        ]
        process.standardError = FileHandle.nullDevice
        try process.run()
        var temporaries: [String] = []
        for _ in 0..<3000 where temporaries.isEmpty && process.isRunning {
            usleep(2_000)
            temporaries = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
                $0.hasSuffix(".tmp")
            }
        }
        try #require(!temporaries.isEmpty, "the write was never seen in progress")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["bundle.npz"])
    }

    /// Long output names (213–255 bytes) fit: the temporary name does not grow with them.
    @Test func anOutputNameNearTheLimitIsWritten() throws {
        let (folder, bundle) = try Self.scratchWithBundle()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = String(repeating: "n", count: 251) + ".npz"
        let result = try ConvscopeProcess.run([
            "compute", "conv2d", bundle.path, "-o", folder.appendingPathComponent(name).path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try NPZ.read(contentsOf: folder.appendingPathComponent(name))["Z"]?.shape == [1, 2, 4, 4])
    }
}
