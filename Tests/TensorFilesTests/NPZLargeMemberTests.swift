import ConvScopeCore
import Foundation
import Testing

@testable import TensorFiles

/// Members large enough for the streamed read (more than `NPZMember.streamingThreshold`
/// bytes): every dtype, byte order and memory order still reads exactly, and damage is
/// still caught. The archives are built member by member with `ZipWriter`, so their
/// .npy bytes can be anything; NumPyInteropTests checks that writer against NumPy.
@Suite struct NPZLargeMemberTests {
    /// 40 000 elements: 320 000 bytes as float64, over the 256 KiB threshold.
    static let count = 40_000

    /// A .npy file: version 1.0 header for `descr`/`fortran`/`shape`, padded as np.save pads it, then `data`.
    static func npy(descr: String, fortran: Bool = false, shape: [Int], data: [UInt8]) -> [UInt8] {
        let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        let order = fortran ? "True" : "False"
        var dict = Array("{'descr': '\(descr)', 'fortran_order': \(order), 'shape': \(shapeText), }".utf8)
        while (10 + dict.count + 1) % 64 != 0 { dict.append(UInt8(ascii: " ")) }
        dict.append(UInt8(ascii: "\n"))
        return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(dict.count & 0xff), UInt8(dict.count >> 8)] + dict + data
    }

    /// Writes `members` (name → .npy bytes) into an archive and returns its URL.
    static func archive(_ members: [(String, [UInt8])], deflated: Bool, in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent(deflated ? "deflated.npz" : "stored.npz")
        let writer = try ZipWriter(creating: url, writingBack: true)
        for (name, bytes) in members {
            try bytes.withUnsafeBytes { try writer.addMember(named: name, pieces: [$0], deflated: deflated) }
        }
        try writer.finish()
        return url
    }

    /// The bytes of `values` as `Raw`, in little- or big-endian order.
    static func bytes<Raw: FixedWidthInteger>(_ values: [Raw], bigEndian: Bool) -> [UInt8] {
        values.flatMap { value in withUnsafeBytes(of: bigEndian ? value.bigEndian : value.littleEndian, Array.init) }
    }

    static let values = awkwardTensor(shape: [count], seed: 11).scalars

    @Test(arguments: [false, true])
    func everyLayoutOfALargeMemberReadsExactly(deflated: Bool) throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bits = Self.values.map(\.bitPattern)
        let floats = Self.values.map { Float($0) }
        let members: [(String, [UInt8])] = [
            ("little.npy", Self.npy(descr: "<f8", shape: [200, 200], data: Self.bytes(bits, bigEndian: false))),
            ("big.npy", Self.npy(descr: ">f8", shape: [200, 200], data: Self.bytes(bits, bigEndian: true))),
            (
                "fortran.npy",
                Self.npy(
                    descr: "<f8", fortran: true, shape: [250, 160],
                    data: Self.bytes(bits, bigEndian: false))
            ),
            (
                "single.npy",
                Self.npy(
                    descr: "<f4", shape: [Self.count],
                    data: Self.bytes(
                        floats.map(\.bitPattern),
                        bigEndian: false))
            ),
        ]
        let read = try NPZ.read(contentsOf: Self.archive(members, deflated: deflated, in: directory))
        #expect(read["little"]?.shape == [200, 200])
        #expect(read["little"]?.scalars.map(\.bitPattern) == bits)
        #expect(read["big"]?.scalars.map(\.bitPattern) == bits)
        #expect(read["single"]?.scalars.map(\.bitPattern) == floats.map { Double($0).bitPattern })
        // Fortran order: element (i, j) is stored at j * 250 + i.
        let fortran = try #require(read["fortran"])
        #expect(fortran.shape == [250, 160])
        #expect(fortran.scalars.count == Self.count)
        for (i, j) in [(0, 0), (1, 0), (0, 1), (249, 159), (17, 93)] {
            #expect(fortran[i, j].bitPattern == bits[j * 250 + i], "(\(i), \(j))")
        }
    }

    @Test(arguments: [false, true])
    func aFlippedByteInALargeMemberIsCaught(deflated: Bool) throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("model.npz")
        try NPZ.write(["A": Tensor(shape: [Self.count], scalars: Self.values)], to: url, compressed: deflated)
        var bytes = try [UInt8](Data(contentsOf: url))
        // Past the local header (30 bytes + "A.npy") and the .npy preamble, well inside the data.
        bytes[deflated ? 1000 : 200_000] ^= 0x10
        try Data(bytes).write(to: url)
        let message = errorMessage { _ = try NPZ.read(contentsOf: url) }
        #expect(message.hasPrefix("model.npz member 'A.npy': "), "\(message)")
        #expect(message.contains("damaged") || message.contains("corrupt"), "\(message)")
    }

    @Test func aLargeMemberWhoseHeaderDisagreesWithItsDataIsRefused() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = Self.bytes(Self.values.map(\.bitPattern), bigEndian: false)
        let url = try Self.archive(
            [
                ("short.npy", Self.npy(descr: "<f8", shape: [Self.count + 1], data: data)),
                ("long.npy", Self.npy(descr: "<f8", shape: [Self.count - 1], data: data)),
            ],
            deflated: false, in: directory)
        let message = errorMessage { _ = try NPZ.read(contentsOf: url) }
        #expect(message.hasPrefix("stored.npz member 'short.npy': data is truncated"), "\(message)")
        #expect(message.contains("needs \(8 * (Self.count + 1)) bytes, file has \(8 * Self.count)"), "\(message)")
    }
}
