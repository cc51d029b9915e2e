import ConvScopeCore
import Walkthroughs

/// The built-in demo: the course's influence example (one input map, two kernels, two
/// output maps), then stride with padding, dilation, the two poolings, and resampling. Small
/// integers, so every number on screen can be checked by hand.
public enum Demo {
    /// A 6×6 map with a bright block, the classic edge-detection input.
    static let image = Tensor(shape: [1, 1, 6, 6], scalars: [
        0, 0, 0, 0, 0, 0,
        0, 9, 9, 9, 0, 0,
        0, 9, 9, 9, 0, 0,
        0, 9, 9, 9, 0, 0,
        0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0,
    ])

    /// Vertical and horizontal edge kernels.
    static let edgeKernels = Tensor(shape: [2, 1, 3, 3], scalars: [
        1, 0, -1, 1, 0, -1, 1, 0, -1,
        1, 1, 1, 0, 0, 0, -1, -1, -1,
    ])

    /// Small integers from a seeded generator: reproducible "random" demo tensors.
    static func integers(_ shape: [Int], in range: ClosedRange<Int>, seed: UInt64) -> Tensor {
        var generator = SeededGenerator(seed: seed)
        return Tensor(shape: shape) { _ in Double(Int.random(in: range, using: &generator)) }
    }

    public static func scenes() throws -> [Scene] {
        var influence = Recipe.convolution(inChannels: 1, outChannels: 2, kernel: 3, inputSize: 6)
        influence.fixedInput = image
        influence.fixedWeight = edgeKernels
        influence.fixedBias = Tensor([0, 1])
        var dilated = Recipe.convolution(inChannels: 1, outChannels: 1, kernel: 2, dilation: 2, inputSize: 6)
        dilated.fixedWeight = Tensor(shape: [1, 1, 2, 2], scalars: [1, -1, -1, 1])
        return [
            try influence.scene(title: "influence: 1 map, 2 kernels → 2 maps"),
            try Recipe.convolution(inChannels: 2, outChannels: 2, kernel: 3, stride: 2, padding: 1, inputSize: 7)
                .scene(title: "stride 2, zero padding 1, 2 channels"),
            try dilated.scene(title: "dilation 2: taps spread apart"),
            try Recipe.pooling(max: true, kernel: 2, stride: 2, inputSize: 6).scene(title: "max pooling 2×2, stride 2"),
            try Recipe.pooling(max: false, kernel: 3, stride: 1, inputSize: 6).scene(title: "mean pooling 3×3, stride 1"),
            Scene(title: "upsampling ×2: zeros inserted", content: .resampling(
                try ResamplingWalkthrough(layer: Upsample2d(factor: 2).function, input: integers([1, 1, 3, 3],
                    in: 1...9, seed: 8)))),
            Scene(title: "downsampling ×2 of a 7-wide map: ceil(7/2) = 4", content: .resampling(
                try ResamplingWalkthrough(layer: Downsample2d(factor: 2).function, input: integers([1, 1, 7, 7],
                    in: 1...9, seed: 9)))),
            Scene(title: "MLP = convolution: Linear(9,2) ≡ Conv1d(3,2,3)", content: .scanning(
                try .linearAsConvolution(weight: integers([2, 9], in: -2...2, seed: 10), input: integers([1, 3, 6], in: 0...9, seed: 12),
                                         kernelSize: 3))),
            try NetworkScene.scene(title: "the whole CNN learning 10 patterns"),
        ]
    }
}
