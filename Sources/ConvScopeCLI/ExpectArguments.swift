import ArgumentParser
import ConvScopeCore
import Foundation
import TensorFiles

/// `--expect MINE.npz` with its tolerance: the user's own results to check against the
/// library's. Shared by `compute`, `view` and `render`.
struct ExpectArguments: ParsableArguments {
    @Option(help: ArgumentHelp("Your own results to check: an .npz with any of Z, dLdA, dLdW, dLdb.", valueName: "mine.npz"))
    var expect: String?

    @Option(help: ArgumentHelp("Absolute tolerance of --expect.", valueName: "x"))
    var atol = 1e-8

    @Option(help: ArgumentHelp("Relative tolerance of --expect: a value passes when |yours − library| ≤ atol + rtol·|library|.", valueName: "x"))
    var rtol = 1e-6

    /// Checks the `--expect` file against the layer run on `bundle`; nil without `--expect`.
    /// An unreadable file or one with nothing checkable is a one-line failure.
    func check(_ spec: LayerSpec, bundle: [String: Tensor]) throws -> AnswerCheck? {
        guard let expect else { return nil }
        guard atol >= 0, rtol >= 0, atol.isFinite, rtol.isFinite else {
            throw CLIFailure("--atol and --rtol must be 0 or more, got \(atol) and \(rtol)")
        }
        let answer = try NPZ.read(contentsOf: URL(fileURLWithPath: expect))
        do {
            return try AnswerCheck(spec: spec, bundle: bundle, answer: answer, tolerance: Tolerance(absolute: atol, relative: rtol))
        } catch {
            guard let line = libraryErrorLine(error) else { throw error }
            throw CLIFailure("\(expect): \(spec.kind.rawValue): \(line)")
        }
    }
}
