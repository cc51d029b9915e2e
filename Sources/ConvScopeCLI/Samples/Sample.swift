import ConvScopeCore

/// One entry of `samples/index.json`: a bundle file, the layer it is meant for with its
/// options, and a line on what it shows.
struct Sample: Decodable, Equatable {
    /// The options as `index.json` spells them, like the command line.
    struct Options: Decodable, Equatable {
        var factor: Int?
        var stride: [Int]?
        var padding: [Int]?
        var dilation: [Int]?
        var kernel: Int?
        /// A `cnn` sample's architecture (see `CNNArguments`): per-convolution lists and lr.
        var channels: [Int]?
        var kernels: [Int]?
        var strides: [Int]?
        var activations: [String]?
        var lr: Double?
    }

    let name: String
    /// The bundle's file name inside the samples folder.
    let file: String
    let layer: String
    let options: Options
    let about: String

    /// The layer with the sample's options.
    func spec() throws -> LayerSpec {
        guard let kind = LayerKind(rawValue: layer) else {
            if layer == Sample.networkLayer {
                throw CLIFailure(
                    "sample \(name) is a labelled batch for the CNN: open it with `convscope cnn --sample \(name)` "
                        + "or print it with `convscope render cnn --sample \(name)`")
            }
            throw CLIFailure("samples/index.json: sample \(name) names an unknown layer \(layer)")
        }
        return LayerSpec(
            kind: kind, factor: options.factor, stride: options.stride, padding: options.padding,
            dilation: options.dilation, kernel: options.kernel)
    }

    /// The `layer` of samples meant for `convscope cnn` rather than a single layer.
    static let networkLayer = "cnn"

    /// The options as command-line flags, e.g. `--stride 2 --padding 1`.
    var optionsText: String {
        let flags: [(String, [Int]?)] = [
            ("factor", options.factor.map { [$0] }), ("kernel", options.kernel.map { [$0] }),
            ("stride", options.stride), ("padding", options.padding), ("dilation", options.dilation),
            ("channels", options.channels), ("kernels", options.kernels), ("strides", options.strides),
        ]
        let numbers = flags.compactMap { name, values in values.map { ("--\(name)", $0.map(String.init)) } }
        let texts = [("--activations", options.activations), ("--lr", options.lr.map { ["\($0)"] })]
        return (numbers + texts.compactMap { flag, values in values.map { (flag, $0) } })
            .map { "\($0) \($1.joined(separator: ","))" }.joined(separator: " ")
    }
}
