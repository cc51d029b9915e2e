import ConvScopeCore

/// Which of the assignment's classes stands for a layer (mytorch-api.md): its file, module
/// and name, the constructor's arguments in the assignment's order, and the attribute of
/// the stride-1 layer that holds W, b, dLdW and dLdb (nil: the class itself, or none).
struct MytorchClass: Equatable {
    let path: String
    let module: String
    let name: String
    let arguments: [Int]
    /// The assignment's constructor, for the message when theirs differs.
    let signature: String
    let core: String?

    static let checkable =
        "upsample1d, downsample1d, upsample2d, downsample2d, conv1d, conv1d_stride1, conv2d, "
        + "conv2d_stride1, convtranspose1d, convtranspose2d, maxpool2d, maxpool2d_stride1, meanpool2d, "
        + "meanpool2d_stride1, flatten"

    /// The class for `layer` run as `spec` with the weights `W` (C_out, C_in, K…) when it has
    /// some. Throws for layers and options the assignment does not have.
    init(_ layer: LayerName, spec: LayerSpec, W: Tensor?) throws {
        let kind = spec.kind
        func resampling(_ name: String) -> (String, String, String, [Int], String) {
            (
                "mytorch/nn/resampling.py", "resampling", name, [spec.factorValue],
                "\(name)(\(name.hasPrefix("Up") ? "upsampling" : "downsampling")_factor)"
            )
        }
        let conv = "in_channels, out_channels, kernel_size"
        let initFns = "weight_init_fn=None, bias_init_fn=None"
        let parts: (String, String, String, [Int], String)
        var core: String?
        switch kind {
        case .upsample1d: parts = resampling("Upsample1d")
        case .downsample1d: parts = resampling("Downsample1d")
        case .upsample2d: parts = resampling("Upsample2d")
        case .downsample2d: parts = resampling("Downsample2d")
        case .conv1d, .conv2d, .convtranspose1d, .convtranspose2d:
            let sizes = try Self.convSizes(layer, spec: spec, W: W)
            let dims = kind == .conv1d || kind == .convtranspose1d ? "1d" : "2d"
            if kind == .convtranspose1d || kind == .convtranspose2d {
                parts = (
                    "mytorch/nn/ConvTranspose.py", "ConvTranspose", "ConvTranspose\(dims)", sizes + [spec.factorValue],
                    "ConvTranspose\(dims)(\(conv), upsampling_factor, \(initFns))"
                )
                core = "conv\(dims)_stride1"
            } else if layer.isStrideOneCore {
                parts = (
                    "mytorch/nn/Conv\(dims).py", "Conv\(dims)", "Conv\(dims)_stride1", sizes,
                    "Conv\(dims)_stride1(\(conv), \(initFns))"
                )
            } else {
                parts = (
                    "mytorch/nn/Conv\(dims).py", "Conv\(dims)", "Conv\(dims)",
                    sizes + [spec.strideValue.w, spec.paddingValue.w],
                    "Conv\(dims)(\(conv), stride, padding=0, \(initFns))"
                )
                core = "conv\(dims)_stride1"
            }
        case .maxpool2d, .meanpool2d:
            let name = kind == .maxpool2d ? "MaxPool2d" : "MeanPool2d"
            parts =
                layer.isStrideOneCore
                ? ("mytorch/nn/pool.py", "pool", name + "_stride1", [spec.kernelValue], "\(name)_stride1(kernel)")
                : (
                    "mytorch/nn/pool.py", "pool", name, [spec.kernelValue, spec.strideValue.w],
                    "\(name)(kernel, stride)"
                )
        case .flatten:
            parts = ("mytorch/flatten.py", "flatten", "Flatten", [], "Flatten()")
        default:
            // Layers the assignment's mytorch does not have (a new kind lands here too).
            throw CLIFailure(
                "check runs the assignment's layers: \(Self.checkable); \(kind.rawValue) is not one of them")
        }
        (path, module, name, arguments, signature) = parts
        self.core = core
    }

    /// `(C_in, C_out, K)` from W, after checking the options are ones the assignment's class has:
    /// one stride and padding for both axes, no dilation, a square kernel.
    private static func convSizes(_ layer: LayerName, spec: LayerSpec, W: Tensor?) throws -> [Int] {
        let name = layer.text
        guard spec.dilationValue == HW(square: 1) else {
            throw CLIFailure("\(name): the assignment's convolutions have no dilation; leave out --dilation")
        }
        guard spec.strideValue.h == spec.strideValue.w, spec.paddingValue.h == spec.paddingValue.w else {
            throw CLIFailure(
                "\(name): the assignment's Conv2d takes one stride and one padding for both axes, not an H,W pair")
        }
        guard let W, W.rank >= 3 else {
            throw CLIFailure("\(name): the bundle needs W (C_out, C_in, K…) to build the layer")
        }
        if W.rank == 4, W.shape[2] != W.shape[3] {
            throw CLIFailure("\(name): the assignment's Conv2d has square kernels; W is \(W.shape[2])×\(W.shape[3])")
        }
        return [W.shape[1], W.shape[0], W.shape[2]]
    }
}
