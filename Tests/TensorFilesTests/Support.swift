import ConvScopeCore
import Foundation
import Testing

@testable import TensorFiles

/// Fixture files written by scripts/make_file_fixtures.py.
enum Fixtures {
    static let directory: URL = {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            fatalError("Fixtures folder missing from the test bundle")
        }
        return url
    }()

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    /// Expected contents of one array, as NumPy computed them.
    struct Expected: Decodable {
        let shape: [Int]
        let values: [String]
        let bits: [String]
    }

    static func expected(_ name: String) throws -> Expected {
        try JSONDecoder().decode(Expected.self, from: Data(contentsOf: url(name + ".json")))
    }

    static func expectedMembers(_ name: String) throws -> [String: Expected] {
        struct Archive: Decodable { let members: [String: Expected] }
        return try JSONDecoder().decode(Archive.self, from: Data(contentsOf: url(name + ".json"))).members
    }
}

/// Checks a tensor against NumPy's float64 values: same shape, same bits
/// (NaN payloads included), and each repr string parses to the same Double.
func expectMatches(
    _ tensor: Tensor, _ expected: Fixtures.Expected, _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(tensor.shape == expected.shape, "\(label): shape", sourceLocation: sourceLocation)
    #expect(tensor.scalars.map { hex($0) } == expected.bits, "\(label): bits", sourceLocation: sourceLocation)
    let parsed = expected.values.map { Double($0) }
    #expect(parsed.count == tensor.count, "\(label): count", sourceLocation: sourceLocation)
    for (value, reference) in zip(tensor.scalars, parsed) {
        #expect(
            sameValue(value, reference), "\(label): \(value) vs \(String(describing: reference))",
            sourceLocation: sourceLocation)
    }
}

/// The float64 bit pattern as 16 lowercase hex digits.
func hex(_ value: Double) -> String {
    let digits = String(value.bitPattern, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
}

/// Equal bits, or both NaN (any payload).
func sameValue(_ a: Double, _ b: Double?) -> Bool {
    guard let b else { return false }
    return a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN)
}

/// Runs `body` and returns the TensorFileError message it throws, recording an issue otherwise.
func errorMessage(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) -> String {
    do {
        try body()
        Issue.record("expected a TensorFileError, nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as TensorFileError {
        return error.message
    } catch {
        Issue.record("expected a TensorFileError, got \(error)", sourceLocation: sourceLocation)
    }
    return ""
}

/// A fresh empty directory, removed by the caller.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("TensorFilesTests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Reproducible tensors that exercise every corner of float64: signed zeros,
/// subnormals, extremes, infinities, NaN, and ordinary random values.
func awkwardTensor(shape: [Int], seed: UInt64) -> Tensor {
    let specials: [Double] = [
        0, -0.0, .leastNonzeroMagnitude, -.leastNormalMagnitude / 3, .greatestFiniteMagnitude,
        -.infinity, .infinity, .nan, 1 / 3, -1e-300, 0x1p-1060,
    ]
    var generator = SeededGenerator(seed: seed)
    return Tensor(shape: shape) { i in
        i < specials.count ? specials[i] : Double(bitPattern: generator.next())
    }
}
