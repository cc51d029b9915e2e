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
        let influence = Conv2d(inChannels: 1, outChannels: 2, kernelSize: HW(square: 3),
                               W: edgeKernels, b: Tensor([0, 1]))
        let strided = Conv2d(inChannels: 2, outChannels: 2, kernelSize: HW(square: 3), stride: HW(square: 2),
                             padding: HW(square: 1), W: integers([2, 2, 3, 3], in: -1...1, seed: 3), b: Tensor([1, -1]))
        let dilated = Conv2d(inChannels: 1, outChannels: 1, kernelSize: HW(square: 2), dilation: HW(square: 2),
                             W: Tensor(shape: [1, 1, 2, 2], scalars: [1, -1, -1, 1]))
        let pooled = integers([1, 1, 6, 6], in: 0...9, seed: 7)
        return [
            try .convolution("influence: 1 map, 2 kernels → 2 maps", layer: influence, input: image),
            try .convolution("stride 2, zero padding 1, 2 channels", layer: strided,
                             input: integers([1, 2, 7, 7], in: 0...5, seed: 5)),
            try .convolution("dilation 2: taps spread apart", layer: dilated, input: integers([1, 1, 6, 6], in: 0...9, seed: 6)),
            try .pooling("max pooling 2×2, stride 2", layer: MaxPool2d(kernel: 2, stride: 2), input: pooled),
            try .pooling("mean pooling 3×3, stride 1", layer: MeanPool2d(kernel: 3, stride: 1), input: pooled),
            Scene(title: "upsampling ×2: zeros inserted", content: .resampling(
                try ResamplingWalkthrough(layer: Upsample2d(factor: 2), input: integers([1, 1, 3, 3], in: 1...9, seed: 8)))),
            Scene(title: "downsampling ×2 of a 7-wide map: ceil(7/2) = 4", content: .resampling(
                try ResamplingWalkthrough(layer: Downsample2d(factor: 2), input: integers([1, 1, 7, 7], in: 1...9, seed: 9)))),
        ]
    }
}
