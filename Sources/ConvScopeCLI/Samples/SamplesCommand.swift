import ArgumentParser
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
        for sample in catalog.samples {
            let tensors = try catalog.tensors(of: sample)
            let keys = sample.layer == Sample.networkLayer ? ["Y"] : try sample.spec().kind.descriptor.parameterKeys.filter { $0 != "b" }
            let parameters = keys.compactMap { tensors[$0].map { TensorSummary.shapeText($0.shape) } }
            rows.append([sample.name, sample.layer, sample.optionsText, tensors["A"].map { TensorSummary.shapeText($0.shape) } ?? "—",
                         parameters.isEmpty ? "—" : parameters.joined(separator: " "), sample.about])
        }
        try StandardOutput.print(Self.aligned(rows))
        try StandardOutput.print("\n\(catalog.samples.count) samples in \(catalog.folder.path); "
                                 + "open one with `convscope view --sample NAME`.")
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
