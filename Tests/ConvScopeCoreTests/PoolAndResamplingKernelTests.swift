import Testing

@testable import ConvScopeCore

/// The vectorised pooling loops and the write-once backward and resampling loops against
/// plain definitions: identical numbers, every output element written.
@Suite struct PoolAndResamplingKernelTests {
    /// (kernel, stride, height, width): strides 1, 2 and 3, widths with and without a scalar tail.
    static let pools: [(k: Int, s: Int, h: Int, w: Int)] = [
        (2, 2, 6, 64), (3, 1, 5, 37), (2, 2, 7, 35), (3, 3, 9, 61), (2, 3, 8, 50), (1, 1, 3, 20), (3, 2, 7, 40),
    ]

    /// Forward and backward by the definition, scalar and in row-major window order.
    static func reference(_ A: Tensor, kind: PoolFunction.Kind, k: Int, s: Int, dLdZ: Tensor) -> (
        Z: Tensor,
        dLdA: Tensor
    ) {
        let (n, c, h, w) = (A.shape[0], A.shape[1], A.shape[2], A.shape[3])
        let (oh, ow) = ((h - k) / s + 1, (w - k) / s + 1)
        var Z = Tensor(shape: [n, c, oh, ow])
        var dA = Tensor(shape: A.shape)
        for b in 0..<n {
            for ch in 0..<c {
                for i in 0..<oh {
                    for j in 0..<ow {
                        var best = (i * s, j * s)
                        var total = 0.0
                        for p in 0..<k {
                            for q in 0..<k {
                                let v = A[b, ch, i * s + p, j * s + q]
                                let cur = A[b, ch, best.0, best.1]
                                if !(v <= cur) && cur == cur { best = (i * s + p, j * s + q) }
                                total += v
                            }
                        }
                        let g = dLdZ[b, ch, i, j]
                        if kind == .max {
                            Z[b, ch, i, j] = A[b, ch, best.0, best.1]
                            dA[b, ch, best.0, best.1] += g
                        } else {
                            Z[b, ch, i, j] = total / Double(k * k)
                            for p in 0..<k { for q in 0..<k { dA[b, ch, i * s + p, j * s + q] += g / Double(k * k) } }
                        }
                    }
                }
            }
        }
        return (Z, dA)
    }

    @Test(arguments: pools.indices)
    func poolingMatchesTheDefinition(index: Int) throws {
        let t = Self.pools[index]
        var A = Tensor.randomNormal(shape: [2, 3, t.h, t.w], seed: UInt64(index))
        A[0, 1, 1, 1] = .nan
        A[1, 2, 0, 2] = A[1, 2, 0, 3]  // a tie: the first maximum wins
        for kind in [PoolFunction.Kind.max, .mean] {
            let layer: PoolLayer =
                kind == .max ? MaxPool2d(kernel: t.k, stride: t.s) : MeanPool2d(kernel: t.k, stride: t.s)
            let Z = try layer.forward(A)
            let dLdZ = Tensor.randomNormal(shape: Z.shape, seed: 99)
            let dLdA = try layer.backward(dLdZ)
            let want = Self.reference(A, kind: kind, k: t.k, s: t.s, dLdZ: dLdZ)
            // Bitwise equal, NaN included.
            #expect(Z.scalars.map(\.bitPattern) == want.Z.scalars.map(\.bitPattern), "\(kind) Z, case \(index)")
            #expect(
                dLdA.scalars.elementsEqual(want.dLdA.scalars) { $0 == $1 || ($0.isNaN && $1.isNaN) },
                "\(kind) dL/dA, case \(index)")
        }
    }

    @Test(arguments: [(1, 2), (1, 3), (2, 2), (2, 3), (2, 1)])
    func resamplingMatchesTheDefinition(spatialAxes: Int, k: Int) {
        let shape = spatialAxes == 1 ? [2, 3, 11] : [2, 3, 7, 10]
        let A = Tensor.randomNormal(shape: shape, seed: 5)
        let down = Resampling.downsample(A, factor: k, spatialAxes: spatialAxes)
        let up = Resampling.upsample(down, factor: k, spatialAxes: spatialAxes)
        let back = Resampling.scatter(down, factor: k, into: shape, spatialAxes: spatialAxes)
        let spatial = Array(shape.suffix(spatialAxes))
        #expect(
            down.shape == Array(shape.dropLast(spatialAxes))
                + spatial.map { Resampling.downsampledExtent($0, factor: k) })
        #expect(
            up.shape == Array(shape.dropLast(spatialAxes))
                + down.shape.suffix(spatialAxes).map { Resampling.upsampledExtent($0, factor: k) })
        for offset in 0..<A.count {
            let index = A.index(ofOffset: offset)
            let kept = index.suffix(spatialAxes).allSatisfy { $0 % k == 0 }
            let sparse = Array(index.dropLast(spatialAxes)) + index.suffix(spatialAxes).map { $0 / k }
            #expect(back.scalars[offset] == (kept ? A.scalars[offset] : 0))
            if kept { #expect(down[index: sparse] == A.scalars[offset]) }
            let inUp = zip(index.suffix(spatialAxes), up.shape.suffix(spatialAxes)).allSatisfy { $0 < $1 }
            if inUp { #expect(up[index: index] == (kept ? A.scalars[offset] : 0)) }
        }
    }
}
