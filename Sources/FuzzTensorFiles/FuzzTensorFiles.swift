import Foundation
import TensorFiles

/// The most an archive may inflate to while fuzzing, so a bomb is refused at once.
private let archiveCap = 1 << 20

/// Where each input is written for the archive reader, which reads files: ZIPFoundation's
/// in-memory archives trap on some damaged inputs (0.9.20), and the CLI never uses them.
private let archiveFile = FileManager.default.temporaryDirectory
    .appendingPathComponent("fuzz-tensor-files-\(getpid()).npz")

/// libFuzzer's entry point: every input goes to all three readers, each of which must
/// return a tensor or throw `TensorFileError`, never trap, hang or read out of bounds.
/// Built only by `scripts/fuzz.sh` (see Package.swift); libFuzzer supplies `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTensorFiles(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    let data = Data(bytes: bytes, count: count)
    expectReadOrRefused { _ = try NPY.decode(data) }
    expectReadOrRefused {
        try data.write(to: archiveFile)
        _ = try NPZ.read(contentsOf: archiveFile, maxTotalBytes: archiveCap)
    }
    expectReadOrRefused { _ = try TextTensor.decode(String(decoding: data, as: UTF8.self)) }
    return 0
}

/// Any error other than a one-line `TensorFileError` is a finding too.
private func expectReadOrRefused(_ read: () throws -> Void) {
    do {
        try read()
    } catch is TensorFileError {
    } catch {
        fatalError("a reader threw \(type(of: error)) instead of TensorFileError: \(error)")
    }
}
