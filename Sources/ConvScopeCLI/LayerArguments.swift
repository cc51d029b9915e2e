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
    @Argument(help: ArgumentHelp("The layer to run (with --sample: the sample's layer unless given).", valueName: "layer"))
    var layer: LayerKind?

    @Option(help: "Resampling / transposed-conv factor k ≥ 1 (default 2).")
    var factor: Int?

    @Option(help: ArgumentHelp("Stride: N, or H,W for conv2d (default 1; pooling: the kernel).", valueName: "n|h,w"))
    var stride: IntPairArgument?

    @Option(help: ArgumentHelp("Zero padding on each side: N, or H,W for conv2d (default 0).", valueName: "n|h,w"))
    var padding: IntPairArgument?

    @Option(help: ArgumentHelp("Dilation: N, or H,W for conv2d (default 1).", valueName: "n|h,w"))
    var dilation: IntPairArgument?

    @Option(help: "Pooling window K (default 2).")
    var kernel: Int?

    @Option(help: ArgumentHelp("Open a shipped sample (see `convscope samples`) instead of a bundle file; its options are the defaults.", valueName: "name"))
    var sample: String?

    /// The layer and its tensors: from `--sample`, else from `bundle` (none: built-in tensors).
    /// A sample's own options apply when its layer is the one run; options given here win.
    func input(bundle: String?) throws -> LayerInput {
        guard let name = sample else {
            guard let layer else {
                throw CLIFailure("name a layer (\(LayerKind.allCases.map(\.rawValue).joined(separator: ", "))) or a sample with --sample NAME")
            }
            let tensors = try bundle.map { try NPZ.read(contentsOf: URL(fileURLWithPath: $0)) } ?? [:]
            return LayerInput(spec: given(over: LayerSpec(kind: layer)), tensors: tensors, source: bundle)
        }
        guard bundle == nil else { throw CLIFailure("give a bundle file or --sample \(name), not both") }
        let catalog = try SampleCatalog.load()
        let chosen = try catalog.sample(named: name)
        let own = try chosen.spec()
        let kind = layer ?? own.kind
        return LayerInput(spec: given(over: kind == own.kind ? own : LayerSpec(kind: kind)),
                          tensors: try catalog.tensors(of: chosen), source: "sample \(name)")
    }

    /// The options given on the command line laid over `defaults`.
    private func given(over defaults: LayerSpec) -> LayerSpec {
        LayerSpec(kind: defaults.kind, factor: factor ?? defaults.factor, stride: stride?.values ?? defaults.stride,
                  padding: padding?.values ?? defaults.padding, dilation: dilation?.values ?? defaults.dilation,
                  kernel: kernel ?? defaults.kernel)
    }
}

/// A layer to run and the tensors to run it on, as the command line chose them.
struct LayerInput {
    let spec: LayerSpec
    let tensors: [String: Tensor]
    /// Where the tensors came from, for error messages: a bundle path or `sample NAME`; nil for built-in ones.
    let source: String?

    /// A library error as the one line the user sees, `source: layer: message`; other
    /// errors pass through unchanged.
    func failure(_ error: Error) -> Error {
        guard let line = libraryErrorLine(error) else { return error }
        return CLIFailure("\(source.map { "\($0): " } ?? "")\(spec.kind.rawValue): \(line)")
    }
}
