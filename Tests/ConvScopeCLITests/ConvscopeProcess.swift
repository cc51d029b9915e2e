import ConvScopeCore
import Foundation
import TensorFiles
import Testing

/// Runs the built `convscope` binary as a user would, capturing its exit status and output.
enum ConvscopeProcess {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        /// Whether the process was still running after the timeout and was killed.
        var timedOut = false
        /// stdout's bytes as they came (binary output such as `-o /dev/stdout`).
        var stdoutData = Data()
    }

    /// The binary next to the test executable in the build folder (the test target depends
    /// on `convscope`, so it is always built first).
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("convscope")
    }

    /// The test process's environment, read once: Foundation's getter, called from many
    /// parallel tests at once, once crashed the test run (signal 11 inside the getter).
    static let inherited = ProcessInfo.processInfo.environment

    /// Runs the binary with `arguments`, in `directory` if given, with `environment` added to
    /// ours; one still running after `timeout` seconds is killed (a hang is a failure).
    /// `standardOutput` replaces the captured stdout (e.g. `/dev/full`), leaving `stdout` empty.
    static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
        standardOutput: FileHandle? = nil, timeout: Double = 30
    ) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = Self.inherited.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = standardOutput ?? out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        if standardOutput != nil { try out.fileHandleForWriting.close() }
        let killer = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        killer.cancel()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self),
            timedOut: process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL,
            stdoutData: outData)
    }
}

/// The package's samples/ folder, as `scripts/make_samples.py` wrote it.
let samplesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples")

/// A fresh scratch folder per test, removed afterwards by the caller.
func makeScratchFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("convscope-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Checks the form of every user error: status 1, one stderr line naming `phrase`, no stdout.
func expectOneLineFailure(_ result: ConvscopeProcess.Result, phrase: String) throws {
    #expect(result.status == 1)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1, "stderr: \(result.stderr)")
    #expect(result.stderr.hasPrefix("convscope: "))
    #expect(result.stderr.contains(phrase), "stderr: \(result.stderr)")
    #expect(result.stdout.isEmpty)
}
