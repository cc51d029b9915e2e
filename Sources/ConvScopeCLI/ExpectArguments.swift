import ArgumentParser
import ConvScopeCore
import Foundation
import TensorFiles

/// `--expect MINE.npz` with its tolerance: the user's own results to check against the
/// library's. Shared by `compute`, `view` and `render`.
struct ExpectArguments: ParsableArguments {
    @Option(
        help: ArgumentHelp("Your own results to check: an .npz with any of Z, dLdA, dLdW, dLdb.", valueName: "mine.npz")
    )
    var expect: String?

    @OptionGroup var tolerance: ToleranceArguments

    /// Checks the `--expect` file against the layer run on `bundle`; nil without `--expect`.
    /// An unreadable file or one with nothing checkable is a one-line failure.
    func check(_ spec: LayerSpec, bundle: [String: Tensor]) throws -> AnswerCheck? {
        guard let expect else { return nil }
        let answer = try NPZ.read(contentsOf: URL(fileURLWithPath: expect))
        return try tolerance.check(spec, bundle: bundle, answer: answer, source: expect)
    }
}

/// `--atol` and `--rtol`: how close the user's answers must be (NumPy's `allclose`). Shared by
/// `--expect` and `check`.
struct ToleranceArguments: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Absolute tolerance of the check.", valueName: "x"))
    var atol = 1e-8

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Relative tolerance of the check: a value passes when |yours − library| ≤ atol + rtol·|library|.",
            valueName: "x"))
    var rtol = 1e-6

    /// Checks `answer` (read from `source`) against the layer run on `bundle`; a bad
    /// tolerance or an answer with nothing checkable is a one-line failure.
    func check(
        _ spec: LayerSpec, bundle: [String: Tensor], answer: [String: Tensor],
        source: String
    ) throws -> AnswerCheck {
        for (option, value) in [("--atol", atol), ("--rtol", rtol)] where !(value.isFinite && value >= 0) {
            let what =
                value.isNaN
                ? "not a number"
                : value.isInfinite ? "infinite, which would pass any answer" : "negative"
            throw CLIFailure(
                "\(option) \(value) is \(what); give a finite tolerance of 0 or more, "
                    + "e.g. \(option) 1e-8")
        }
        do {
            return try AnswerCheck(
                spec: spec, bundle: bundle, answer: answer, tolerance: Tolerance(absolute: atol, relative: rtol))
        } catch {
            guard let line = libraryErrorLine(error) else { throw error }
            throw CLIFailure("\(source): \(spec.kind.rawValue): \(line)")
        }
    }
}
