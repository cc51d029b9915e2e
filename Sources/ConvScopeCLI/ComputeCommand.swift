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

            Layers: \(LayerKind.allCases.map(\.rawValue).joined(separator: ", ")).
            """)

    @OptionGroup var layer: LayerArguments

    @Argument(help: ArgumentHelp("An .npz with A, the parameters, and optionally dLdZ.", valueName: "bundle.npz"))
    var bundle: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Where to write the results (.npz), or - to print a summary.", valueName: "out.npz"))
    var output: String

    func run() throws {
        let results: [String: Tensor]
        do {
            let tensors = try NPZ.read(contentsOf: URL(fileURLWithPath: bundle))
            results = try layer.spec.run(on: tensors)
        } catch let error as LayerError {
            throw CLIFailure("\(bundle): \(layer.layer.rawValue): \(error.message)")
        }
        if output == "-" {
            print(TensorSummary.table(results))
        } else {
            try NPZ.write(results, to: URL(fileURLWithPath: output))
        }
    }
}
