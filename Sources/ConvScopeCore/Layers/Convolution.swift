/// The convolution arithmetic shared by every conv layer: `(N, C, H, W)` input,
/// `(O, C, kH, kW)` weight, `(O,)` bias, any stride, padding and dilation.
/// 1-D layers call it with `H = kH = 1`.
enum Convolution {
    /// `Z[n,o,i,j] = Σ_c Σ_p Σ_q W[o,c,p,q]·Apad[n,c,i·s+p·d,j·s+q·d] + b[o]`.
    static func forward(padded: Tensor, weight: Tensor, bias: Tensor, geometry g: ConvGeometry) -> Tensor {
        let (n, c) = (padded.shape[0], padded.shape[1])
        let paddedSize = HW(padded.shape[2], padded.shape[3])
        let outChannels = weight.shape[0]
        let out = outputSize(paddedSize: paddedSize, geometry: g)
        let positions = out.h * out.w
        let depth = c * g.kernel.h * g.kernel.w
        var Z = [Double](repeating: 0, count: n * outChannels * positions)
        var cols = [Double](repeating: 0, count: depth * positions)
        padded.scalars.withUnsafeBufferPointer { A in
            weight.scalars.withUnsafeBufferPointer { Wp in
                Z.withUnsafeMutableBufferPointer { Zp in
                    cols.withUnsafeMutableBufferPointer { colsp in
                        for sample in 0..<n {
                            let zSample = Zp.baseAddress! + sample * outChannels * positions
                            for o in 0..<outChannels {
                                (zSample + o * positions).update(repeating: bias.scalars[o], count: positions)
                            }
                            guard positions > 0, depth > 0 else { continue }
                            Im2col.unroll(A.baseAddress! + sample * c * paddedSize.h * paddedSize.w,
                                          channels: c, paddedSize: paddedSize, geometry: g, outputSize: out,
                                          into: colsp.baseAddress!)
                            MatrixMultiply.accumulate(m: outChannels, n: positions, k: depth,
                                                      a: Wp.baseAddress!, lda: depth,
                                                      b: colsp.baseAddress!, ldb: positions,
                                                      c: zSample, ldc: positions)
                        }
                    }
                }
            }
        }
        return Tensor(shape: [n, outChannels, out.h, out.w], scalars: Z)
    }

    /// The three gradients of `forward`, with dL/dA still in padded coordinates.
    static func backward(dLdZ: Tensor, padded: Tensor, weight: Tensor, geometry g: ConvGeometry)
        -> (dLdApadded: Tensor, dLdW: Tensor, dLdb: Tensor)
    {
        let (n, c) = (padded.shape[0], padded.shape[1])
        let paddedSize = HW(padded.shape[2], padded.shape[3])
        let outChannels = weight.shape[0]
        let out = HW(dLdZ.shape[2], dLdZ.shape[3])
        let positions = out.h * out.w
        let depth = c * g.kernel.h * g.kernel.w
        let weightT = weight.reshaped([outChannels, depth]).transposed()
        var dLdW = [Double](repeating: 0, count: outChannels * depth)
        var dA = [Double](repeating: 0, count: padded.count)
        var cols = [Double](repeating: 0, count: depth * positions)
        var colsT = [Double](repeating: 0, count: depth * positions)
        padded.scalars.withUnsafeBufferPointer { A in
            dLdZ.scalars.withUnsafeBufferPointer { dZ in
                weightT.scalars.withUnsafeBufferPointer { WT in
                    dLdW.withUnsafeMutableBufferPointer { dW in
                        dA.withUnsafeMutableBufferPointer { dAp in
                            cols.withUnsafeMutableBufferPointer { colsp in
                                colsT.withUnsafeMutableBufferPointer { colsTp in
                                    guard positions > 0, depth > 0, outChannels > 0 else { return }
                                    for sample in 0..<n {
                                        let planeSize = c * paddedSize.h * paddedSize.w
                                        let dzSample = dZ.baseAddress! + sample * outChannels * positions
                                        Im2col.unroll(A.baseAddress! + sample * planeSize, channels: c,
                                                      paddedSize: paddedSize, geometry: g, outputSize: out,
                                                      into: colsp.baseAddress!)
                                        transpose(colsp.baseAddress!, rows: depth, cols: positions, into: colsTp.baseAddress!)
                                        // dL/dW += dL/dZ[n] · colsᵀ
                                        MatrixMultiply.accumulate(m: outChannels, n: depth, k: positions,
                                                                  a: dzSample, lda: positions,
                                                                  b: colsTp.baseAddress!, ldb: depth,
                                                                  c: dW.baseAddress!, ldc: depth)
                                        // dL/dcols = Wᵀ · dL/dZ[n], folded back onto the padded input.
                                        colsp.update(repeating: 0)
                                        MatrixMultiply.accumulate(m: depth, n: positions, k: outChannels,
                                                                  a: WT.baseAddress!, lda: outChannels,
                                                                  b: dzSample, ldb: positions,
                                                                  c: colsp.baseAddress!, ldc: positions)
                                        Im2col.fold(colsp.baseAddress!, channels: c, paddedSize: paddedSize,
                                                    geometry: g, outputSize: out,
                                                    into: dAp.baseAddress! + sample * planeSize)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let dLdb = dLdZ.sum(axes: [0, 2, 3])
        return (Tensor(shape: padded.shape, scalars: dA), Tensor(shape: weight.shape, scalars: dLdW), dLdb)
    }

    static func outputSize(paddedSize: HW, geometry g: ConvGeometry) -> HW {
        var unpadded = g
        unpadded.padding = HW(0, 0)
        return unpadded.outputSize(forInput: paddedSize)
    }

    private static func transpose(_ src: UnsafePointer<Double>, rows: Int, cols: Int,
                                  into dst: UnsafeMutablePointer<Double>) {
        for r in 0..<rows {
            let line = src + r &* cols
            for col in 0..<cols {
                dst[col &* rows &+ r] = line[col]
            }
        }
    }
}
