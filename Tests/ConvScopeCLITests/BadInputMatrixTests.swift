import ConvScopeCore
import Foundation
import TensorFiles
import Testing

/// The bundles of scripts/make_bad_inputs.py through `compute relu` and `render relu`: each
/// gets one line on stderr, free of control characters, and exit status 1 with no output
/// file, or a correct result; never a crash or a hang.
@Suite struct BadInputMatrixTests {
    enum Expectation: Sendable {
        /// Exit 1 with one stderr line containing the phrase, nothing on stdout, no file.
        case refused(String)
        /// `compute` writes this Z (NaN compares equal to NaN).
        case computes(shape: [Int], Z: [Double])
        /// `render` prints a screen holding each phrase.
        case shows([String])
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let file: String
        let compute: Expectation
        let render: Expectation
        var testDescription: String { file }

        init(_ file: String, _ compute: Expectation, _ render: Expectation? = nil) {
            self.file = file
            self.compute = compute
            self.render = render ?? compute
        }
    }

    static let cases: [Case] = [
        Case(
            "truncated_data.npz",
            .refused("member 'A.npy': data is truncated: shape (1, 1, 4) of <f8 needs 32 bytes, file has 23")),
        Case("truncated_archive.npz", .refused("not a readable zip archive")),
        Case("wrong_magic.npz", .refused("not a .npy file")),
        Case("header_too_long.npz", .refused("header is 1048576 bytes, more than the 10000")),
        Case("shape_lies.npz", .refused("16 bytes follow the data: shape (1, 1, 2)")),
        Case("shape_overflows.npz", .refused("holds more than 2147483648 elements")),
        Case("shape_absurd.npz", .refused("shape (1, 1, 1073741824) of <f8 needs 8589934592 bytes, file has 32")),
        Case("dtype_object.npz", .refused("dtype '|O' (object, pickled Python objects) is not supported")),
        Case("dtype_complex.npz", .refused("dtype '<c16' (complex)")),
        Case("dtype_long_double.npz", .refused("dtype '<f16' (float of an unsupported width)")),
        Case("key_not_utf8.npz", .refused("a member name is not valid text")),
        Case("key_duplicate.npz", .refused("member 'A.npy' occurs more than once")),
        Case("bomb_lying.npz", .refused("inflates to more than its declared 256 bytes")),
        Case("bomb_declared.npz", .refused("members declare more than 4294967296 bytes in total")),
        Case("header_escape.npz", .refused("dtype '\\x1b]0;TITLE\\x07' (not a numeric NumPy type) is not supported")),
        Case("key_escape.npz", .refused("[31mred")),
        Case(
            "key_non_ascii.npz", .computes(shape: [1, 1, 4], Z: [1, 0, 3, 0]),
            .shows(["Z[0,0,0] = relu(A[0,0,0]) = relu(1)"])),
        Case(
            "non_finite.npz", .computes(shape: [1, 1, 5], Z: [.nan, .infinity, 0, 1.5, 0]),
            .shows(["= relu(NaN)", "= NaN", "A (1, 1, 5)  min -2  max 1.5000  mean -0.2500  NaN×1 +Inf×1 -Inf×1"])),
        Case(
            "empty.npz", .computes(shape: [1, 2, 0], Z: []),
            .refused("so the forward pass makes an empty tensor of shape (1, 2, 0)")),
    ]

    static let fixtures: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    @Test(arguments: cases)
    func compute(_ c: Case) throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out.npz")
        let result = try ConvscopeProcess.run([
            "compute", "relu", Self.fixtures.appendingPathComponent(c.file).path, "-o", out.path,
        ])
        #expect(!result.timedOut)
        switch c.compute {
        case .refused(let phrase):
            expectRefused(result, file: c.file, phrase: phrase)
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty, "no partial output")
        case .computes(let shape, let Z):
            #expect(result.status == 0, "\(result.stderr)")
            let z = try #require(try NPZ.read(contentsOf: out)["Z"])
            #expect(z.shape == shape)
            #expect(
                z.scalars.count == Z.count && zip(z.scalars, Z).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) },
                "\(z.scalars)")
        case .shows:
            Issue.record("compute has no screen")
        }
    }

    @Test(arguments: cases)
    func render(_ c: Case) throws {
        let result = try ConvscopeProcess.run(["render", "relu", Self.fixtures.appendingPathComponent(c.file).path])
        #expect(!result.timedOut)
        switch c.render {
        case .refused(let phrase):
            expectRefused(result, file: c.file, phrase: phrase)
        case .shows(let phrases):
            #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
            for phrase in phrases {
                #expect(result.stdout.contains(phrase), "no '\(phrase)' in\n\(result.stdout)")
            }
        case .computes:
            Issue.record("render prints a screen")
        }
    }

    @Test func everyFixtureIsInTheMatrix() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).filter {
            $0.hasSuffix(".npz")
        }
        #expect(Set(files) == Set(Self.cases.map(\.file)))
    }

    private func expectRefused(
        _ result: ConvscopeProcess.Result, file: String, phrase: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(result.status == 1, "status \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(
            result.stderr.hasPrefix("convscope: ") && result.stderr.contains(file), "\(result.stderr)",
            sourceLocation: sourceLocation)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(phrase), "no '\(phrase)' in \(result.stderr)", sourceLocation: sourceLocation)
        #expect(
            !result.stderr.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" },
            "a control character reached the terminal: \(result.stderr.debugDescription)",
            sourceLocation: sourceLocation)
    }
}
