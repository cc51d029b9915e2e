/// A user's own results for a layer (any of `Z`, `dLdA`, `dLdW`, `dLdb`, or the scanning
/// MLPs' `dLdw1`–`dLdw3`) checked against the library's on the same bundle, each wrong
/// tensor named after the classic mistake it matches, when one does.
public struct AnswerCheck: Sendable {
    public let tolerance: Tolerance
    /// One check per tensor of the answer: Z, dLdA, dLdW, dLdb, then the rest by name.
    public let tensors: [TensorCheck]

    /// Runs the layer on `bundle` and compares. Throws a `LayerError` when the layer
    /// cannot run, or the answer holds nothing to check or a tensor the run does not make.
    public init(spec: LayerSpec, bundle: [String: Tensor], answer: [String: Tensor], tolerance: Tolerance = Tolerance()) throws {
        let results = try spec.run(on: bundle)
        guard !answer.isEmpty else {
            throw LayerError("holds no tensors; save any of \(ResultOrder.sorted(results.keys).joined(separator: ", "))")
        }
        for key in answer.keys where results[key] == nil {
            if key.hasPrefix("dLd") && bundle["dLdZ"] == nil {
                throw LayerError("has \(key) but the bundle has no dLdZ, so there is no backward pass to check it against; add the dLdZ you used")
            }
            throw LayerError("has '\(key)', which \(spec.kind.rawValue) does not produce; it checks \(ResultOrder.sorted(results.keys).joined(separator: ", "))")
        }
        self.tolerance = tolerance
        tensors = ResultOrder.sorted(answer.keys).map { key in
            var check = TensorCheck(key: key, mine: answer[key]!, expected: results[key]!, tolerance: tolerance)
            if !check.passes {
                let context = MistakeContext(spec: spec, bundle: bundle, key: key, expected: check.expected, tolerance: tolerance)
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
