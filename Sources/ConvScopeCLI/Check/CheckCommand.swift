import ArgumentParser
import ConvScopeCore
import Walkthroughs

/// `convscope check LAYER --mytorch DIR [BUNDLE.npz | --sample NAME]`: runs the user's own
/// mytorch class on the bundle and reports as `compute --expect` does.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run your own mytorch layer (Python) on a bundle and check its Z, dLdA, dLdW, dLdb.",
        discussion: """
            DIR is your assignment folder, the one holding mytorch/. ConvScope builds your class \
            with the assignment's constructor (Conv1d(in, out, K, stride, padding), \
            MaxPool2d(K, stride), …), sets W and b on its stride-1 layer, runs forward and \
            backward with the bundle's dLdZ (seeded random values when it has none), and \
            compares with its own results: one line per tensor, the classic mistake by name, \
            exit status 0 when all match, 2 when anything differs, 1 on errors (a missing \
            file or class, another constructor, an exception or time-out in your code). Your \
            code runs with python3 (or CONVSCOPE_PYTHON) and NumPy in a temporary working \
            folder; nothing is written into DIR.

            Layers: \(MytorchClass.checkable).
            """)

    @OptionGroup var layer: LayerArguments

    @Argument(
        help: ArgumentHelp(
            "An .npz with A, the parameters, and optionally dLdZ (or give --sample).", valueName: "bundle.npz"))
    var bundle: String?

    @OptionGroup var mytorch: MytorchArguments

    @OptionGroup var tolerance: ToleranceArguments

    @Option(help: "Seed of the random dLdZ used when the bundle has none.")
    var seed: UInt64 = 1

    func run() throws {
        guard mytorch.mytorch != nil else {
            throw CLIFailure("say where your code is: --mytorch DIR, the folder that holds mytorch/")
        }
        guard bundle != nil || layer.sample != nil else {
            throw CLIFailure("check needs tensors: give BUNDLE.npz or --sample NAME (see `convscope samples`)")
        }
        let input = try layer.input(bundle: bundle)
        let tensors = try MytorchArguments.completed(input, upstream: .random(seed: seed))
        let name = layer.layer ?? LayerName(kind: input.spec.kind)
        guard let check = try mytorch.check(name, spec: input.spec, bundle: tensors, tolerance: tolerance) else {
            return
        }
        print(check.text)
        if !check.passes { throw ExitCode(ComputeCommand.mismatchStatus) }
    }
}
