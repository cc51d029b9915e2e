import Foundation
import Testing

/// `scripts/bench.py` needs nothing outside the repo: from a clone with no `../shared`
/// beside it, its reference is the copy under `Benchmarks/reference/`.
@Suite struct BenchScriptTests {
    static let repo = samplesFolder.deletingLastPathComponent()

    /// Runs python3 on `arguments`; returns its exit status and combined output.
    func python(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func aCloneWithoutSharedFindsItsReference() throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        // Only the files the script and its reference are: scripts/, Benchmarks/reference/.
        let clone = scratch.appendingPathComponent("clone")
        let files = FileManager.default
        for folder in ["scripts", "Benchmarks/reference"] {
            try files.createDirectory(at: clone.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for file in ["scripts/bench.py", "Benchmarks/reference/bench.py", "Benchmarks/reference/numpy_ref.py"] {
            try files.copyItem(at: Self.repo.appendingPathComponent(file), to: clone.appendingPathComponent(file))
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("shared").path))
        let (status, help) = try python([clone.appendingPathComponent("scripts/bench.py").path, "--help"])
        #expect(status == 0, "\(help)")
        let reference = clone.appendingPathComponent("Benchmarks/reference/bench.py").path
        #expect(
            help.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
                .contains("(default:\(reference))"), "\(help)")
        let (referenceStatus, referenceHelp) = try python([reference, "--help"])
        #expect(referenceStatus == 0 && referenceHelp.contains("--no-torch"), "\(referenceHelp)")
    }
}
