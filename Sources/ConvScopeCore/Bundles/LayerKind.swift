/// Every layer the headless `compute` command (and later the screens) can build from a
/// bundle, by the name users type.
public enum LayerKind: String, CaseIterable, Sendable {
    case upsample1d, downsample1d, upsample2d, downsample2d
    case conv1d, conv2d, convtranspose1d, convtranspose2d
    case maxpool2d, meanpool2d
    case flatten, linear, relu, sigmoid, tanh
    case scanMLPSimple = "scan-mlp-simple"
    case scanMLPDistributed = "scan-mlp-distributed"

    /// The options a layer accepts; any other is a mistake worth reporting.
    public var options: Set<LayerOption> {
        switch self {
        case .upsample1d, .downsample1d, .upsample2d, .downsample2d, .convtranspose1d, .convtranspose2d: [.factor]
        case .conv1d, .conv2d: [.stride, .padding, .dilation]
        case .maxpool2d, .meanpool2d: [.kernel, .stride]
        case .flatten, .linear, .relu, .sigmoid, .tanh, .scanMLPSimple, .scanMLPDistributed: []
        }
    }

    /// The parameter keys a bundle must (W, w1…) or may (b) hold for this layer.
    public var parameterKeys: [String] {
        switch self {
        case .conv1d, .conv2d, .convtranspose1d, .convtranspose2d, .linear: ["W", "b"]
        case .scanMLPSimple, .scanMLPDistributed: ["w1", "w2", "w3"]
        default: []
        }
    }

    /// The layout of the input `A`.
    public var inputLayout: String {
        switch self {
        case .upsample1d, .downsample1d, .conv1d, .convtranspose1d: "(N, C, W)"
        case .upsample2d, .downsample2d, .conv2d, .convtranspose2d, .maxpool2d, .meanpool2d: "(N, C, H, W)"
        case .flatten: "(N, …)"
        case .linear: "(N, in_features)"
        case .relu, .sigmoid, .tanh: "any shape"
        case .scanMLPSimple, .scanMLPDistributed: "(1, 24, W)"
        }
    }

    /// One line on what the layer does, for help screens and listings.
    public var blurb: String {
        switch self {
        case .upsample1d: "insert k−1 zeros between samples: W → k(W−1)+1"
        case .downsample1d: "keep every k-th sample: W → ceil(W/k)"
        case .upsample2d: "insert zeros on both axes: H×W → (k(H−1)+1)×(k(W−1)+1)"
        case .downsample2d: "keep every k-th row and column: H×W → ceil(H/k)×ceil(W/k)"
        case .conv1d: "1-D cross-correlation with stride, padding, dilation; W (C_out, C_in, K)"
        case .conv2d: "2-D cross-correlation with stride, padding, dilation; W (C_out, C_in, kH, kW)"
        case .convtranspose1d: "upsample by k, then stride-1 Conv1d (the assignment's definition)"
        case .convtranspose2d: "upsample by k, then stride-1 Conv2d (the assignment's definition)"
        case .maxpool2d: "max over K×K windows moved by the stride"
        case .meanpool2d: "mean over K×K windows moved by the stride"
        case .flatten: "(N, C, W, …) → (N, C·W·…), channel-major"
        case .linear: "Z = A·Wᵀ + b; W (out, in), b (out,) or (out, 1)"
        case .relu: "max(A, 0)"
        case .sigmoid: "1/(1+e^−A), computed stably"
        case .tanh: "tanh(A)"
        case .scanMLPSimple: "an MLP scanning 8 steps, hop 4, as Conv1d(24,8,8,4) → Conv1d(8,16,1) → Conv1d(16,4,1)"
        case .scanMLPDistributed: "the same MLP with shared weights: Conv1d(24,2,2,2) → Conv1d(2,8,2,2) → Conv1d(8,4,2,1)"
        }
    }
}

/// A layer option as the user spells it on the command line.
public enum LayerOption: String, CaseIterable, Sendable {
    case factor, stride, padding, dilation, kernel
}
