/// The wrong answers and shapes of the known mistakes, computed with the library's own
/// primitives.
enum MistakeAnswers {
    /// W flipped on its spatial axes (every axis after C_out, C_in).
    static func spatiallyFlipped(_ W: Tensor?) throws -> Tensor {
        guard let W else { throw LayerError("no W to flip") }
        return W.flipped(axes: Array(2..<W.rank))
    }

    /// dLdA's shape after `x[p:-p]`: zero on every spatial axis whose padding is 0.
    static func emptyCropShape(_ context: MistakeContext) -> [Int]? {
        let shape = context.expected.shape
        let p = context.spec.paddingValue
        let padding = shape.count == 4 ? [p.h, p.w] : [p.w]
        guard padding.contains(0) else { return nil }
        return Array(shape.prefix(2)) + zip(shape.dropFirst(2), padding).map { $1 == 0 ? 0 : $0 }
    }

    /// Z of the same convolution with padding 0; nil when the layer has no padding to forget.
    static func unpaddedForward(_ context: MistakeContext) throws -> Tensor? {
        guard context.spec.paddingValue != HW(square: 0) else { return nil }
        var spec = context.spec
        spec.padding = [0]
        return try spec.run(on: context.bundle.filter { $0.key != "dLdZ" })["Z"]
    }

    /// Z's shape with `W//k + 1` on the downsampled axes.
    static func offByOneDownsampleShape(_ context: MistakeContext) -> [Int]? {
        guard let A = context.bundle["A"] else { return nil }
        let k = context.spec.factorValue
        return Array(A.shape.prefix(2)) + A.shape.dropFirst(2).map { $0 / k + 1 }
    }

    /// Max-pool dL/dA the assignment's way (stride-1 pool, then downsample), but with the
    /// stride-1 backward setting each window's argmax instead of adding to it.
    static func assigningMaxPoolGradient(_ context: MistakeContext) throws -> Tensor? {
        guard let A = context.bundle["A"], let dLdZ = context.bundle["dLdZ"] else { return nil }
        let cache = try PoolFunction(kind: .max, kernel: context.spec.kernelValue, stride: 1).forward(A).record
        let spread = Resampling.scatter(
            dLdZ, factor: context.spec.strideValue.w, into: cache.outputShape, spatialAxes: 2)
        var dLdA = Tensor(shape: A.shape)
        for (output, input) in cache.argmax.enumerated() { dLdA.scalars[input] = spread.scalars[output] }
        return dLdA
    }

    /// The scan's Z when every MLP weight becomes a kernel by `w.T.reshape(C_out, C_in, K)`:
    /// the run on MLP weights rearranged so the library's (right) reshape yields those kernels.
    static func channelMajorScan(_ context: MistakeContext) throws -> Tensor? {
        let kernelSizes = context.spec.kind == .scanMLPSimple ? [8, 1, 1] : [8, 4, 2]
        var changes: [String: Tensor] = [:]
        for (i, k) in kernelSizes.enumerated() {
            guard let w = context.bundle["w\(i + 1)"], w.rank == 2, w.shape[0] % k == 0 else { return nil }
            let (inputs, outputs) = (w.shape[0], w.shape[1])
            let wrongKernel = w.transposed().reshaped([outputs, inputs / k, k])
            changes["w\(i + 1)"] = wrongKernel.permuted([0, 2, 1]).reshaped([outputs, inputs]).transposed()
        }
        return try context.rerun(replacing: changes)
    }

    /// Every value is a Float32, the library's are not all Float32, and the two agree to
    /// Float32 accuracy (1e-4 of the largest magnitude, at least 1).
    static func looksLikeFloat32(_ mine: Tensor, _ context: MistakeContext) -> Bool {
        func isFloat32(_ x: Double) -> Bool { !x.isFinite || Double(Float(x)) == x }
        let expected = context.expected
        guard mine.shape == expected.shape, mine.scalars.allSatisfy(isFloat32),
            !expected.scalars.allSatisfy(isFloat32)
        else { return false }
        let scale = max(1, expected.scalars.lazy.filter(\.isFinite).map(abs).max() ?? 0)
        return Tolerance(absolute: 1e-4 * scale, relative: 0).accepts(mine, as: expected)
    }
}
