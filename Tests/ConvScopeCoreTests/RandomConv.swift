import ConvScopeCore

/// A random valid convolution (1-d or 2-d, any stride, padding and dilation) with random
/// parameters, an input shape it accepts, and the output shape PyTorch's formula predicts.
struct RandomConv {
    let layer: ConvLayer
    let inputShape: [Int]
    /// `(H + 2p − d(K−1) − 1)//s + 1` on each spatial axis.
    let expectedOutputShape: [Int]

    init(spatialAxes: Int, using generator: inout SeededGenerator) {
        func draw(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }
        let (n, c, o) = (draw(1...3), draw(1...4), draw(1...4))
        var kernel: [Int] = [], stride: [Int] = [], padding: [Int] = [], dilation: [Int] = []
        var size: [Int] = [], outSize: [Int] = []
        for _ in 0..<spatialAxes {
            let (k, s, p, d) = (draw(1...5), draw(1...4), draw(0...3), draw(1...3))
            let reach = d * (k - 1) + 1
            let extent = max(1, reach - 2 * p) + draw(0...(spatialAxes == 1 ? 20 : 8))
            kernel.append(k); stride.append(s); padding.append(p); dilation.append(d)
            size.append(extent)
            outSize.append((extent + 2 * p - d * (k - 1) - 1) / s + 1)
        }
        let W = Tensor.randomNormal(shape: [o, c] + kernel, seed: generator.next())
        let b = Tensor.randomNormal(shape: [o], seed: generator.next())
        if spatialAxes == 1 {
            layer = Conv1d(inChannels: c, outChannels: o, kernelSize: kernel[0], stride: stride[0],
                           padding: padding[0], dilation: dilation[0], W: W, b: b)
        } else {
            layer = Conv2d(inChannels: c, outChannels: o, kernelSize: HW(kernel[0], kernel[1]),
                           stride: HW(stride[0], stride[1]), padding: HW(padding[0], padding[1]),
                           dilation: HW(dilation[0], dilation[1]), W: W, b: b)
        }
        inputShape = [n, c] + size
        expectedOutputShape = [n, o] + outSize
    }
}
