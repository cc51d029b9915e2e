import ConvScopeCore

/// The spatial layout a loop walk works in: 1-D data `(N, C, W)` or 2-D `(N, C, H, W)`.
/// Sizes are `HW` pairs with `h = 1` in 1-D (as `ConvGeometry` has them), and every
/// subscript is written with only the axes the data has.
struct LoopSpace: Sendable {
    /// 1 or 2.
    let spatialAxes: Int

    init(rank: Int) throws {
        guard rank == 3 || rank == 4 else {
            throw LayerError("the data has rank \(rank) but the loop walk takes (N, C, W) or (N, C, H, W)")
        }
        spatialAxes = rank - 2
    }

    /// The spatial size of a tensor of this layout.
    func size(_ shape: [Int]) -> HW {
        spatialAxes == 1 ? HW(1, shape[2]) : HW(shape[2], shape[3])
    }

    /// A kernel, stride or padding as the user gave it: `3` in 1-D, `3` or `(2, 3)` in 2-D.
    func text(_ value: HW) -> String { spatialAxes == 1 ? "\(value.w)" : value.description }

    /// `(n, c, H, W)` or `(n, c, W)`.
    func shape(_ n: Int, _ c: Int, _ size: HW) -> [Int] {
        spatialAxes == 1 ? [n, c, size.w] : [n, c, size.h, size.w]
    }

    /// `[:, :, h, w]` or `[:, :, w]`.
    func subscripts(_ h: SubscriptAxis, _ w: SubscriptAxis) -> [SubscriptAxis] {
        spatialAxes == 1 ? [.all, .all, w] : [.all, .all, h, w]
    }

    /// Names for the two spatial axes' things: `two` in 2-D, the second alone in 1-D.
    func names(_ two: [String]) -> [String] { spatialAxes == 1 ? [two[1]] : two }

    /// The row-major position of step `k` on a grid.
    func position(ofStep k: Int, grid: HW) -> HW { HW(k / grid.w, k % grid.w) }

    /// The loop variables at a grid position, named `two` (2-D) or `two[1]` (1-D).
    func variables(_ two: [String], at p: HW) -> [LoopVariable] {
        spatialAxes == 1 ? [LoopVariable(two[1], p.w)] : [LoopVariable(two[0], p.h), LoopVariable(two[1], p.w)]
    }

    /// Kernel axis names: `K`, `K, K` for a square kernel, `kH, kW` for a rectangular one.
    func kernelNames(_ kernel: HW) -> [String] {
        names(kernel.h == kernel.w || spatialAxes == 1 ? ["K", "K"] : ["kH", "kW"])
    }

    /// `1 loop, W_out = 30 iterations` / `2 loops, H_out·W_out = 16 iterations`.
    func header(_ two: [String], grid: HW) -> String {
        let used = names(two)
        return "\(used.count) loop\(used.count == 1 ? "" : "s"), \(used.joined(separator: "·")) = "
            + "\(grid.h * grid.w) iteration\(grid.h * grid.w == 1 ? "" : "s")"
    }

    /// `Tensor.padded` widths for padding the spatial axes by `pad` on both sides.
    func padding(_ pad: HW) -> [(before: Int, after: Int)] {
        [(0, 0), (0, 0)] + (spatialAxes == 1 ? [(pad.w, pad.w)] : [(pad.h, pad.h), (pad.w, pad.w)])
    }

    /// A spatial size with `f` applied on each axis the data has (`h` stays 1 in 1-D).
    func resized(_ size: HW, _ f: (Int) -> Int) -> HW { HW(spatialAxes == 1 ? 1 : f(size.h), f(size.w)) }

    /// The `np.pad` width list padding the spatial axes by `pad`: `((0, 0), (0, 0), (1, 1), (2, 2))`.
    func padWidths(_ pad: HW) -> String {
        let spatial = names(["(\(pad.h), \(pad.h))", "(\(pad.w), \(pad.w))"])
        return "((0, 0), (0, 0), \(spatial.joined(separator: ", ")))"
    }

    /// `for i in range(H_out):` then `    for j in range(W_out):` (only the second in 1-D).
    func loopLines(_ vars: [String], _ bounds: [String]) -> [String] {
        zip(names(vars), names(bounds)).enumerated().map { depth, pair in
            String(repeating: " ", count: 4 * depth) + "for \(pair.0) in range(\(pair.1)):"
        }
    }

    /// The body indent below `loopLines`.
    var bodyIndent: String { String(repeating: " ", count: 4 * spatialAxes) }
}
