import ArgumentParser
import ConvScopeCore
import Walkthroughs

/// `--mytorch DIR` and `--timeout`: run the user's own mytorch class on the same tensors and
/// check its answers. Shared by `check`, `view` and `render`.
struct MytorchArguments: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Your assignment folder (holding mytorch/): run your class on the same tensors and check its answers.",
            valueName: "dir"))
    var mytorch: String?

    @Option(help: ArgumentHelp("Seconds your code may run before it is stopped (default 30).", valueName: "seconds"))
    var timeout = 30.0

    /// The bundle a check runs on: the given tensors, with zeros for a missing `b` (as
    /// `compute`) and, when there is no `dLdZ`, one made by `upstream` in Z's shape. A
    /// sample's `dLdZ` that does not fit the layer asked for (another layer, a stride-1
    /// core) is replaced the same way; a bundle's must fit.
    static func completed(_ input: LayerInput, upstream: UpstreamGradient) throws -> [String: Tensor] {
        var tensors = input.tensors
        do {
            let forward = try input.spec.run(on: tensors.filter { $0.key != "dLdZ" })
            if let Z = forward["Z"], tensors["dLdZ"] == nil || (input.isSample && tensors["dLdZ"]?.shape != Z.shape) {
                tensors["dLdZ"] = upstream.tensor(shape: Z.shape)
            }
            _ = try input.spec.run(on: tensors)
        } catch let error as LayerError {
            throw input.failure(error)
        }
        if tensors["b"] == nil, let W = tensors["W"], W.rank >= 1,
            input.spec.kind.descriptor.parameterKeys.contains("b")
        {
            tensors["b"] = Tensor(shape: [W.shape[0]])
        }
        return tensors
    }

    /// Runs the user's class for `layer` on `bundle` (already `completed`) and checks its answers.
    func check(_ layer: LayerName, spec: LayerSpec, bundle: [String: Tensor], tolerance: ToleranceArguments) throws
        -> MytorchCheck?
    {
        guard let mytorch else { return nil }
        guard timeout > 0, timeout.isFinite else {
            throw CLIFailure("--timeout must be a number of seconds above 0, got \(timeout)")
        }
        let mytorchClass = try MytorchClass(layer, spec: spec, W: bundle["W"])
        let expected = try spec.run(on: bundle)
        let sent = bundle.filter { ["A", "W", "b", "dLdZ"].contains($0.key) }
        let run = try MytorchRun(
            mytorchClass, dir: mytorch, bundle: sent, expectedZ: expected["Z"]?.shape ?? [], timeout: timeout)
        let source = "\(mytorch.hasSuffix("/") ? String(mytorch.dropLast()) : mytorch)/\(mytorchClass.path)"
        let answer = try tolerance.check(spec, bundle: bundle, answer: run.answers, source: source)
        return MytorchCheck(
            mytorchClass: mytorchClass, source: source, answer: answer, ranBackward: run.ranBackward,
            theirZ: run.answers["Z"]?.shape ?? [], expectedZ: expected["Z"]?.shape ?? [])
    }
}

/// The outcome of running the user's class: the answer check and whether backward ran.
struct MytorchCheck {
    let mytorchClass: MytorchClass
    /// Their file, as `DIR/mytorch/nn/Conv1d.py`.
    let source: String
    let answer: AnswerCheck
    let ranBackward: Bool
    let theirZ: [Int]
    let expectedZ: [Int]

    var passes: Bool { answer.passes && ranBackward }

    /// The report: `AnswerReport`'s lines, and why backward did not run when it did not.
    var text: String {
        var lines = [
            "\(mytorchClass.name)(\(mytorchClass.arguments.map(String.init).joined(separator: ", "))) from \(source)",
            AnswerReport.text(answer),
        ]
        if !ranBackward {
            let shape = TensorSummary.shapeText
            lines.append(
                "backward not run: your \(mytorchClass.name).forward gives Z of shape \(shape(theirZ)), "
                    + "so a dLdZ of shape \(shape(expectedZ)) cannot fit it; fix forward first")
        }
        return lines.joined(separator: "\n")
    }
}
