import ConvScopeCore
import Foundation
import Testing

@testable import TensorFiles

/// What NPY.encode writes: NumPy's exact preamble and little-endian float64 data.
@Suite struct NPYWriteTests {
    @Test(arguments: [[], [0], [5], [2, 3], [0, 3], [3, 1, 4, 1], [1, 1, 1, 1, 1, 1, 1, 1]])
    func encodeThenDecodeIsIdentity(shape: [Int]) throws {
        let tensor = awkwardTensor(shape: shape, seed: UInt64(shape.count))
        let decoded = try NPY.decode(NPY.encode(tensor))
        #expect(decoded.shape == tensor.shape)
        #expect(decoded.scalars.map(\.bitPattern) == tensor.scalars.map(\.bitPattern))
    }

    @Test func headerMatchesNumPyByteForByte() {
        // The bytes np.save(f, np.zeros((2, 3))) writes before the data (NumPy 2.x).
        let dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }"
        let expected = Data(
            [0x93] + Array("NUMPY".utf8) + [1, 0, 118, 0] + Array(dict.utf8)
                + Array(repeating: UInt8(ascii: " "), count: 117 - dict.utf8.count) + [10])
        let encoded = NPY.encode(Tensor(shape: [2, 3]))
        #expect(encoded.prefix(128) == expected)
        #expect(encoded.count == 128 + 48)
    }

    @Test(arguments: [0, 1, 7, 30, 63, 64])
    func dataStartsOn64ByteBoundary(rank: Int) {
        let data = NPY.encode(Tensor(shape: Array(repeating: 1, count: rank)))
        let headerEnd = data.count - 8
        #expect(headerEnd % 64 == 0)
        #expect(data[data.startIndex + headerEnd - 1] == UInt8(ascii: "\n"))
        #expect(data[6] == 1 && data[7] == 0, "version 1.0")
    }

    @Test func headerOver65535BytesUsesVersion2() {
        // 22000 axes need a ~66 KB shape tuple, more than version 1.0's 16-bit length field holds.
        let data = NPY.encode(Tensor(shape: Array(repeating: 1, count: 22_000), repeating: 3))
        #expect(data[6] == 2 && data[7] == 0)
        let headerLength = data[8...11].reversed().reduce(0) { $0 << 8 | Int($1) }
        #expect(headerLength > 65_535)
        #expect((12 + headerLength) % 64 == 0 && data.count == 12 + headerLength + 8)
    }

    @Test func littleEndianFloat64Payload() {
        let data = NPY.encode(Tensor([1.0, -2.5]))
        #expect(Array(data.suffix(16)) == [0, 0, 0, 0, 0, 0, 0xF0, 0x3F, 0, 0, 0, 0, 0, 0, 0x04, 0xC0])
    }

    @Test func writeIsAtomicAndLeavesNoTemporaryFiles() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("a.npy")
        try NPY.write(Tensor([1, 2, 3]), to: url)
        try NPY.write(Tensor([4, 5]), to: url)
        #expect(try NPY.read(contentsOf: url) == Tensor([4, 5]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["a.npy"])
    }

    @Test func failedWriteLeavesNothingBehind() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A directory in the way is refused before anything is written.
        let blocked = directory.appendingPathComponent("blocked.npy")
        try FileManager.default.createDirectory(
            at: blocked.appendingPathComponent("child"),
            withIntermediateDirectories: true)
        let message = errorMessage { try NPY.write(Tensor([1]), to: blocked) }
        #expect(
            message.hasPrefix("blocked.npy: \(blocked.path) is a folder, not a file ConvScope can write"), "\(message)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["blocked.npy"])

        let missing = directory.appendingPathComponent("no/such/dir/x.npy")
        let second = errorMessage { try NPY.write(Tensor([1]), to: missing) }
        #expect(second.hasPrefix("x.npy: cannot write to"), "\(second)")
    }
}
