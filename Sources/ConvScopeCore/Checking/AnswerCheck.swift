/// Why an answer cannot be checked, as data; the CLI words it.
public enum AnswerCheckError: Error, Equatable, Sendable {
    /// The answer holds no tensors; the run makes `checkable`.
    case empty(checkable: [String])
    /// The answer has the gradient `key`, but the bundle has no dL/dZ to run backward from.
    case noBackward(key: String)
    /// The answer has `key`, which a `kind` run does not make; it makes `checkable`.
    case notProduced(key: String, kind: LayerKind, checkable: [String])
}

/// A user's own results for a layer (any of `Z`, `dLdA`, `dLdW`, `dLdb`, or the scanning
/// MLPs' `dLdw1`–`dLdw3`) checked against the library's on the same bundle, each wrong
/// tensor named after the classic mistake it matches, when one does.
public struct AnswerCheck: Sendable {
    public let tolerance: Tolerance
    /// One check per tensor of the answer: Z, dLdA, dLdW, dLdb, then the rest by name.
    public let tensors: [TensorCheck]

    /// Runs the layer on `bundle` and compares. Throws a `LayerError` or `LayerSpecError`
    /// when the layer cannot run, an `AnswerCheckError` when the answer holds nothing to
    /// check or a tensor the run does not make.
    public init(spec: LayerSpec, bundle: [String: Tensor], answer: [String: Tensor], tolerance: Tolerance = Tolerance())
        throws
    {
        let results = try spec.run(on: bundle)
        guard !answer.isEmpty else {
            throw AnswerCheckError.empty(checkable: ResultOrder.sorted(results.keys))
        }
        for key in answer.keys where results[key] == nil {
            if key.hasPrefix("dLd") && bundle["dLdZ"] == nil {
                throw AnswerCheckError.noBackward(key: key)
            }
            throw AnswerCheckError.notProduced(key: key, kind: spec.kind, checkable: ResultOrder.sorted(results.keys))
        }
        self.tolerance = tolerance
        tensors = ResultOrder.sorted(answer.keys).map { key in
            var check = TensorCheck(key: key, mine: answer[key]!, expected: results[key]!, tolerance: tolerance)
            if !check.passes {
                let context = MistakeContext(
                    spec: spec, bundle: bundle, key: key, expected: check.expected, tolerance: tolerance)
                check.mistake = KnownMistake.catalogue.first { $0.fits(check.mine, in: context) }
            }
            return check
        }
    }

    /// True when every tensor has the right shape and values.
    public var passes: Bool { tensors.allSatisfy(\.passes) }

    /// The check of one tensor, if the answer has it.
    public subscript(key: String) -> TensorCheck? { tensors.first { $0.key == key } }
}
