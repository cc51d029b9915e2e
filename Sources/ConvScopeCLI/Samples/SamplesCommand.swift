import ArgumentParser
import ConvScopeCore
import Foundation

/// `convscope samples`: the shipped sample bundles as a table that fits `width` columns.
struct SamplesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samples",
        abstract: "List the sample bundles that --sample NAME opens: layer, options, shapes, what each shows.",
        discussion: """
            The samples live in samples/ of the package (found above the executable or the \
            current directory), or in the folder named by \(SampleCatalog.environmentVariable).
            """)

    /// The widest line the listing prints.
    static let width = 100
    /// The indent of each sample's description, under its row.
    static let indent = "    "

    func run() throws {
        let catalog = try SampleCatalog.load()
        var entries: [Entry] = []
        var architectures: [String] = []
        for sample in catalog.samples {
            let tensors = try catalog.tensors(of: sample)
            // A, then the weights (or the labels Y) by name; b and dLdZ follow from them.
            let keys = ["A"] + tensors.keys.filter { !["A", "b", "dLdZ"].contains($0) }.sorted()
            let shapes = keys.compactMap { key in tensors[key].map { "\(key) \(TensorSummary.shapeText($0.shape))" } }
            let architecture = try Self.architectureLines(sample, A: tensors["A"])
            architectures += architecture ?? []
            let options = architecture == nil ? sample.optionsText : "(architecture below)"
            entries.append(Entry(cells: [sample.name, sample.layer, options], tensors: shapes, about: sample.about))
        }
        try StandardOutput.print(Self.listing(entries))
        if !architectures.isEmpty { try StandardOutput.print("\n" + architectures.joined(separator: "\n")) }
        try StandardOutput.print("\n\(catalog.samples.count) samples in \(catalog.folder.path)")
        try StandardOutput.print("open one with `convscope view --sample NAME`")
    }

    /// One sample's row: name, layer and options, the shapes of A and the weights or labels
    /// (`A (4, 1, 8, 8)  W (1, 1, 3, 3)`), and what it shows.
    struct Entry {
        let cells: [String]
        let tensors: [String]
        let about: String
    }

    /// The header and a row per entry: the first columns padded to their widest cell, the
    /// tensors packed into the width that is left, the description wrapped on indented lines.
    static func listing(_ entries: [Entry]) -> String {
        let header = Entry(cells: ["NAME", "LAYER", "OPTIONS"], tensors: ["SHAPES"], about: "")
        let rows = [header] + entries
        let widths = header.cells.indices.map { column in rows.map { $0.cells[column].count }.max() ?? 0 }
        let lead = widths.reduce(0) { $0 + $1 + 2 }
        var lines: [String] = []
        for entry in rows {
            let tensorLines = wrap(entry.tensors, width: width - lead, separator: "  ")
            for (index, tensors) in tensorLines.enumerated() {
                let cells = index == 0 ? entry.cells : entry.cells.map { _ in "" }
                let padded = zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) + "  " }
                lines.append(padded.joined() + tensors)
            }
            let words = entry.about.split(separator: " ").map(String.init)
            lines += wrap(words, width: width - indent.count, separator: " ").filter { !$0.isEmpty }.map { indent + $0 }
        }
        return lines.joined(separator: "\n")
    }

    /// `words` joined by `separator` into lines of at most `width` characters (a longer word
    /// gets a line of its own); at least one line.
    static func wrap(_ words: [String], width: Int, separator: String) -> [String] {
        var lines = [""]
        for word in words {
            if lines[lines.count - 1].isEmpty {
                lines[lines.count - 1] = word
            } else if lines[lines.count - 1].count + separator.count + word.count <= width {
                lines[lines.count - 1] += separator + word
            } else {
                lines.append(word)
            }
        }
        return lines
    }

    /// For a CNN sample with an architecture (too long for the table): its options, then its
    /// width chain and Linear input size on its data's width, e.g.
    /// `assignment-cnn:`, `  --channels 56,28,14 … --lr 0.001`,
    /// `  widths 128 → (128 − 5)//1 + 1 = 124 → … = 30` and `  Linear input 14 · 30 = 420`.
    static func architectureLines(_ sample: Sample, A: Tensor?) throws -> [String]? {
        guard sample.layer == Sample.networkLayer, var architecture = try CNNArguments.architecture(of: sample.options),
            let A, A.rank == 3
        else { return nil }
        architecture.inputWidth = A.shape[2]
        do {
            let chain = try architecture.widthChain()
            return [
                "\(sample.name):", "  \(sample.optionsText)", "  widths \(chain.text)",
                "  Linear input \(chain.linearText)",
            ]
        } catch let error as LayerError {
            throw CLIFailure("samples/index.json: sample \(sample.name): \(error.message)")
        }
    }
}
