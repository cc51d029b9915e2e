/// A strided read-only matrix: element `(i, j)` lives at `base[i·rowStride + j·columnStride]`.
/// A transposed operand is the same storage with the two strides swapped.
struct MatrixView {
    var base: UnsafePointer<Double>
    var rowStride: Int
    var columnStride: Int

    /// The view of the sub-matrix starting at `(row, column)`.
    func offset(row: Int, column: Int) -> MatrixView {
        MatrixView(base: base + (row &* rowStride &+ column &* columnStride),
                   rowStride: rowStride, columnStride: columnStride)
    }

    /// The transposed matrix, without copying.
    var transposed: MatrixView {
        MatrixView(base: base, rowStride: columnStride, columnStride: rowStride)
    }
}

/// Copies blocks of A and B into the panel order the micro-kernels stream through.
enum GemmPacking {
    /// Packs `rows × depth` of `a` into panels of `mr` rows: panel `r`, step `p`, lane `i`
    /// holds `a[r·mr + i, p]` at `r·mr·depth + p·mr + i`, zeros past the last row.
    static func packA(_ a: MatrixView, rows: Int, depth: Int, mr: Int, into dst: UnsafeMutablePointer<Double>) {
        packPanels(a, lanes: rows, depth: depth, width: mr, into: dst)
    }

    /// Packs `depth × columns` of `b` into panels of `nr` columns: panel `r`, step `p`, lane
    /// `j` holds `b[p, r·nr + j]` at `r·nr·depth + p·nr + j`, zeros past the last column.
    static func packB(_ b: MatrixView, depth: Int, columns: Int, nr: Int, into dst: UnsafeMutablePointer<Double>) {
        packPanels(b.transposed, lanes: columns, depth: depth, width: nr, into: dst)
    }

    /// The common body: `source(lane, step)` goes to panel `lane / width`.
    private static func packPanels(_ source: MatrixView, lanes: Int, depth: Int, width: Int,
                                   into dst: UnsafeMutablePointer<Double>) {
        var lane0 = 0
        while lane0 < lanes {
            let panel = dst + lane0 &* depth
            let used = min(width, lanes &- lane0)
            if used < width { panel.update(repeating: 0, count: width &* depth) }
            let src = source.offset(row: lane0, column: 0)
            // Run the inner loop along whichever axis reads memory with the smaller stride.
            if src.columnStride <= src.rowStride {
                for lane in 0..<used {
                    let from = src.base + lane &* src.rowStride
                    let to = panel + lane
                    for p in 0..<depth { to[p &* width] = from[p &* src.columnStride] }
                }
            } else {
                for p in 0..<depth {
                    let from = src.base + p &* src.columnStride
                    let to = panel + p &* width
                    for lane in 0..<used { to[lane] = from[lane &* src.rowStride] }
                }
            }
            lane0 &+= width
        }
    }
}
