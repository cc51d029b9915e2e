extension LayerSpec {
    /// Builds the layer from a bundle's parameters (`W`, `b`; `w1`–`w3` for the scanning
    /// MLPs). A missing `b` means zeros; a missing `W` is an error naming the key.
    public func makeLayer(from bundle: [String: Tensor]) throws -> Layer {
        try validate()
        if let A = bundle["A"] { try requireBoundedGrowth(of: A) }
        if kind.descriptor.family == .scanning, let A = bundle["A"], A.rank == 3, A.shape[2] < ScanningMLP.windowSize {
            throw LayerError(
                "A has \(A.shape[2]) time steps but the scanning MLP reads windows of "
                    + "\(ScanningMLP.windowSize); give A (1, 24, W) with W at least \(ScanningMLP.windowSize)")
        }
        return try kind.descriptor.build(self, LayerParameters(kind: kind, bundle: bundle))
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
        } else if let network = layer as? Sequential, kind.descriptor.family == .scanning {
            for (i, conv) in network.parameterizedLayers.enumerated() {
                let key = "w\(i + 1)"
                results["dLd" + key] = try ScanningMLP.mlpGradient(conv.dLdW, mlpShape: bundle[key]!.shape)
            }
        }
        return results
    }
}
