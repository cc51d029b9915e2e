/// Inserting zeros (upsampling) and keeping every k-th sample (downsampling) along the
/// trailing spatial axes. `Upsample1d`/`2d` and `Downsample1d`/`2d` are this with one or
/// two spatial axes, so 1-D and 2-D share one implementation.
public enum Resampling {
    /// `k·(W−1)+1`: the extent after inserting k−1 zeros between neighbours.
    public static func upsampledExtent(_ extent: Int, factor k: Int) -> Int {
        extent == 0 ? 0 : k * (extent - 1) + 1
    }

    /// `ceil(W/k)`: the extent after keeping every k-th sample from the first.
    public static func downsampledExtent(_ extent: Int, factor k: Int) -> Int {
        extent == 0 ? 0 : (extent - 1) / k + 1
    }

    /// `Z[..., k·i] = A[..., i]` with zeros between.
    public static func upsample(_ A: Tensor, factor k: Int, spatialAxes: Int) -> Tensor {
        var shape = A.shape
        for axis in (A.rank - spatialAxes)..<A.rank {
            shape[axis] = upsampledExtent(shape[axis], factor: k)
        }
        return scatter(A, factor: k, into: shape, spatialAxes: spatialAxes)
    }

    /// `A[..., ::k]`.
    public static func downsample(_ A: Tensor, factor k: Int, spatialAxes: Int) -> Tensor {
        let kernels = ResamplingKernels(denseShape: A.shape, factor: k, spatialAxes: spatialAxes)
        var shape = A.shape
        shape[A.rank - 1] = kernels.sparse.w
        if spatialAxes == 2 { shape[A.rank - 2] = kernels.sparse.h }
        return Tensor(shape: shape, scalars: kernels.gather(A.scalars))
    }

    /// The adjoint of `downsample`: zeros of `shape` with `dLdZ` written at every k-th position.
    public static func scatter(_ dLdZ: Tensor, factor k: Int, into shape: [Int], spatialAxes: Int) -> Tensor {
        let kernels = ResamplingKernels(denseShape: shape, factor: k, spatialAxes: spatialAxes)
        precondition(dLdZ.count == kernels.sparseCount, "cannot scatter \(dLdZ.shape) every \(k)-th into \(shape)")
        return Tensor(shape: shape, scalars: kernels.spread(dLdZ.scalars))
    }
}

/// What a resampling forward pass keeps: downsampling's backward needs the input shape
/// to rebuild the right width, since `ceil(W/k)` forgets W.
public struct ResamplingRecord: Sendable, Equatable {
    public let inputShape: [Int]
    public let outputShape: [Int]
}

/// Upsampling or downsampling by k on one or two trailing spatial axes, as a value.
public struct ResamplingFunction: LayerFunction, Equatable {
    /// The factor k ≥ 1; k = 1 is the identity.
    public let factor: Int
    /// 1 for the `…1d` layers, 2 for the `…2d` layers.
    public let spatialAxes: Int
    /// True for upsampling (insert zeros), false for downsampling (keep every k-th).
    public let isUpsampling: Bool

    public init(factor: Int, spatialAxes: Int, isUpsampling: Bool) {
        precondition(factor >= 1, "resampling factor must be at least 1")
        self.factor = factor
        self.spatialAxes = spatialAxes
        self.isUpsampling = isUpsampling
    }

    public var summary: String {
        "\(isUpsampling ? "Upsample" : "Downsample")\(spatialAxes)d(factor \(factor))"
    }

    private var layout: String { spatialAxes == 1 ? "(N, C, W)" : "(N, C, H, W)" }

    public func forward(_ A: Tensor) throws -> (output: Tensor, record: ResamplingRecord) {
        try requireRank(A, spatialAxes + 2, "A", layout: layout)
        let Z =
            isUpsampling
            ? Resampling.upsample(A, factor: factor, spatialAxes: spatialAxes)
            : Resampling.downsample(A, factor: factor, spatialAxes: spatialAxes)
        return (Z, ResamplingRecord(inputShape: A.shape, outputShape: Z.shape))
    }

    public func backward(_ record: ResamplingRecord, _ dLdZ: Tensor) throws -> InputGradient {
        try requireGradientShape(dLdZ, matches: record.outputShape)
        if isUpsampling {
            return InputGradient(dLdA: Resampling.downsample(dLdZ, factor: factor, spatialAxes: spatialAxes))
        }
        return InputGradient(
            dLdA: Resampling.scatter(
                dLdZ, factor: factor, into: record.inputShape,
                spatialAxes: spatialAxes))
    }

    /// Where output element `index` comes from: the input element it copies, or nil for an
    /// inserted zero (upsampling only).
    public func source(ofOutput index: [Int]) -> [Int]? {
        let first = index.count - spatialAxes
        if isUpsampling {
            guard index[first...].allSatisfy({ $0 % factor == 0 }) else { return nil }
            return index.enumerated().map { $0.offset >= first ? $0.element / factor : $0.element }
        }
        return index.enumerated().map { $0.offset >= first ? $0.element * factor : $0.element }
    }

    /// Where input element `index` goes: the output element it becomes, or nil if
    /// downsampling drops it.
    public func destination(ofInput index: [Int]) -> [Int]? {
        let first = index.count - spatialAxes
        if isUpsampling {
            return index.enumerated().map { $0.offset >= first ? $0.element * factor : $0.element }
        }
        guard index[first...].allSatisfy({ $0 % factor == 0 }) else { return nil }
        return index.enumerated().map { $0.offset >= first ? $0.element / factor : $0.element }
    }
}

/// The assignment-style body of the four resampling layers: the last record over the
/// value `ResamplingFunction`.
public class ResamplingLayer: RecordingLayer<ResamplingFunction> {
    init(factor: Int, spatialAxes: Int, isUpsampling: Bool) {
        super.init(ResamplingFunction(factor: factor, spatialAxes: spatialAxes, isUpsampling: isUpsampling))
    }

    public var factor: Int { function.factor }
}

/// `Z[n, c, k·i] = A[n, c, i]`, zeros between; output width `k(W−1)+1`.
public final class Upsample1d: ResamplingLayer {
    public init(factor: Int) { super.init(factor: factor, spatialAxes: 1, isUpsampling: true) }
}

/// `Z = A[:, :, ::k]`; output width `ceil(W/k)`; remembers W for backward.
public final class Downsample1d: ResamplingLayer {
    public init(factor: Int) { super.init(factor: factor, spatialAxes: 1, isUpsampling: false) }
}

/// Upsampling on both H and W: `k(H−1)+1 × k(W−1)+1`.
public final class Upsample2d: ResamplingLayer {
    public init(factor: Int) { super.init(factor: factor, spatialAxes: 2, isUpsampling: true) }
}

/// `Z = A[:, :, ::k, ::k]`: `ceil(H/k) × ceil(W/k)`; remembers H and W for backward.
public final class Downsample2d: ResamplingLayer {
    public init(factor: Int) { super.init(factor: factor, spatialAxes: 2, isUpsampling: false) }
}
