import ArgumentParser
import ConvScopeCore
import Foundation
import TensorFiles

extension LayerKind: ExpressibleByArgument {}

/// One number `N` or an `H,W` pair, as `--stride 2` or `--stride 2,1`.
struct IntPairArgument: ExpressibleByArgument {
    let values: [Int]

    init?(argument: String) {
        let parts = argument.split(separator: ",", omittingEmptySubsequences: false)
        let numbers = parts.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard (1...2).contains(parts.count), numbers.count == parts.count else { return nil }
        values = numbers
    }
}

/// The layer name, its options and `--sample`, shared by every subcommand that builds a layer.
struct LayerArguments: ParsableArguments {
    @Argument(
        help: ArgumentHelp("The layer to run (with --sample: the sample's layer unless given).", valueName: "layer"))
    var layer: LayerName?

    // The number options parse unconditionally: a negative value after a space (`--padding -1`)
    // is the option's value and gets the range error, as `--padding=-1` does.
    @Option(parsing: .unconditional, help: "Resampling / transposed-conv factor k ≥ 1 (default 2).")
    var factor: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Stride: N, or H,W for conv2d (default 1; pooling: the kernel).", valueName: "n|h,w"))
    var stride: IntPairArgument?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Zero padding on each side: N, or H,W for conv2d (default 0).", valueName: "n|h,w"))
    var padding: IntPairArgument?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Dilation: N, or H,W for conv2d (default 1).", valueName: "n|h,w"))
    var dilation: IntPairArgument?

    @Option(parsing: .unconditional, help: "Pooling window K (default 2).")
    var kernel: Int?

    @Option(
        help: ArgumentHelp(
            "Refuse a run needing more memory than this (e.g. 8G, 512M; default: half the machine's).",
            valueName: "size"))
    var maxMemory: MemorySize?

    @Option(
        help: ArgumentHelp(
            "Open a shipped sample (see `convscope samples`) instead of a bundle file; its options are the defaults.",
            valueName: "name"))
    var sample: String?

    /// The layer and its tensors: from `--sample`, else from `bundle` (none: built-in tensors).
    /// A sample's own options apply when its layer is the one run; options given here win.
    func input(bundle: String?) throws -> LayerInput {
        guard let name = sample else {
            guard let layer else {
                throw CLIFailure(
                    "name a layer (\(LayerKind.allCases.map(\.rawValue).joined(separator: ", "))) or a sample with "
                        + "--sample NAME"
                )
            }
            let tensors = try bundle.map { try BundleFile.read($0, for: layer.kind) } ?? [:]
            return LayerInput(spec: try given(over: LayerSpec(kind: layer.kind)), tensors: tensors, source: bundle)
        }
        guard bundle == nil else { throw CLIFailure("give a bundle file or --sample \(name), not both") }
        let catalog = try SampleCatalog.load()
        let chosen = try catalog.sample(named: name)
        let own = try chosen.spec()
        let kind = layer?.kind ?? own.kind
        let spec = try given(over: kind == own.kind ? own : LayerSpec(kind: kind))
        var tensors = try catalog.tensors(of: chosen)
        let note = Self.dropUnfitGradient(from: &tensors, spec: spec)
        return LayerInput(
            spec: spec, tensors: tensors, source: "sample \(name)",
            note: note.map { "sample \(name): \($0)" })
    }

    /// A sample's `dLdZ` fits the sample's own layer and options; when the options given
    /// (or another layer) change the output's shape, it is dropped so the backward pass
    /// starts from the default gradient, and the returned note says so. A layer that cannot
    /// run on the tensors keeps them as they are, for the caller to report.
    private static func dropUnfitGradient(from tensors: inout [String: Tensor], spec: LayerSpec) -> String? {
        guard let dLdZ = tensors["dLdZ"], let A = tensors["A"],
            let Z = try? spec.makeLayer(from: tensors).forward(A), Z.shape != dLdZ.shape
        else { return nil }
        tensors["dLdZ"] = nil
        let shape = TensorSummary.shapeText
        return
            "its dLdZ \(shape(dLdZ.shape)) does not fit \(spec.kind.rawValue)'s Z \(shape(Z.shape)) with these options "
            + "and is left out"
    }

    /// The options given on the command line laid over `defaults` (a stride-1 core's fixed ones last).
    private func given(over defaults: LayerSpec) throws -> LayerSpec {
        let spec = LayerSpec(
            kind: defaults.kind, factor: factor ?? defaults.factor,
            stride: stride?.values ?? defaults.stride, padding: padding?.values ?? defaults.padding,
            dilation: dilation?.values ?? defaults.dilation, kernel: kernel ?? defaults.kernel)
        let named: [(LayerOption, Bool)] = [
            (.stride, stride != nil), (.padding, padding != nil), (.dilation, dilation != nil),
        ]
        return try layer?.fixing(spec, given: Set(named.filter(\.1).map(\.0))) ?? spec
    }
}

/// A layer to run and the tensors to run it on, as the command line chose them.
struct LayerInput {
    let spec: LayerSpec
    let tensors: [String: Tensor]
    /// Where the tensors came from, for error messages: a bundle path or `sample NAME`; nil for built-in ones.
    let source: String?
    /// What the command line changed about the tensors, for the user: a sample's dLdZ given up.
    var note: String? = nil

    /// Prints the note, if any, as one stderr line ending in what follows from it.
    func announceNote(_ consequence: String) {
        if let note { CLINote.print("note: \(note); \(consequence)") }
    }

    /// True when the tensors come from `--sample`.
    var isSample: Bool { source?.hasPrefix("sample ") == true }

    /// A library error as the one line the user sees, `source: layer: message`; other
    /// errors pass through unchanged.
    func failure(_ error: Error) -> Error {
        guard let line = libraryErrorLine(error) else { return error }
        return CLIFailure("\(source.map { "\($0): " } ?? "")\(spec.kind.rawValue): \(line)")
    }
}
