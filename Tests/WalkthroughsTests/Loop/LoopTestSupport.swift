import ConvScopeCore
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

/// A random conv case, 1-D or 2-D: input, weight, bias, geometry, and the library layer built
/// with the same numbers (used only to compare against).
struct ConvCase {
    var A: Tensor
    var W: Tensor
    var b: Tensor
    var geometry: ConvGeometry
    var layer: ConvLayer

    /// The layer's geometry with stride 1 and no padding: the homework's `_stride1` core.
    var core: ConvLayer {
        let g = geometry
        return layer.spatialAxes == 1
            ? Conv1d(
                inChannels: W.shape[1], outChannels: W.shape[0], kernelSize: g.kernel.w, dilation: g.dilation.w, W: W,
                b: b)
            : Conv2d(
                inChannels: W.shape[1], outChannels: W.shape[0], kernelSize: g.kernel, dilation: g.dilation, W: W, b: b)
    }

    var paddedA: Tensor {
        let p = geometry.padding
        return A.padded([(0, 0), (0, 0)] + (A.rank == 3 ? [(p.w, p.w)] : [(p.h, p.h), (p.w, p.w)]))
    }

    /// Sizes, stride, padding and dilation from a seeded generator; `oneD` makes a Conv1d.
    /// 2-D cases use one stride on both axes (the homework's layers), kernels may be rectangular.
    init(seed: UInt64, oneD: Bool) {
        var g = SeededGenerator(seed: seed)
        while true {
            let (cin, cout, n) = (
                Int.random(in: 1...3, using: &g), Int.random(in: 1...3, using: &g), Int.random(in: 1...2, using: &g)
            )
            let k = HW(oneD ? 1 : Int.random(in: 1...3, using: &g), Int.random(in: 1...3, using: &g))
            let s = Int.random(in: 1...3, using: &g)
            let p = HW(oneD ? 0 : Int.random(in: 0...2, using: &g), Int.random(in: 0...2, using: &g))
            let d = HW(oneD ? 1 : Int.random(in: 1...2, using: &g), Int.random(in: 1...2, using: &g))
            let size = HW(oneD ? 1 : Int.random(in: 1...7, using: &g), Int.random(in: 1...9, using: &g))
            W = Tensor.randomNormal(shape: oneD ? [cout, cin, k.w] : [cout, cin, k.h, k.w], seed: seed &+ 3)
            b = Tensor.randomNormal(shape: [cout], seed: seed &+ 1)
            A = Tensor.randomNormal(shape: oneD ? [n, cin, size.w] : [n, cin, size.h, size.w], seed: seed &+ 2)
            geometry = ConvGeometry(kernel: k, stride: HW(oneD ? 1 : s, s), padding: p, dilation: d)
            layer =
                oneD
                ? Conv1d(
                    inChannels: cin, outChannels: cout, kernelSize: k.w, stride: s, padding: p.w, dilation: d.w, W: W,
                    b: b)
                : Conv2d(
                    inChannels: cin, outChannels: cout, kernelSize: k, stride: HW(s, s), padding: p, dilation: d, W: W,
                    b: b)
            if (try? layer.outputShape(forInput: A.shape)) != nil { return }
        }
    }
}

/// The position written by a step of a loop over (N, C, …) cells: its `.index` axes.
func writtenPosition(_ step: LoopStep) -> [Int] {
    step.writes.axes.compactMap { if case .index(let i) = $0 { i } else { nil } }
}
