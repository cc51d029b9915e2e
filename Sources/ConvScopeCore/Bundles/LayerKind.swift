/// Every layer the program builds from a bundle, by the name users type, in the order
/// listings and the screen menu show them. Everything else about a kind is in its entry
/// of `descriptor` below: adding a layer means a case here, its entry, and the layer itself.
public enum LayerKind: String, CaseIterable, Sendable {
    case conv1d, conv2d, maxpool2d, meanpool2d
    case upsample1d, downsample1d, upsample2d, downsample2d
    case convtranspose1d, convtranspose2d
    case flatten, linear, relu, sigmoid, tanh
    case scanMLPSimple = "scan-mlp-simple"
    case scanMLPDistributed = "scan-mlp-distributed"

    /// The one table of layers: options, parameters, blurb, builder, example tensors, screen.
    public var descriptor: LayerDescriptor {
        switch self {
        case .conv1d:
            LayerDescriptor(
                options: [.stride, .padding, .dilation], parameterKeys: ["W", "b"],
                spatialAxes: 1, inputLayout: "(N, C, W)",
                blurb: "1-D cross-correlation with stride, padding, dilation; W (C_out, C_in, K)",
                family: .convolution, growth: .padding(axes: 1),
                exampleInput: .integers(shape: [1, 2, 12], range: 0...9, seed: 1),
                exampleParameters: { ([2, $0.count >= 2 ? $0[1] : 1, 3], [2]) },
                build: { spec, p in
                    try Conv1d(
                        weight: p.required("W"), bias: p.optional("b"), stride: spec.strideValue.w,
                        padding: spec.paddingValue.w, dilation: spec.dilationValue.w)
                })
        case .conv2d:
            LayerDescriptor(
                options: [.stride, .padding, .dilation],
                pairOptions: [.stride, .padding, .dilation], parameterKeys: ["W", "b"],
                spatialAxes: 2, inputLayout: "(N, C, H, W)",
                blurb: "2-D cross-correlation with stride, padding, dilation; W (C_out, C_in, kH, kW)",
                family: .convolution, growth: .padding(axes: 2),
                exampleInput: .integers(shape: [1, 2, 7, 7], range: 0...9, seed: 1),
                exampleParameters: { ([2, $0.count >= 2 ? $0[1] : 1, 3, 3], [2]) },
                build: { spec, p in
                    try Conv2d(
                        weight: p.required("W"), bias: p.optional("b"), stride: spec.strideValue,
                        padding: spec.paddingValue, dilation: spec.dilationValue)
                })
        case .maxpool2d:
            LayerDescriptor(
                options: [.kernel, .stride], spatialAxes: 2, inputLayout: "(N, C, H, W)",
                blurb: "max over K×K windows moved by the stride",
                family: .pooling, exampleInput: .integers(shape: [1, 2, 8, 8], range: 0...9, seed: 1),
                build: { spec, _ in MaxPool2d(kernel: spec.kernelValue, stride: spec.strideValue.w) })
        case .meanpool2d:
            LayerDescriptor(
                options: [.kernel, .stride], spatialAxes: 2, inputLayout: "(N, C, H, W)",
                blurb: "mean over K×K windows moved by the stride",
                family: .pooling, exampleInput: .integers(shape: [1, 2, 8, 8], range: 0...9, seed: 1),
                build: { spec, _ in MeanPool2d(kernel: spec.kernelValue, stride: spec.strideValue.w) })
        case .upsample1d:
            LayerDescriptor(
                options: [.factor], spatialAxes: 1, inputLayout: "(N, C, W)",
                blurb: "insert k−1 zeros between samples: W → k(W−1)+1",
                family: .resampling, growth: .factor(axes: 1),
                exampleInput: .integers(shape: [1, 2, 7], range: 1...9, seed: 1),
                build: { spec, _ in Upsample1d(factor: spec.factorValue) })
        case .downsample1d:
            LayerDescriptor(
                options: [.factor], spatialAxes: 1, inputLayout: "(N, C, W)",
                blurb: "keep every k-th sample: W → ceil(W/k)",
                family: .resampling, exampleInput: .integers(shape: [1, 2, 7], range: 1...9, seed: 1),
                build: { spec, _ in Downsample1d(factor: spec.factorValue) })
        case .upsample2d:
            LayerDescriptor(
                options: [.factor], spatialAxes: 2, inputLayout: "(N, C, H, W)",
                blurb: "insert zeros on both axes: H×W → (k(H−1)+1)×(k(W−1)+1)",
                family: .resampling, growth: .factor(axes: 2),
                exampleInput: .integers(shape: [1, 1, 4, 4], range: 1...9, seed: 1),
                build: { spec, _ in Upsample2d(factor: spec.factorValue) })
        case .downsample2d:
            LayerDescriptor(
                options: [.factor], spatialAxes: 2, inputLayout: "(N, C, H, W)",
                blurb: "keep every k-th row and column: H×W → ceil(H/k)×ceil(W/k)",
                family: .resampling, exampleInput: .integers(shape: [1, 1, 7, 7], range: 1...9, seed: 1),
                build: { spec, _ in Downsample2d(factor: spec.factorValue) })
        case .convtranspose1d:
            LayerDescriptor(
                options: [.factor], parameterKeys: ["W", "b"],
                spatialAxes: 1, inputLayout: "(N, C, W)",
                blurb: "upsample by k, then stride-1 Conv1d (the assignment's definition)",
                family: .transposedConvolution, growth: .factor(axes: 1),
                exampleInput: .integers(shape: [1, 2, 5], range: 0...9, seed: 1),
                exampleParameters: { ([2, $0.count >= 2 ? $0[1] : 1, 3], [2]) },
                build: { spec, p in
                    try ConvTranspose1d(
                        weight: p.required("W"), bias: p.optional("b"),
                        upsamplingFactor: spec.factorValue)
                })
        case .convtranspose2d:
            LayerDescriptor(
                options: [.factor], parameterKeys: ["W", "b"],
                spatialAxes: 2, inputLayout: "(N, C, H, W)",
                blurb: "upsample by k, then stride-1 Conv2d (the assignment's definition)",
                family: .transposedConvolution, growth: .factor(axes: 2),
                exampleInput: .integers(shape: [1, 1, 3, 3], range: 0...9, seed: 1),
                exampleParameters: { ([2, $0.count >= 2 ? $0[1] : 1, 3, 3], [2]) },
                build: { spec, p in
                    try ConvTranspose2d(
                        weight: p.required("W"), bias: p.optional("b"),
                        upsamplingFactor: spec.factorValue)
                })
        case .flatten:
            LayerDescriptor(
                inputLayout: "(N, …)", blurb: "(N, C, W, …) → (N, C·W·…), channel-major",
                family: .elementwise, exampleInput: .integers(shape: [2, 2, 3], range: 0...9, seed: 1),
                build: { _, _ in Flatten() })
        case .linear:
            LayerDescriptor(
                parameterKeys: ["W", "b"], inputLayout: "(N, in_features)",
                blurb: "Z = A·Wᵀ + b; W (out, in), b (out,) or (out, 1)",
                family: .linear, exampleInput: .integers(shape: [2, 4], range: -3...3, seed: 3),
                exampleParameters: { ([3, $0.count == 2 ? $0[1] : 1], [3, 1]) },
                build: { _, p in try Linear(weight: p.required("W"), bias: p.optional("b")) })
        case .relu:
            LayerDescriptor(
                keepsShape: true, inputLayout: "any shape", blurb: "max(A, 0)", family: .elementwise,
                exampleInput: .integers(shape: [1, 2, 4, 4], range: -4...4, seed: 1), build: { _, _ in ReLU() })
        case .sigmoid:
            LayerDescriptor(
                keepsShape: true, inputLayout: "any shape", blurb: "1/(1+e^−A), computed stably", family: .elementwise,
                exampleInput: .integers(shape: [1, 2, 4, 4], range: -4...4, seed: 1), build: { _, _ in Sigmoid() })
        case .tanh:
            LayerDescriptor(
                keepsShape: true, inputLayout: "any shape", blurb: "tanh(A)", family: .elementwise,
                exampleInput: .integers(shape: [1, 2, 4, 4], range: -4...4, seed: 1), build: { _, _ in Tanh() })
        case .scanMLPSimple:
            Self.scanningMLP(
                blurb: "an MLP scanning 8 steps, hop 4, as Conv1d(24,8,8,4) → Conv1d(8,16,1) → Conv1d(16,4,1)"
            ) {
                try ScanningMLP.simple(w1: $0, w2: $1, w3: $2)
            }
        case .scanMLPDistributed:
            Self.scanningMLP(
                blurb: "the same MLP with shared weights: Conv1d(24,2,2,2) → Conv1d(2,8,2,2) → Conv1d(8,4,2,1)"
            ) {
                try ScanningMLP.distributed(w1: $0, w2: $1, w3: $2)
            }
        }
    }

    /// The two scanning MLPs differ only in how their network shares the weights w1–w3.
    private static func scanningMLP(blurb: String, _ make: @escaping @Sendable (Tensor, Tensor, Tensor) throws -> Layer)
        -> LayerDescriptor
    {
        LayerDescriptor(
            parameterKeys: ["w1", "w2", "w3"], inputLayout: "(1, 24, W)", blurb: blurb, family: .scanning,
            exampleInput: .normal(shape: [1, 24, 128], seed: 11),
            build: { _, p in try make(p.required("w1"), p.required("w2"), p.required("w3")) })
    }
}

/// A layer option as the user spells it on the command line.
public enum LayerOption: String, CaseIterable, Sendable {
    case factor, stride, padding, dilation, kernel
}
