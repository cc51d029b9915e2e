import ArgumentParser
import ConvScopeCore
import Foundation
import TensorFiles

/// `convscope compute LAYER BUNDLE.npz -o OUT.npz`: runs one layer headlessly.
struct ComputeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compute",
        abstract: "Run one layer forward (and backward) on the tensors in an .npz bundle.",
        discussion: """
            Reads A and the parameters (W, b; w1, w2, w3 for the scanning MLPs; a missing b \
            means zeros) from BUNDLE, runs forward, and backward too when the bundle holds \
            dLdZ. Writes float64 Z, and after backward dLdA, dLdW, dLdb (dLdw1–dLdw3 for the \
            scanning MLPs) to OUT.npz. With -o - it prints a summary instead.

            With --expect MINE.npz it checks your own results against the library's: one \
            line per tensor (OK, or how many values differ, the largest error and the first \
            positions), the classic mistake it matches when one does, and exit status 2 when \
            anything differs (1 is kept for bad input). -o is optional then.

            Layers: \(LayerKind.allCases.map(\.rawValue).joined(separator: ", ")).
            """)

    @OptionGroup var layer: LayerArguments

    @Argument(help: ArgumentHelp("An .npz with A, the parameters, and optionally dLdZ.", valueName: "bundle.npz"))
    var bundle: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Where to write the results (.npz), or - to print a summary.", valueName: "out.npz"))
    var output: String?

    @OptionGroup var expectation: ExpectArguments

    /// Exit status when `--expect` finds a difference (bad input is 1).
    static let mismatchStatus: Int32 = 2

    func run() throws {
        guard output != nil || expectation.expect != nil else {
            throw CLIFailure("say where the results go: -o OUT.npz, -o - for a summary, or --expect MINE.npz to check yours")
        }
        let tensors = try NPZ.read(contentsOf: URL(fileURLWithPath: bundle))
        let results: [String: Tensor]
        do {
            results = try layer.spec.run(on: tensors)
        } catch let error as LayerError {
            throw CLIFailure("\(bundle): \(layer.layer.rawValue): \(error.message)")
        }
        let check = try expectation.check(layer, bundle: tensors)
        if output == "-" {
            print(TensorSummary.table(results))
        } else if let output {
            try NPZ.write(results, to: URL(fileURLWithPath: output))
        }
        if let check {
            print(AnswerReport.text(check))
            if !check.passes { throw ExitCode(Self.mismatchStatus) }
        }
    }
}
