import ConvScopeCore

/// A random valid convolution (1-d or 2-d, any stride, padding and dilation) with random
/// parameters, an input it accepts, and the output shape PyTorch's formula predicts.
/// Shared by every test target that needs random convolution cases.
public struct RandomConv {
    /// A layer made from the drawn parameters.
    public let layer: ConvLayer
    /// `(N, C, H, W)` or `(N, C, W)`.
    public let inputShape: [Int]
    /// `(H + 2p − d(K−1) − 1)//s + 1` on each spatial axis.
    public let expectedOutputShape: [Int]
    /// A standard-normal input of `inputShape`, drawn from the same generator.
    public let input: Tensor
    private let make: () -> ConvLayer

    /// Draws a case; at most 9 output positions per spatial axis of a 2-d case, so a screen
    /// can show the output map as numbers.
    public init(spatialAxes: Int, using generator: inout SeededGenerator) {
        func draw(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }
        let (n, c, o) = (draw(1...3), draw(1...4), draw(1...4))
        var kernel: [Int] = []
        var stride: [Int] = []
        var padding: [Int] = []
        var dilation: [Int] = []
        var size: [Int] = []
        var outSize: [Int] = []
        for _ in 0..<spatialAxes {
            let (k, s, p, d) = (draw(1...5), draw(1...4), draw(0...3), draw(1...3))
            let reach = d * (k - 1) + 1
            let extent = max(1, reach - 2 * p) + draw(0...(spatialAxes == 1 ? 20 : 8))
            kernel.append(k)
            stride.append(s)
            padding.append(p)
            dilation.append(d)
            size.append(extent)
            outSize.append((extent + 2 * p - d * (k - 1) - 1) / s + 1)
        }
        let W = Tensor.randomNormal(shape: [o, c] + kernel, seed: generator.next())
        let b = Tensor.randomNormal(shape: [o], seed: generator.next())
        make = { [kernel, stride, padding, dilation] in
            spatialAxes == 1
                ? Conv1d(
                    inChannels: c, outChannels: o, kernelSize: kernel[0], stride: stride[0],
                    padding: padding[0], dilation: dilation[0], W: W, b: b)
                : Conv2d(
                    inChannels: c, outChannels: o, kernelSize: HW(kernel[0], kernel[1]),
                    stride: HW(stride[0], stride[1]), padding: HW(padding[0], padding[1]),
                    dilation: HW(dilation[0], dilation[1]), W: W, b: b)
        }
        layer = make()
        inputShape = [n, c] + size
        expectedOutputShape = [n, o] + outSize
        input = Tensor.randomNormal(shape: inputShape, seed: generator.next())
    }

    /// The case drawn by a fresh generator of `seed`.
    public init(spatialAxes: Int = 2, seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        self.init(spatialAxes: spatialAxes, using: &generator)
    }

    /// A new layer with the same parameters as `layer`, for tests that need an untouched twin.
    public func makeLayer() -> ConvLayer { make() }
}
