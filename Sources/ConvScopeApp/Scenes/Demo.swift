import ConvScopeCore
import Walkthroughs

/// The built-in demo: the course's influence example (one input map, two edge kernels, two
/// output maps), then stride with padding, dilation, the two poolings (max with overlapping
/// windows), resampling, the scanning MLP, the homework's own loops (scene 2's layer as pad →
/// Conv2d_stride1 → Downsample2d, one tensordot per step) and the whole CNN. Small integers,
/// dL/dZ included, so every number on screen can be checked by hand.
public enum Demo {
    /// A 6×6 map with a bright block, the classic edge-detection input.
    static let image = Tensor(
        shape: [1, 1, 6, 6],
        scalars: [
            0, 0, 0, 0, 0, 0,
            0, 9, 9, 9, 0, 0,
            0, 9, 9, 9, 0, 0,
            0, 9, 9, 9, 0, 0,
            0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0,
        ])

    /// Small integers from a seeded generator: reproducible "random" demo tensors.
    static func integers(_ shape: [Int], in range: ClosedRange<Int>, seed: UInt64) -> Tensor {
        var generator = SeededGenerator(seed: seed)
        return Tensor(shape: shape) { _ in Double(Int.random(in: range, using: &generator)) }
    }

    /// The dL/dZ every demo backward pass starts from: distinct small integers, so each
    /// term dL/dZ · W shows which dL/dZ element it routes.
    static let upstream = UpstreamGradient.integers(seed: 6)

    /// A recipe with the demo's gradient and a title written from its live sizes.
    static func live(_ recipe: Recipe, _ caption: Recipe.Caption) -> Recipe {
        var live = recipe
        live.caption = caption
        live.upstream = upstream
        return live
    }

    public static func scenes() throws -> [Scene] {
        var influence = live(Recipe.convolution(inChannels: 1, outChannels: 2, kernel: 3, inputSize: 6), .influence)
        influence.fixedInput = image
        influence.edgeKernels = true
        influence.fixedBias = Tensor([0, 1])
        var dilated = live(
            Recipe.convolution(inChannels: 1, outChannels: 1, kernel: 2, dilation: 2, inputSize: 6), .dilation)
        dilated.fixedWeight = Tensor(shape: [1, 1, 2, 2], scalars: [1, -1, -1, 1])
        return [
            try influence.scene(),
            try live(
                Recipe.convolution(inChannels: 2, outChannels: 2, kernel: 3, stride: 2, padding: 1, inputSize: 7),
                .stride
            ).scene(),
            try dilated.scene(),
            try live(Recipe.pooling(max: true, kernel: 3, stride: 2, inputSize: 7), .pooling).scene(),
            try live(Recipe.pooling(max: false, kernel: 3, stride: 1, inputSize: 6), .pooling).scene(),
            Scene(
                title: "upsampling ×2: zeros inserted",
                content: .resampling(
                    try ResamplingWalkthrough(
                        layer: Upsample2d(factor: 2).function,
                        input: integers(
                            [1, 1, 3, 3],
                            in: 1...9, seed: 8), upstream: upstream))),
            Scene(
                title: "downsampling ×2: 7 wide → ceil(7/2) = 4",
                content: .resampling(
                    try ResamplingWalkthrough(
                        layer: Downsample2d(factor: 2).function,
                        input: integers(
                            [1, 1, 7, 7],
                            in: 1...9, seed: 9), upstream: upstream))),
            Scene(
                title: "MLP = convolution: Linear(9,2) ≡ Conv1d(3,2,3)",
                content: .scanning(
                    try .linearAsConvolution(
                        weight: integers([2, 9], in: -2...2, seed: 10),
                        input: integers([1, 3, 6], in: 0...9, seed: 12),
                        kernelSize: 3))),
            try live(
                Recipe.convolution(inChannels: 2, outChannels: 2, kernel: 3, stride: 2, padding: 1, inputSize: 7),
                .loops
            )
            .scene().showingLoops(true),
            try NetworkScene.scene(title: "the whole CNN learning 10 patterns"),
        ]
    }
}
