import ConvScopeCore
import ConvScopeTestSupport
import Testing

@testable import Walkthroughs

/// Whether two tensors have one shape and agree to `tolerance` relative to their size.
func close(_ a: Tensor, _ b: Tensor, _ tolerance: Double = 1e-10) -> Bool {
    a.shape == b.shape && a.maxAbsDifference(b) <= tolerance * max(1, b.scalars.map(abs).max() ?? 0)
}

/// `Z[:, :, i, j]` (or `Z[:, :, w]`) of an (N, C, …) tensor by plain indexing: an (N, C) matrix.
func column(_ Z: Tensor, at position: [Int]) -> Tensor {
    Tensor(shape: [Z.shape[0], Z.shape[1]]) { k in Z[index: [k / Z.shape[1], k % Z.shape[1]] + position] }
}

/// A shared random conv case (`RandomConv`) as the loop walks take it: input, weight, bias and
/// geometry, plus the library layer with the same numbers (used only to compare against).
struct ConvCase {
    let A: Tensor
    let W: Tensor
    let b: Tensor
    let geometry: ConvGeometry
    let layer: ConvLayer

    init(seed: UInt64, oneD: Bool) {
        let drawn = RandomConv(spatialAxes: oneD ? 1 : 2, seed: seed)
        layer = drawn.layer
        A = drawn.input
        W = layer.W
        b = layer.b
        geometry = layer.geometry
    }

    /// Whether the homework's stages can express the stride: one Downsample factor for both axes.
    var hasOneStride: Bool { A.rank == 3 || geometry.stride.h == geometry.stride.w }

    /// The layer's geometry with stride 1 and no padding: the homework's `_stride1` core.
    var core: ConvLayer {
        let g = geometry
        return layer.spatialAxes == 1
            ? Conv1d(
                inChannels: W.shape[1], outChannels: W.shape[0], kernelSize: g.kernel.w, dilation: g.dilation.w,
                W: W, b: b)
            : Conv2d(
                inChannels: W.shape[1], outChannels: W.shape[0], kernelSize: g.kernel, dilation: g.dilation,
                W: W, b: b)
    }

    var paddedA: Tensor {
        let p = geometry.padding
        return A.padded([(0, 0), (0, 0)] + (A.rank == 3 ? [(p.w, p.w)] : [(p.h, p.h), (p.w, p.w)]))
    }
}

/// The position written by a step of a loop over (N, C, …) cells: its `.index` axes.
func writtenPosition(_ step: LoopStep) -> [Int] {
    step.writes.axes.compactMap { if case .index(let i) = $0 { i } else { nil } }
}

/// The homework's stages have one Downsample factor, so a 2-D case striding its axes differently
/// is refused, forward and backward.
func expectUnequalStridesRefused(_ c: ConvCase) {
    #expect(throws: LayerError.self) {
        try LoopWalk.convForward(input: c.A, weight: c.W, bias: c.b, geometry: c.geometry)
    }
    #expect(throws: LayerError.self) {
        let Z = try c.layer.forward(c.A)
        return try LoopWalk.convBackward(.dLdA, input: c.A, weight: c.W, geometry: c.geometry, dLdZ: Z)
    }
}
