import ConvScopeCore
import Walkthroughs

/// Builds the screen for a layer the user names (`convscope view` / `render`), from
/// their bundle or from built-in tensors. Missing `A`, `W` or `b` come from seeded
/// defaults, so `convscope view conv2d` works without any file.
public enum SceneFactory {
    /// The layers that have a screen so far.
    public static let supported: [LayerKind] = [.conv1d, .conv2d, .maxpool2d, .meanpool2d,
                                                .upsample1d, .downsample1d, .upsample2d, .downsample2d]

    /// The scene of `spec` on `bundle`; the backward pass starts from the bundle's `dLdZ`,
    /// else from `upstream`.
    public static func scene(for spec: LayerSpec, bundle: [String: Tensor], upstream: UpstreamGradient = .ones) throws -> Scene {
        guard supported.contains(spec.kind) else {
            throw LayerError("there is no screen for \(spec.kind.rawValue) yet; screens exist for \(supported.map(\.rawValue).joined(separator: ", ")) (use `convscope compute` for the others)")
        }
        var tensors = bundle
        tensors["A"] = bundle["A"] ?? defaultInput(for: spec.kind)
        if spec.kind == .conv1d || spec.kind == .conv2d {
            let channels = tensors["A"]!.rank >= 2 ? tensors["A"]!.shape[1] : 1
            let kernel = spec.kind == .conv1d ? [3] : [3, 3]
            tensors["W"] = bundle["W"] ?? Demo.integers([2, channels] + kernel, in: -2...2, seed: 2)
            tensors["b"] = bundle["b"] ?? Demo.integers([tensors["W"]!.rank > 0 ? tensors["W"]!.shape[0] : 1], in: -1...1, seed: 4)
        }
        let layer = try spec.makeLayer(from: tensors)
        let title = bundle.isEmpty ? "built-in example" : "your tensors"
        if let resampling = layer as? ResamplingLayer {
            return Scene(title: title, content: .resampling(
                try ResamplingWalkthrough(layer: resampling, input: tensors["A"]!, dLdZ: bundle["dLdZ"], upstream: upstream)))
        }
        if let conv = layer as? ConvLayer {
            return try .convolution(title, layer: conv, input: tensors["A"]!, dLdZ: bundle["dLdZ"], upstream: upstream)
        }
        return try .pooling(title, layer: layer as! PoolLayer, input: tensors["A"]!, dLdZ: bundle["dLdZ"], upstream: upstream)
    }

    /// Seeded small integers in the layer's input layout.
    static func defaultInput(for kind: LayerKind) -> Tensor {
        switch kind {
        case .conv1d: Demo.integers([1, 2, 12], in: 0...9, seed: 1)
        case .conv2d: Demo.integers([1, 2, 7, 7], in: 0...9, seed: 1)
        case .upsample1d, .downsample1d: Demo.integers([1, 2, 7], in: 1...9, seed: 1)
        case .upsample2d: Demo.integers([1, 1, 4, 4], in: 1...9, seed: 1)
        case .downsample2d: Demo.integers([1, 1, 7, 7], in: 1...9, seed: 1)
        default: Demo.integers([1, 2, 8, 8], in: 0...9, seed: 1)
        }
    }
}
