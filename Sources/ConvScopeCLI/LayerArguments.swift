import ArgumentParser
import ConvScopeCore
import Foundation

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

/// The layer name and options shared by every subcommand that builds a layer.
struct LayerArguments: ParsableArguments {
    @Argument(help: ArgumentHelp("The layer to run.", valueName: "layer"))
    var layer: LayerKind

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

    var spec: LayerSpec {
        LayerSpec(kind: layer, factor: factor, stride: stride?.values, padding: padding?.values,
                  dilation: dilation?.values, kernel: kernel)
    }
}
