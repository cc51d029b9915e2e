import ConvScopeTestSupport
import Testing

@testable import ConvScopeCore

/// The implicit-GEMM paths of convolution: panels packed straight from the input equal
/// panels packed from an explicitly built im2col matrix, and the whole convolution matches
/// its definition on shapes that pick either dL/dW orientation.
@Suite struct ImplicitIm2colTests {
    /// (channels, padded h, padded w, kernel, stride, dilation).
    static let cases: [(c: Int, h: Int, w: Int, k: HW, s: HW, d: HW)] = [
        (3, 9, 11, HW(3, 3), HW(1, 1), HW(1, 1)), (2, 12, 13, HW(2, 3), HW(2, 3), HW(1, 2)),
        (4, 1, 70, HW(1, 5), HW(1, 2), HW(1, 1)), (1, 7, 7, HW(1, 1), HW(1, 1), HW(1, 1)),
    ]

    /// The im2col matrix by its definition: `depth × positions`, row-major.
    static func explicitIm2col(_ sample: [Double], c: Int, padded: HW, geometry g: ConvGeometry) -> (
        rows: Int, columns: Int, values: [Double]
    ) {
        let out = Convolution.outputSize(paddedSize: padded, geometry: g)
        var values: [Double] = []
        for ch in 0..<c {
            for p in 0..<g.kernel.h {
                for q in 0..<g.kernel.w {
                    for i in 0..<out.h {
                        for j in 0..<out.w {
                            let y = i * g.stride.h + p * g.dilation.h
                            let x = j * g.stride.w + q * g.dilation.w
                            values.append(sample[(ch * padded.h + y) * padded.w + x])
                        }
                    }
                }
            }
        }
        return (c * g.kernel.h * g.kernel.w, out.h * out.w, values)
    }

    @Test(arguments: cases.indices)
    func windowPanelsMatchExplicitIm2col(index: Int) {
        let t = Self.cases[index]
        let g = ConvGeometry(kernel: t.k, stride: t.s, dilation: t.d)
        let padded = HW(t.h, t.w)
        let sample = Tensor.randomNormal(shape: [t.c * t.h * t.w], seed: UInt64(index)).scalars
        let cols = Self.explicitIm2col(sample, c: t.c, padded: padded, geometry: g)
        let layout = Im2col(
            channels: t.c, paddedSize: padded, geometry: g,
            output: Convolution.outputSize(paddedSize: padded, geometry: g))
        sample.withUnsafeBufferPointer { s in
            cols.values.withUnsafeBufferPointer { v in
                for lanesArePositions in [true, false] {
                    let implicit = WindowMatrix(
                        sample: s.baseAddress!, layout: layout, lanesArePositions: lanesArePositions)
                    // The explicit matrix seen the same way: lanes × steps.
                    let explicit =
                        lanesArePositions
                        ? MatrixView(base: v.baseAddress!, rowStride: 1, columnStride: cols.columns)
                        : MatrixView(base: v.baseAddress!, rowStride: cols.columns, columnStride: 1)
                    let (laneCount, stepCount) =
                        lanesArePositions ? (cols.columns, cols.rows) : (cols.rows, cols.columns)
                    for width in [8, 24] {
                        for (lanes, steps) in [
                            (0..<laneCount, 0..<stepCount),
                            ((laneCount / 3)..<laneCount, (stepCount / 2)..<stepCount),
                        ] {
                            let size = (lanes.count + width - 1) / width * width * steps.count
                            var got = [Double](repeating: .nan, count: size)
                            var want = got
                            got.withUnsafeMutableBufferPointer {
                                implicit.pack(lanes: lanes, steps: steps, width: width, into: $0.baseAddress!)
                            }
                            want.withUnsafeMutableBufferPointer {
                                explicit.pack(lanes: lanes, steps: steps, width: width, into: $0.baseAddress!)
                            }
                            #expect(
                                got == want,
                                "case \(index), positions \(lanesArePositions), \(width) wide, \(lanes)×\(steps)"
                            )
                        }
                    }
                }
            }
        }
    }

    /// Thin inputs (dL/dW computed transposed) and wide ones (computed directly), single
    /// and multi-sample, against the sums that define each result.
    static let convolutions: [(n: Int, c: Int, size: Int, o: Int)] = [
        (1, 3, 17, 16), (3, 2, 9, 5), (2, 40, 6, 3), (1, 1, 30, 64),
    ]

    @Test(arguments: convolutions.indices)
    func convolutionMatchesTheDefinition(index: Int) {
        let (n, c, size, o) = Self.convolutions[index]
        let g = ConvGeometry(kernel: HW(3, 3), stride: HW(1, 2), dilation: HW(2, 1))
        let padded = Tensor.randomNormal(shape: [n, c, size, size], seed: 7)
        let weight = Tensor.randomNormal(shape: [o, c, 3, 3], seed: 8)
        let bias = Tensor.randomNormal(shape: [o], seed: 9)
        let Z = Convolution.forward(padded: padded, weight: weight, bias: bias, geometry: g)
        let dLdZ = Tensor.randomNormal(shape: Z.shape, seed: 10)
        let grads = Convolution.backward(dLdZ: dLdZ, padded: padded, weight: weight, geometry: g)
        var wantZ = Tensor(shape: Z.shape)
        var wantW = Tensor(shape: weight.shape)
        var wantA = Tensor(shape: padded.shape)
        for b in 0..<n {
            for oc in 0..<o {
                for i in 0..<Z.shape[2] {
                    for j in 0..<Z.shape[3] {
                        var total = bias[oc]
                        for ch in 0..<c {
                            for p in 0..<3 {
                                for q in 0..<3 {
                                    let y = i * g.stride.h + p * g.dilation.h
                                    let x = j * g.stride.w + q * g.dilation.w
                                    total += weight[oc, ch, p, q] * padded[b, ch, y, x]
                                    wantW[oc, ch, p, q] += dLdZ[b, oc, i, j] * padded[b, ch, y, x]
                                    wantA[b, ch, y, x] += dLdZ[b, oc, i, j] * weight[oc, ch, p, q]
                                }
                            }
                        }
                        wantZ[b, oc, i, j] = total
                    }
                }
            }
        }
        expectClose(Z, wantZ, tolerance: 1e-12, "Z")
        expectClose(grads.dLdW, wantW, tolerance: 1e-11, "dL/dW")
        expectClose(grads.dLdApadded, wantA, tolerance: 1e-12, "dL/dA")
    }
}
