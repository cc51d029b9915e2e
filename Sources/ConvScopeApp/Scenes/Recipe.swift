import ConvScopeCore
import Walkthroughs

/// A layer's sizes that keys can change live, and how to rebuild its scene from them.
/// Tensors come from seeded small integers, or from fixed ones while their shapes fit.
public struct Recipe: Equatable, Sendable {
    public enum Layer: Equatable, Sendable { case convolution, maxPooling, meanPooling }

    /// One adjustable size: its name on screen, its value, and the range keys move it in.
    public struct Parameter: Equatable, Sendable {
        public let name: String
        public var value: Int
        public let range: ClosedRange<Int>
    }

    public var layer: Layer
    public var parameters: [Parameter]
    /// Used instead of seeded values while their shapes match the parameters.
    public var fixedInput: Tensor?
    public var fixedWeight: Tensor?
    public var fixedBias: Tensor?
    /// Edge detectors of the live kernel size (`EdgeKernels`) while the layer has 1 input
    /// and 2 output channels, so a new kernel size keeps the lesson.
    public var edgeKernels = false
    /// The dL/dZ the backward pass starts from.
    public var upstream: UpstreamGradient = .ones
    /// What the title says, written from the live sizes; nil for a fixed title.
    public var caption: Caption?

    /// The kinds of title a recipe writes from its own sizes.
    public enum Caption: Equatable, Sendable { case influence, stride, dilation, pooling, loops }

    /// A square convolution's sizes.
    public static func convolution(
        inChannels: Int, outChannels: Int, kernel: Int, stride: Int = 1, padding: Int = 0,
        dilation: Int = 1, inputSize: Int
    ) -> Recipe {
        Recipe(
            layer: .convolution,
            parameters: [
                Parameter(name: "kernel", value: kernel, range: 1...9),
                Parameter(name: "stride", value: stride, range: 1...5),
                Parameter(name: "pad", value: padding, range: 0...4),
                Parameter(name: "dil", value: dilation, range: 1...4),
                Parameter(name: "C_in", value: inChannels, range: 1...4),
                Parameter(name: "C_out", value: outChannels, range: 1...4),
                Parameter(name: "input", value: inputSize, range: 1...32),
            ])
    }

    /// A square pooling's sizes.
    public static func pooling(max isMax: Bool, kernel: Int, stride: Int, channels: Int = 1, inputSize: Int) -> Recipe {
        Recipe(
            layer: isMax ? .maxPooling : .meanPooling,
            parameters: [
                Parameter(name: "kernel", value: kernel, range: 1...9),
                Parameter(name: "stride", value: stride, range: 1...5),
                Parameter(name: "C", value: channels, range: 1...4),
                Parameter(name: "input", value: inputSize, range: 1...32),
            ])
    }

    public func value(_ name: String) -> Int { parameters.first { $0.name == name }?.value ?? 0 }

    /// Whether the weights are the edge detectors (asked for, and the channels fit them).
    var usesEdgeKernels: Bool { edgeKernels && value("C_in") == 1 && value("C_out") == 2 }

    /// The title for the current sizes, e.g. "stride 5, zero padding 1, 2 → 2 channels"
    /// (short enough for an 80-column title line); `fallback` without a caption.
    public func title(else fallback: String) -> String {
        let (k, s) = (value("kernel"), value("stride"))
        let (cin, cout) = (value("C_in"), value("C_out"))
        switch caption {
        case nil: return fallback
        case .influence:
            let kernels = usesEdgeKernels ? "\(cout) edge kernels" : "\(cout * cin) kernel\(cout * cin == 1 ? "" : "s")"
            return "influence: \(kernels) \(k)×\(k) → \(cout) map\(cout == 1 ? "" : "s")"
        case .stride:
            return "stride \(s), zero padding \(value("pad")), \(cin) → \(cout) channels"
        case .loops:
            let p = value("pad")
            return "the homework's loops: " + (p > 0 ? "pad \(p) → " : "") + "Conv2d_stride1"
                + (s > 1 ? " → Downsample2d(\(s))" : "")
        case .dilation:
            let d = value("dil")
            return "dilation \(d): " + (d == 1 ? "taps side by side" : "taps spread apart")
        case .pooling:
            let kind = layer == .maxPooling ? "max" : "mean"
            return "\(kind) pool \(k)×\(k), stride \(s)" + (s < k ? ", overlapping" : "")
        }
    }

    /// The scene with the title its sizes write.
    public func scene() throws -> Scene {
        try scene(title: title(else: ""))
    }

    /// The recipe with parameter `index` moved by `delta`, kept within its range.
    public func adjusting(_ index: Int, by delta: Int) -> Recipe {
        var copy = self
        let p = parameters[index]
        copy.parameters[index].value = min(max(p.value + delta, p.range.lowerBound), p.range.upperBound)
        return copy
    }

    /// The scene these sizes make, or the library's one-line reason they make none
    /// (an output size of zero, a kernel larger than the padded input).
    public func scene(title: String) throws -> Scene {
        let size = value("input")
        switch layer {
        case .convolution:
            let (cin, cout, k) = (value("C_in"), value("C_out"), value("kernel"))
            let A =
                fitting(fixedInput, [1, cin, size, size]) ?? Demo.integers([1, cin, size, size], in: 0...9, seed: 5)
            let W =
                usesEdgeKernels
                ? EdgeKernels.pair(size: k)
                : fitting(fixedWeight, [cout, cin, k, k]) ?? Demo.integers([cout, cin, k, k], in: -1...1, seed: 3)
            let b = fitting(fixedBias, [cout]) ?? Demo.integers([cout], in: -1...1, seed: 4)
            let geometry = ConvGeometry(
                kernel: HW(square: k), stride: HW(square: value("stride")),
                padding: HW(square: value("pad")), dilation: HW(square: value("dil")))
            let conv = ConvFunction(inChannels: cin, outChannels: cout, spatialAxes: 2, geometry: geometry, W: W, b: b)
            _ = try conv.outputShape(forInput: A.shape)
            var scene = try Scene.convolution(title, layer: conv, input: A, upstream: upstream)
            scene.recipe = self
            return scene
        case .maxPooling, .meanPooling:
            let c = value("C")
            let A = fitting(fixedInput, [1, c, size, size]) ?? Demo.integers([1, c, size, size], in: 0...9, seed: 7)
            let pool = PoolFunction(
                kind: layer == .maxPooling ? .max : .mean, kernel: value("kernel"),
                stride: value("stride"))
            _ = try pool.outputShape(forInput: A.shape)
            var scene = try Scene.pooling(title, layer: pool, input: A, upstream: upstream)
            scene.recipe = self
            return scene
        }
    }

    private func fitting(_ tensor: Tensor?, _ shape: [Int]) -> Tensor? {
        tensor?.shape == shape ? tensor : nil
    }
}
