import ConvScopeCore
import Foundation
import Testing

@testable import TensorFiles

/// Every good .npy fixture decodes to exactly the float64 values NumPy computed for it.
@Suite struct NPYFixtureTests {
    static let names = [
        "f8", "f4", "f2", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "b1",
        "be_f8", "be_f4", "be_f2", "be_i2", "be_i4", "be_i8", "be_u2", "be_u4", "be_u8",
        "fortran_2d", "fortran_3d_be", "scalar", "vector", "rank4", "empty", "specials",
        "v2", "v3",
    ]

    @Test(arguments: names)
    func fixtureMatchesNumPy(name: String) throws {
        let tensor = try NPY.read(contentsOf: Fixtures.url(name + ".npy"))
        expectMatches(tensor, try Fixtures.expected(name), name)
    }

    @Test func everyNpyFixtureIsCovered() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.directory.path)
        let good = files.filter { $0.hasSuffix(".npy") && !$0.hasPrefix("bad_") }.map { String($0.dropLast(4)) }
        #expect(Set(good) == Set(Self.names))
    }

    @Test func fortranOrderIsTransposedIntoRowMajor() throws {
        // np.arange(6).reshape(2, 3) saved in Fortran order reads back in row-major order.
        let tensor = try NPY.read(contentsOf: Fixtures.url("fortran_2d.npy"))
        #expect(tensor == Tensor(shape: [2, 3], scalars: [0, 1, 2, 3, 4, 5]))
    }

    @Test func decodeAcceptsASliceOfLargerData() throws {
        let bytes = try Data(contentsOf: Fixtures.url("vector.npy"))
        let slice = (Data([1, 2, 3]) + bytes).dropFirst(3)
        #expect(try NPY.decode(slice) == Tensor([1, 2, 3]))
    }

    @Test func nativeAndUnmarkedByteOrdersReadAsLittleEndian() throws {
        for descr in ["=i2", "|i2", "i2", "<i2"] {
            let data = npyBytes(
                header: "{'descr': '\(descr)', 'fortran_order': False, 'shape': (2,), }",
                payload: [0x01, 0x02, 0xFF, 0xFF])
            #expect(try NPY.decode(data) == Tensor([513, -1]), "\(descr)")
        }
    }

    @Test func headerMayUseDoubleQuotesAndOddSpacing() throws {
        let data = npyBytes(
            header: "{ \"shape\" :(1 , 2) ,\"fortran_order\":True,'descr':'<u1'}",
            payload: [7, 9])
        #expect(try NPY.decode(data) == Tensor(shape: [1, 2], scalars: [7, 9]))
    }
}

/// A version 1.0 .npy with the given header text, padded like NumPy's, and raw data bytes.
func npyBytes(header: String, payload: [UInt8]) -> Data {
    var text = Array(header.utf8)
    let preamble = 10
    text += [UInt8](repeating: UInt8(ascii: " "), count: 63 - (preamble + text.count) % 64)
    text.append(UInt8(ascii: "\n"))
    return Data(
        [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(text.count & 0xFF), UInt8(text.count >> 8)] + text + payload)
}
