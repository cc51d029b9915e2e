import ArgumentParser
import ConvScopeCore

/// A layer as the user names it on the command line: one of `LayerKind`, or the stride-1
/// core of a convolution or pooling (`conv1d_stride1`, `conv2d_stride1`, `maxpool2d_stride1`,
/// `meanpool2d_stride1`), which is that layer with stride 1 and no padding — the assignment's
/// classes `Conv1d_stride1`, … that `check` runs.
struct LayerName: ExpressibleByArgument, Equatable {
    let kind: LayerKind
    /// True for the `_stride1` names.
    let isStrideOneCore: Bool

    static let coreSuffix = "_stride1"
    /// The kinds that have a stride-1 core of their own.
    static let coreKinds: [LayerKind] = [.conv1d, .conv2d, .maxpool2d, .meanpool2d]

    init(kind: LayerKind, isStrideOneCore: Bool = false) {
        self.kind = kind
        self.isStrideOneCore = isStrideOneCore
    }

    init?(argument: String) {
        let text = argument.lowercased()
        if let kind = LayerKind(rawValue: text) {
            self.init(kind: kind)
        } else if text.hasSuffix(Self.coreSuffix),
            let kind = LayerKind(rawValue: String(text.dropLast(Self.coreSuffix.count))),
            Self.coreKinds.contains(kind)
        {
            self.init(kind: kind, isStrideOneCore: true)
        } else {
            return nil
        }
    }

    var text: String { kind.rawValue + (isStrideOneCore ? Self.coreSuffix : "") }

    static var allValueStrings: [String] {
        LayerKind.allCases.map(\.rawValue) + coreKinds.map { $0.rawValue + coreSuffix }
    }

    /// The spec with the core's fixed options: stride 1, and for convolutions no padding or
    /// dilation. Throws when the user gave one of those, which the core does not take.
    func fixing(_ spec: LayerSpec, given: Set<LayerOption>) throws -> LayerSpec {
        guard isStrideOneCore else { return spec }
        let fixed: Set<LayerOption> = kind == .conv1d || kind == .conv2d ? [.stride, .padding, .dilation] : [.stride]
        if let option = fixed.intersection(given).map(\.rawValue).sorted().first {
            throw CLIFailure("\(text) is the stride-1 core: it takes no --\(option); use \(kind.rawValue) for that")
        }
        var spec = spec
        spec.stride = [1]
        if fixed.contains(.padding) { (spec.padding, spec.dilation) = (nil, nil) }
        return spec
    }
}
