/// A GEMM operand as the driver sees it: `lanes × steps`, where the lanes are the rows of
/// A (or the columns of B) and the steps run along the contracted axis. It only has to
/// copy blocks of itself into the panel order the micro-kernels stream through, so an
/// operand need not exist in memory as a matrix (see `WindowMatrix`).
protocol PanelSource {
    /// Packs lanes `lanes` over steps `steps` into panels of `width` lanes: panel `r`, step
    /// `p`, lane `i` goes to `r·width·depth + p·width + i` (depth = `steps.count`), zeros
    /// past the last lane.
    func pack(lanes: Range<Int>, steps: Range<Int>, width: Int, into dst: UnsafeMutablePointer<Double>)
}

/// A strided read-only matrix: element `(i, j)` lives at `base[i·rowStride + j·columnStride]`.
/// A transposed operand is the same storage with the two strides swapped. As a panel
/// source its rows are the lanes and its columns the steps.
struct MatrixView: PanelSource {
    var base: UnsafePointer<Double>
    var rowStride: Int
    var columnStride: Int

    /// The view of the sub-matrix starting at `(row, column)`.
    func offset(row: Int, column: Int) -> MatrixView {
        MatrixView(
            base: base + (row &* rowStride &+ column &* columnStride),
            rowStride: rowStride, columnStride: columnStride)
    }

    /// The transposed matrix, without copying.
    var transposed: MatrixView {
        MatrixView(base: base, rowStride: columnStride, columnStride: rowStride)
    }

    func pack(lanes: Range<Int>, steps: Range<Int>, width: Int, into dst: UnsafeMutablePointer<Double>) {
        let depth = steps.count
        var lane0 = lanes.lowerBound
        var panel = dst
        while lane0 < lanes.upperBound {
            let used = min(width, lanes.upperBound &- lane0)
            if used < width { panel.update(repeating: 0, count: width &* depth) }
            let src = offset(row: lane0, column: steps.lowerBound)
            // Run the inner loop along whichever axis reads memory with the smaller stride.
            if columnStride <= rowStride {
                for lane in 0..<used {
                    let from = src.base + lane &* rowStride
                    let to = panel + lane
                    for p in 0..<depth { to[p &* width] = from[p &* columnStride] }
                }
            } else {
                for p in 0..<depth {
                    let from = src.base + p &* columnStride
                    let to = panel + p &* width
                    for lane in 0..<used { to[lane] = from[lane &* rowStride] }
                }
            }
            lane0 &+= width
            panel += width &* depth
        }
    }
}
