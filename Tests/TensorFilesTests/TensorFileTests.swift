import ConvScopeCore
import Foundation
import Testing

@testable import TensorFiles

/// Format dispatch by file extension.
@Suite struct TensorFileTests {
    @Test func readsNpyAndTextByExtension() throws {
        #expect(try TensorFile.read(contentsOf: Fixtures.url("vector.npy")) == Tensor([1, 2, 3]))
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for ext in ["txt", "TSV", "dat"] {
            let url = directory.appendingPathComponent("sample.\(ext)")
            try "1\t2\n".write(to: url, atomically: true, encoding: .utf8)
            #expect(try TensorFile.read(contentsOf: url) == Tensor(shape: [1, 2], scalars: [1, 2]), "\(ext)")
        }
    }

    @Test func npzIsNotASingleTensor() {
        let message = errorMessage { _ = try TensorFile.read(contentsOf: Fixtures.url("savez.npz")) }
        #expect(message.hasPrefix("savez.npz: an .npz archive holds several named arrays"))
        #expect(message.contains("TensorFile.readBundle"))
    }

    @Test func unknownExtensionIsRefused() {
        let message = errorMessage { _ = try TensorFile.read(contentsOf: URL(fileURLWithPath: "/tmp/w.h5")) }
        #expect(message == "w.h5: unknown tensor file type; use .npy, .npz, or text (.txt, .tsv, .dat)")
        #expect(throws: TensorFileError.self) { try TensorFile.readBundle(URL(fileURLWithPath: "/tmp/noext")) }
    }

    @Test func bundleOfArchiveHasItsKeys() throws {
        let bundle = try TensorFile.readBundle(Fixtures.url("savez_compressed.npz"))
        #expect(Set(bundle.keys) == ["weights", "bias", "größe"])
    }

    @Test func bundleOfSingleFileIsKeyedA() throws {
        #expect(try TensorFile.readBundle(Fixtures.url("scalar.npy")) == ["A": Tensor(scalar: 2.5)])
    }
}
