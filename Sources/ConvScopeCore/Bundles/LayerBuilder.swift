extension LayerSpec {
    /// Builds the layer from a bundle's parameters (`W`, `b`; `w1`–`w3` for the scanning
    /// MLPs). A missing `b` means zeros; a missing `W` is an error naming the key.
    public func makeLayer(from bundle: [String: Tensor]) throws -> Layer {
        try validate()
        if let A = bundle["A"] { try requireBoundedGrowth(of: A) }
        if kind == .scanMLPSimple || kind == .scanMLPDistributed, let A = bundle["A"], A.rank == 3,
           A.shape[2] < ScanningMLP.windowSize {
            throw LayerError("A has \(A.shape[2]) time steps but the scanning MLP reads windows of "
                             + "\(ScanningMLP.windowSize); give A (1, 24, W) with W at least \(ScanningMLP.windowSize)")
        }
        func required(_ key: String) throws -> Tensor {
            guard let tensor = bundle[key] else {
                throw LayerSpecError.missingParameter(key: key, kind: kind)
            }
            return tensor
        }
        let s = strideValue, p = paddingValue, d = dilationValue
        switch kind {
        case .upsample1d: return Upsample1d(factor: factorValue)
        case .downsample1d: return Downsample1d(factor: factorValue)
        case .upsample2d: return Upsample2d(factor: factorValue)
        case .downsample2d: return Downsample2d(factor: factorValue)
        case .conv1d: return try Conv1d(weight: required("W"), bias: bundle["b"], stride: s.w, padding: p.w, dilation: d.w)
        case .conv2d: return try Conv2d(weight: required("W"), bias: bundle["b"], stride: s, padding: p, dilation: d)
        case .convtranspose1d: return try ConvTranspose1d(weight: required("W"), bias: bundle["b"], upsamplingFactor: factorValue)
        case .convtranspose2d: return try ConvTranspose2d(weight: required("W"), bias: bundle["b"], upsamplingFactor: factorValue)
        case .maxpool2d: return MaxPool2d(kernel: kernelValue, stride: s.w)
        case .meanpool2d: return MeanPool2d(kernel: kernelValue, stride: s.w)
        case .flatten: return Flatten()
        case .linear: return try Linear(weight: required("W"), bias: bundle["b"])
        case .relu: return ReLU()
        case .sigmoid: return Sigmoid()
        case .tanh: return Tanh()
        case .scanMLPSimple: return try ScanningMLP.simple(w1: required("w1"), w2: required("w2"), w3: required("w3"))
        case .scanMLPDistributed: return try ScanningMLP.distributed(w1: required("w1"), w2: required("w2"), w3: required("w3"))
        }
    }

    /// Runs the layer on a bundle: forward on `A`, and backward when the bundle holds `dLdZ`.
    /// Returns `Z`, plus `dLdA` and the parameter gradients (`dLdW`, `dLdb` shaped like `W`
    /// and `b`; `dLdw1`–`dLdw3` shaped like the MLP weights) after backward.
    public func run(on bundle: [String: Tensor]) throws -> [String: Tensor] {
        guard let A = bundle["A"] else {
            throw LayerSpecError.missingInput
        }
        let layer = try makeLayer(from: bundle)
        var results = ["Z": try layer.forward(A)]
        guard let dLdZ = bundle["dLdZ"] else { return results }
        results["dLdA"] = try layer.backward(dLdZ)
        if let layer = layer as? ParameterizedLayer {
            results["dLdW"] = layer.dLdW
            results["dLdb"] = layer.dLdb
        } else if let network = layer as? Sequential, kind == .scanMLPSimple || kind == .scanMLPDistributed {
            for (i, conv) in network.parameterizedLayers.enumerated() {
                let key = "w\(i + 1)"
                results["dLd" + key] = try ScanningMLP.mlpGradient(conv.dLdW, mlpShape: bundle[key]!.shape)
            }
        }
        return results
    }
}
