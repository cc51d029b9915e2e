import ArgumentParser
import ConvScopeCore
import Foundation
import TensorFiles

/// `convscope compute LAYER BUNDLE.npz -o OUT.npz` (or `--sample NAME`): runs one layer headlessly.
struct ComputeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compute",
        abstract: "Run one layer forward (and backward) on the tensors in an .npz bundle.",
        discussion: """
            Reads A and the parameters (W, b; w1, w2, w3 for the scanning MLPs; a missing b \
            means zeros) from BUNDLE, runs forward, and backward too when the bundle holds \
            dLdZ. Writes float64 Z, and after backward dLdA, dLdW, dLdb (dLdw1–dLdw3 for the \
            scanning MLPs) to OUT.npz. With -o - it prints a summary instead. With --sample NAME \
            the tensors, and unless given the layer and its options, come from a shipped sample.

            With --expect MINE.npz it checks your own results against the library's: one \
            line per tensor (OK, or how many values differ, the largest error and the first \
            positions), the classic mistake it matches when one does, and exit status 2 when \
            anything differs (1 is kept for bad input). -o is optional then.

            Layers: \(LayerKind.allCases.map(\.rawValue).joined(separator: ", ")).
            """)

    @OptionGroup var layer: LayerArguments

    @Argument(
        help: ArgumentHelp(
            "An .npz with A, the parameters, and optionally dLdZ (or give --sample).", valueName: "bundle.npz"))
    var bundle: String?

    @Option(
        name: [.short, .customLong("output")],
        help: ArgumentHelp("Where to write the results (.npz), or - to print a summary.", valueName: "out.npz"))
    var output: String?

    @OptionGroup var expectation: ExpectArguments

    /// Exit status when `--expect` finds a difference (bad input is 1).
    static let mismatchStatus: Int32 = 2

    func run() throws {
        guard bundle != nil || layer.sample != nil else {
            throw CLIFailure("compute needs tensors: give BUNDLE.npz or --sample NAME (see `convscope samples`)")
        }
        guard output != nil || expectation.expect != nil else {
            throw CLIFailure(
                "say where the results go: -o OUT.npz, -o - for a summary, or --expect MINE.npz to check yours")
        }
        if let output, output != "-" {
            try OutputGuard.requireDistinct(
                output, option: "-o",
                from: [
                    ("the input bundle", bundle),
                    ("the --expect file", expectation.expect),
                ])
        }
        let input = try layer.input(bundle: bundle)
        try input.requireMemory(within: layer.maxMemory, backward: false, writing: output != nil && output != "-")
        input.announceNote("only the forward pass runs")
        let results: [String: Tensor]
        do {
            results = try input.spec.run(on: input.tensors)
        } catch {
            throw input.failure(error)
        }
        let check = try expectation.check(input.spec, bundle: input.tensors)
        if output == "-" {
            try StandardOutput.print(TensorSummary.table(results))
        } else if let output {
            try NPZ.write(results, to: URL(fileURLWithPath: output))
            CLINote.print("wrote \(output): \(ResultOrder.sorted(results.keys).joined(separator: ", "))")
        }
        if let check {
            try StandardOutput.print(AnswerReport.text(check))
            if !check.passes { throw ExitCode(Self.mismatchStatus) }
        }
    }
}
