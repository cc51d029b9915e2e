import ConvScopeCore
import Foundation
import Testing

@testable import TensorFiles

/// Every bad .npy throws a one-line TensorFileError naming the file and the problem.
@Suite struct NPYErrorTests {
    static let cases: [(file: String, phrases: [String])] = [
        ("bad_truncated.npy", ["data is truncated", "shape (3, 4) of <f8 needs 96 bytes, file has 40"]),
        ("bad_magic.npy", ["not a .npy file"]),
        ("bad_version.npy", ["format version 4.0"]),
        ("bad_header.npy", ["malformed header", "expected ',' or ')'"]),
        ("bad_keys.npy", ["malformed header", "'descr', 'fortran_order' and 'shape'"]),
        ("bad_shape_lies.npy", ["16 bytes follow the data", "shape (2,) of <f8 needs 16 bytes, file has 32"]),
        ("bad_overflow.npy", ["shape (4294967296, 4294967296, 4294967296) holds more than 2147483648"]),
        ("bad_huge.npy", ["shape (65536, 65536) holds more than 2147483648 elements"]),
        ("bad_negative.npy", ["malformed header", "non-negative"]),
        ("bad_header_too_long.npy", ["header is 60000 bytes", "10000"]),
        ("bad_object.npy", ["dtype '|O'", "pickled Python objects", "a.astype(np.float64)"]),
        ("bad_complex.npy", ["dtype '<c16'", "complex"]),
        ("bad_string.npy", ["dtype '<U2'", "text strings"]),
        ("bad_structured.npy", ["structured dtype"]),
        ("bad_datetime.npy", ["dtype '<M8[D]'", "dates and times"]),
        ("bad_longdouble.npy", ["dtype '<f16'", "unsupported width"]),
        ("bad_nesting.npy", ["malformed header", "nesting is too deep"]),
    ]

    @Test(arguments: cases)
    func badFileThrowsNamedError(file: String, phrases: [String]) {
        let message = errorMessage { _ = try NPY.read(contentsOf: Fixtures.url(file)) }
        #expect(message.hasPrefix(file + ": "), "\(message)")
        #expect(!message.contains("\n"), "\(message)")
        for phrase in phrases {
            #expect(message.contains(phrase), "\(message) lacks \(phrase)")
        }
    }

    @Test func everyBadNpyFixtureIsCovered() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.directory.path)
        let bad = files.filter { $0.hasPrefix("bad_") && $0.hasSuffix(".npy") }
        #expect(Set(bad) == Set(Self.cases.map(\.file)))
    }

    @Test func missingFileNamesPath() {
        let message = errorMessage { _ = try NPY.read(contentsOf: URL(fileURLWithPath: "/nonexistent/x.npy")) }
        #expect(message == "x.npy: there is no file at /nonexistent/x.npy; check the path")
    }

    @Test func sourceNamesTheInputInMessages() {
        let message = errorMessage { _ = try NPY.decode(Data("hello".utf8), source: "upload #3") }
        #expect(message.hasPrefix("upload #3: not a .npy file"))
    }

    /// Every prefix of a valid file, and every single-byte corruption of its header,
    /// must throw or decode — never trap.
    @Test func damagedBytesNeverCrash() throws {
        let valid = NPY.encode(Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6]))
        for length in 0..<valid.count {
            #expect(throws: TensorFileError.self) { try NPY.decode(valid.prefix(length)) }
        }
        var generator = SeededGenerator(seed: 7)
        for position in 0..<128 {
            for _ in 0..<8 {
                var damaged = valid
                damaged[position] = UInt8.random(in: 0...255, using: &generator)
                do { _ = try NPY.decode(damaged) } catch is TensorFileError {}
            }
        }
    }

    @Test(arguments: [
        "{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,), }",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 'x'), }",
        "{'descr': '<f8', 'fortran_order': 0, 'shape': (1,), }",
        "{'descr': '<f8', 'fortran_order': False, 'shape': [1], }",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'extra': 1}",
        "{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (1,)}",
        "{'descr': 8, 'fortran_order': False, 'shape': (1,), }",
        "{'descr': '<f8\\n', 'fortran_order': False, 'shape': (1,), }",
        "{'descr': '<f+8', 'fortran_order': False, 'shape': (1,), }",
        "{'descr': '', 'fortran_order': False, 'shape': (1,), }",
        "{'descr': '<f8', 'fortran_order': Maybe, 'shape': (1,), }",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), } trailing",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (1,",
        "{'descr: '<f8'}",
        "(1, 2)",
        "",
    ])
    func malformedHeaderIsRefused(header: String) {
        let message = errorMessage {
            _ = try NPY.decode(npyBytes(header: header, payload: Array(repeating: 0, count: 8)))
        }
        #expect(message.hasPrefix("input: "), "\(message)")
    }
}
