import ConvScopeTestSupport
import Testing

@testable import ConvScopeCore

/// Splitting a convolution over threads (whole samples, or inside one sample) gives the
/// same numbers as one thread: identical forward and dL/dA, dL/dW within rounding.
@Suite struct ConvolutionThreadingTests {
    /// (samples, channels, size, out channels, kernel, stride, dilation): one sample
    /// exercises the split inside a sample; several exercise the split by samples.
    static let cases: [(n: Int, c: Int, size: Int, o: Int, k: Int, s: Int, d: Int)] = [
        (1, 3, 61, 16, 3, 1, 1), (5, 4, 33, 7, 3, 2, 1), (4, 6, 29, 9, 2, 1, 2),
    ]

    @Test(arguments: cases.indices)
    func threadsGiveTheSameNumbers(index: Int) {
        let t = Self.cases[index]
        let g = ConvGeometry(kernel: HW(square: t.k), stride: HW(square: t.s), dilation: HW(square: t.d))
        let padded = Tensor.randomNormal(shape: [t.n, t.c, t.size, t.size], seed: 1)
        let weight = Tensor.randomNormal(shape: [t.o, t.c, t.k, t.k], seed: 2)
        let bias = Tensor.randomNormal(shape: [t.o], seed: 3)
        let one = Convolution.forward(padded: padded, weight: weight, bias: bias, geometry: g, threads: 1)
        let two = Convolution.forward(padded: padded, weight: weight, bias: bias, geometry: g, threads: 2)
        #expect(one == two)
        let dLdZ = Tensor.randomNormal(shape: one.shape, seed: 4)
        let single = Convolution.backward(dLdZ: dLdZ, padded: padded, weight: weight, geometry: g, threads: 1)
        let split = Convolution.backward(dLdZ: dLdZ, padded: padded, weight: weight, geometry: g, threads: 2)
        #expect(single.dLdApadded == split.dLdApadded)
        expectClose(split.dLdW, single.dLdW, tolerance: 1e-12 * Double(t.n * one.count), "dL/dW")
        #expect(single.dLdb == split.dLdb)
    }
}
