import ConvScopeCore

/// Deliberately wrong layer code, written from the spec as a student might write it, as
/// direct loops: the answers the mistake recognisers must name. Independent of the
/// recognisers, which build their wrong answers from the library's primitives.
enum WrongImplementations {
    /// Conv1d forward, stride s, no padding, `Z[n,o,w] = Σ W[o,c,k]·A[n,c,w·s+k] + b[o]` in
    /// the number type `F`; `flipKernel` reads `W[o,c,K−1−k]` instead.
    static func conv1d<F: BinaryFloatingPoint>(
        _ A: Tensor, _ W: Tensor, _ b: Tensor, stride s: Int = 1,
        flipKernel: Bool = false, as _: F.Type = Double.self
    ) -> Tensor {
        let (n, c, width) = (A.shape[0], A.shape[1], A.shape[2])
        let (o, k) = (W.shape[0], W.shape[2])
        let out = (width - k) / s + 1
        var Z = Tensor(shape: [n, o, out])
        for i in 0..<n {
            for f in 0..<o {
                for w in 0..<out {
                    var total = F(b[f])
                    for ch in 0..<c {
                        for t in 0..<k { total += F(W[f, ch, flipKernel ? k - 1 - t : t]) * F(A[i, ch, w * s + t]) }
                    }
                    Z.scalars[(i * o + f) * out + w] = Double(total)
                }
            }
        }
        return Z
    }

    /// Conv1d (stride 1) dL/dA as the full correlation of dLdZ padded by K−1 with W, forgetting the flip.
    static func conv1dInputGradientUnflipped(_ dLdZ: Tensor, _ W: Tensor, width: Int) -> Tensor {
        let (n, o, out) = (dLdZ.shape[0], dLdZ.shape[1], dLdZ.shape[2])
        let (c, k) = (W.shape[1], W.shape[2])
        var dLdA = Tensor(shape: [n, c, width])
        for i in 0..<n {
            for ch in 0..<c {
                for x in 0..<width {
                    var total = 0.0
                    for f in 0..<o {
                        for t in 0..<k {
                            let z = x + t - (k - 1)
                            if (0..<out).contains(z) { total += dLdZ[i, f, z] * W[f, ch, t] }
                        }
                    }
                    dLdA.scalars[(i * c + ch) * width + x] = total
                }
            }
        }
        return dLdA
    }

    /// Conv1d (stride 1) dL/dW divided by the batch size N.
    static func conv1dWeightGradientAveraged(_ A: Tensor, _ dLdZ: Tensor, kernel k: Int) -> Tensor {
        let (n, c) = (A.shape[0], A.shape[1])
        let (o, out) = (dLdZ.shape[1], dLdZ.shape[2])
        var dLdW = Tensor(shape: [o, c, k])
        for f in 0..<o {
            for ch in 0..<c {
                for t in 0..<k {
                    var total = 0.0
                    for i in 0..<n {
                        for w in 0..<out { total += dLdZ[i, f, w] * A[i, ch, w + t] }
                    }
                    dLdW.scalars[(f * c + ch) * k + t] = total / Double(n)
                }
            }
        }
        return dLdW
    }

    /// MaxPool2d backward the assignment's way — dLdZ scattered to the stride-1 size, then
    /// the stride-1 backward — with `dLdA[argmax] = g` where it must be `+=`.
    static func maxPoolInputGradientAssigning(_ A: Tensor, _ dLdZ: Tensor, kernel k: Int, stride s: Int) -> Tensor {
        let (n, c, h, w) = (A.shape[0], A.shape[1], A.shape[2], A.shape[3])
        var dLdA = Tensor(shape: A.shape)
        for i in 0..<n {
            for ch in 0..<c {
                for y in 0...(h - k) {
                    for x in 0...(w - k) {
                        var best = (y, x)
                        for p in 0..<k {
                            for q in 0..<k where A[i, ch, y + p, x + q] > A[i, ch, best.0, best.1] {
                                best = (y + p, x + q)
                            }
                        }
                        let g = y % s == 0 && x % s == 0 ? dLdZ[i, ch, y / s, x / s] : 0
                        dLdA.scalars[((i * c + ch) * h + best.0) * w + best.1] = g
                    }
                }
            }
        }
        return dLdA
    }

    /// Downsample1d forward with the printed `W//k + 1` size: zeros of that width, then every k-th sample.
    static func downsample1dOffByOne(_ A: Tensor, factor k: Int) -> Tensor {
        let (n, c, w) = (A.shape[0], A.shape[1], A.shape[2])
        let out = w / k + 1
        var Z = Tensor(shape: [n, c, out])
        for i in 0..<n {
            for ch in 0..<c {
                for x in stride(from: 0, to: w, by: k) { Z.scalars[(i * c + ch) * out + x / k] = A[i, ch, x] }
            }
        }
        return Z
    }

    /// Downsample1d backward written as an upsample of dLdZ: width k(W′−1)+1, not the remembered W.
    static func downsample1dBackwardByUpsampling(_ dLdZ: Tensor, factor k: Int) -> Tensor {
        let (n, c, w) = (dLdZ.shape[0], dLdZ.shape[1], dLdZ.shape[2])
        let out = k * (w - 1) + 1
        var dLdA = Tensor(shape: [n, c, out])
        for i in 0..<n {
            for ch in 0..<c {
                for x in 0..<w { dLdA.scalars[(i * c + ch) * out + x * k] = dLdZ[i, ch, x] }
            }
        }
        return dLdA
    }

    /// `x[..., p:-p]` on the last axis with Python's slicing: with p = 0 the stop is 0.
    static func pythonCrop(_ x: Tensor, _ p: Int) -> Tensor {
        let width = x.shape.last!
        let stop = p == 0 ? 0 : width - p
        return x.sliced(Array(repeating: .all, count: x.rank - 1) + [AxisSlice(start: p, stop: max(p, stop))])
    }

    /// The simple scanning MLP as Conv1d(24,8,8,4) → ReLU → Conv1d(8,16,1) → ReLU →
    /// Conv1d(16,4,1) → Flatten, with kernels reshaped straight to (C_out, C_in, K).
    static func simpleScanChannelMajor(_ A: Tensor, w1: Tensor, w2: Tensor, w3: Tensor) -> Tensor {
        func kernel(_ w: Tensor, _ k: Int) -> Tensor { w.transposed().reshaped([w.shape[1], w.shape[0] / k, k]) }
        func relu(_ t: Tensor) -> Tensor { t.map { max($0, 0) } }
        let zero = { (o: Int) in Tensor(shape: [o]) }
        let h1 = relu(conv1d(A, kernel(w1, 8), zero(8), stride: 4))
        let h2 = relu(conv1d(h1, kernel(w2, 1), zero(16)))
        let h3 = conv1d(h2, kernel(w3, 1), zero(4))
        return h3.reshaped([h3.shape[0], h3.count / h3.shape[0]])
    }
}
