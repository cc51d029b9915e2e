import ConvScopeCore
import Walkthroughs

/// Builds the screen for a layer the user names (`convscope view` / `render`), from
/// their bundle or from built-in tensors. Missing `A`, `W` or `b` come from seeded
/// defaults, so `convscope view conv2d` works without any file.
public enum SceneFactory {
    /// The scenes of `spec` on `bundle` (two for a transposed convolution: its upsampling,
    /// then its stride-1 convolution); the backward pass starts from the bundle's `dLdZ`,
    /// else from `upstream`. Made-up tensors come from the layer's `LayerDescriptor`.
    public static func scenes(for spec: LayerSpec, bundle: [String: Tensor], upstream: UpstreamGradient = .ones) throws
        -> [Scene]
    {
        let descriptor = spec.kind.descriptor
        var tensors = bundle
        let A = bundle["A"] ?? tensor(descriptor.exampleInput)
        tensors["A"] = A
        let title = "\(spec.kind.rawValue) on " + (bundle.isEmpty ? "built-in tensors" : "your tensors")
        if descriptor.family == .scanning {
            return [try scanningScene(spec.kind, bundle: tensors, title: title)]
        }
        if let shapes = descriptor.exampleParameters?(A.shape) {
            tensors["W"] = bundle["W"] ?? Demo.integers(shapes.weight, in: -2...2, seed: 2)
            if bundle["b"] == nil, let W = tensors["W"], W.rank > 0 {
                tensors["b"] = Demo.integers([W.shape[0]] + shapes.bias.dropFirst(), in: -1...1, seed: 4)
            }
        }
        let layer = try spec.makeLayer(from: tensors)
        let dLdZ = bundle["dLdZ"]
        switch layer {
        case let resampling as ResamplingLayer:
            return [
                Scene(
                    title: title,
                    content: .resampling(
                        try ResamplingWalkthrough(
                            layer: resampling.function,
                            input: A, dLdZ: dLdZ, upstream: upstream)))
            ]
        case let conv as ConvLayer:
            return [try .convolution(title, layer: conv.function, input: A, dLdZ: dLdZ, upstream: upstream)]
        case let pool as PoolLayer:
            return [try .pooling(title, layer: pool.function, input: A, dLdZ: dLdZ, upstream: upstream)]
        case let linear as Linear:
            return [
                Scene(
                    title: title,
                    content: .linear(
                        try LinearWalkthrough(
                            layer: linear.function, input: A,
                            dLdZ: dLdZ, upstream: upstream)))
            ]
        case let transposed as ConvTransposeLayer:
            return try transposedScenes(transposed.function, input: A, dLdZ: dLdZ, upstream: upstream)
        case let activation as Activation:
            return [
                Scene(
                    title: title,
                    content: .elementwise(
                        try ElementwiseWalkthrough(
                            layer: .activation(activation.function), input: A, dLdZ: dLdZ, upstream: upstream)))
            ]
        default:
            return [
                Scene(
                    title: title,
                    content: .elementwise(
                        try ElementwiseWalkthrough(
                            layer: .flatten(FlattenFunction()), input: A, dLdZ: dLdZ, upstream: upstream)))
            ]
        }
    }

    /// A scanning MLP next to its network, with seeded weights where the bundle has none.
    static func scanningScene(_ kind: LayerKind, bundle: [String: Tensor], title: String) throws -> Scene {
        let w1 = bundle["w1"] ?? Tensor.randomNormal(shape: [192, 8], seed: 1) / 4
        let w2 = bundle["w2"] ?? Tensor.randomNormal(shape: [8, 16], seed: 2) / 2
        let w3 = bundle["w3"] ?? Tensor.randomNormal(shape: [16, 4], seed: 3) / 2
        try ScanningMLP.checkWeights(w1, w2, w3)
        let A = bundle["A"]!
        guard A.rank == 3, A.shape[0] == 1, A.shape[1] == ScanningMLP.inputChannels,
            A.shape[2] >= ScanningMLP.windowSize
        else {
            throw LayerError("A has shape \(A.shape) but the scanning MLP reads (1, 24, W) with W ≥ 8")
        }
        let walk =
            kind == .scanMLPSimple
            ? try ScanningWalkthrough.simple(w1: w1, w2: w2, w3: w3, input: A)
            : try ScanningWalkthrough.distributed(w1: w1, w2: w2, w3: w3, input: A)
        return Scene(title: title, content: .scanning(walk))
    }

    /// The assignment's transposed convolution as its two stages, each labelled: the
    /// upsampling of A, then the stride-1 convolution of the upsampled A. The upsampling's
    /// backward starts from the convolution's dL/dA, as the layer chains them.
    static func transposedScenes(
        _ layer: ConvTransposeFunction, input: Tensor, dLdZ: Tensor?,
        upstream: UpstreamGradient
    ) throws -> [Scene] {
        let upsampled = try layer.upsample.forward(input).output
        let name = "ConvTranspose\(layer.conv.spatialAxes)d"
        var conv = try Scene.convolution(
            "\(name) stage 2/2: Z = conv(A↑), stride 1", layer: layer.conv, input: upsampled,
            dLdZ: dLdZ, upstream: upstream)
        conv.inputName = "A↑"
        guard case .convolution(_, let backward) = conv.content else { return [conv] }
        let up = try ResamplingWalkthrough(layer: layer.upsample, input: input, dLdZ: backward.dLdA)
        return [
            Scene(title: "\(name) stage 1/2: A↑ = upsample(A) by \(layer.upsample.factor)", content: .resampling(up)),
            conv,
        ]
    }

    /// A descriptor's made-up tensor.
    static func tensor(_ example: ExampleTensor) -> Tensor {
        switch example {
        case .integers(let shape, let range, let seed): Demo.integers(shape, in: range, seed: seed)
        case .normal(let shape, let seed): Tensor.randomNormal(shape: shape, seed: seed)
        }
    }
}
