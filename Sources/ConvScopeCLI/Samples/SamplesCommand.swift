import ArgumentParser
import ConvScopeCore
import Foundation

/// `convscope samples`: the shipped sample bundles as an aligned table.
struct SamplesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samples",
        abstract: "List the sample bundles that --sample NAME opens: layer, options, shapes, what each shows.",
        discussion: """
            The samples live in samples/ of the package (found above the executable or the \
            current directory), or in the folder named by \(SampleCatalog.environmentVariable).
            """)

    func run() throws {
        let catalog = try SampleCatalog.load()
        var rows = [["NAME", "LAYER", "OPTIONS", "A", "W", "SHOWS"]]
        var architectures: [String] = []
        for sample in catalog.samples {
            let tensors = try catalog.tensors(of: sample)
            let keys = sample.layer == Sample.networkLayer ? ["Y"] : try sample.spec().kind.parameterKeys.filter { $0 != "b" }
            let parameters = keys.compactMap { tensors[$0].map { TensorSummary.shapeText($0.shape) } }
            let architecture = try Self.architectureLines(sample, A: tensors["A"])
            architectures += architecture ?? []
            rows.append([sample.name, sample.layer, architecture == nil ? sample.optionsText : "(architecture below)",
                         tensors["A"].map { TensorSummary.shapeText($0.shape) } ?? "—",
                         parameters.isEmpty ? "—" : parameters.joined(separator: " "), sample.about])
        }
        try StandardOutput.print(Self.aligned(rows))
        if !architectures.isEmpty { try StandardOutput.print("\n" + architectures.joined(separator: "\n")) }
        try StandardOutput.print("\n\(catalog.samples.count) samples in \(catalog.folder.path); "
                                 + "open one with `convscope view --sample NAME`.")
    }

    /// For a CNN sample with an architecture (too long for the table): its options, then its
    /// width chain and Linear input size on its data's width, e.g.
    /// `assignment-cnn: --channels 56,28,14 … --lr 0.001` and
    /// `  widths 128 → (128 − 5)//1 + 1 = 124 → … = 30, Linear input 14 · 30 = 420`.
    static func architectureLines(_ sample: Sample, A: Tensor?) throws -> [String]? {
        guard sample.layer == Sample.networkLayer, var architecture = try CNNArguments.architecture(of: sample.options),
              let A, A.rank == 3 else { return nil }
        architecture.inputWidth = A.shape[2]
        do {
            let chain = try architecture.widthChain()
            return ["\(sample.name): \(sample.optionsText)", "  widths \(chain.text), Linear input \(chain.linearText)"]
        } catch let error as LayerError {
            throw CLIFailure("samples/index.json: sample \(sample.name): \(error.message)")
        }
    }

    /// Rows with every column but the last padded to its widest cell.
    static func aligned(_ rows: [[String]]) -> String {
        let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            zip(row, widths).enumerated().map { column, cell in
                column == row.count - 1 ? cell.0 : cell.0.padding(toLength: cell.1, withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
