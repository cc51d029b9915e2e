/// The im2col matrix of a padded `C × Hp × Wp` sample, as addresses rather than copies.
///
/// Row `(c·kH + p)·kW + q` holds tap `(p, q)` of channel `c`; column `i·W_out + j` holds the
/// window of output `(i, j)`. Entry (row, column) is the sample element at
/// `taps[row] + offset(column)`. Convolution packs GEMM panels straight from these
/// addresses (`WindowMatrix`) and folds gradient columns back through them.
struct Im2col {
    let paddedSize: HW
    let geometry: ConvGeometry
    let output: HW
    /// Offset of each row's first element: channel `c`, shifted by tap `(p, q)`.
    let taps: [Int]

    init(channels: Int, paddedSize: HW, geometry g: ConvGeometry, output: HW) {
        self.paddedSize = paddedSize
        self.geometry = g
        self.output = output
        var taps: [Int] = []
        taps.reserveCapacity(channels * g.kernel.h * g.kernel.w)
        for c in 0..<channels {
            for p in 0..<g.kernel.h {
                for q in 0..<g.kernel.w {
                    taps.append((c * paddedSize.h + p * g.dilation.h) * paddedSize.w + q * g.dilation.w)
                }
            }
        }
        self.taps = taps
    }

    /// Calls `body(first, offset, count)` for each run of consecutive columns in `columns`
    /// that lie on one output row: columns `first..<first+count`, the first of which reads
    /// at `offset`, the next ones every `geometry.stride.w` further.
    @inline(__always)
    func forEachRun(_ columns: Range<Int>, _ body: (_ first: Int, _ offset: Int, _ count: Int) -> Void) {
        var column = columns.lowerBound
        guard column < columns.upperBound else { return }
        var i = column / output.w
        var j = column &- i &* output.w
        let rowStep = geometry.stride.h &* paddedSize.w
        while column < columns.upperBound {
            let count = min(output.w &- j, columns.upperBound &- column)
            body(column, i &* rowStep &+ j &* geometry.stride.w, count)
            column &+= count
            i &+= 1
            j = 0
        }
    }

    /// Adds `cols` (the rows of channels `channels`' taps over columns `columns`, each row
    /// `columns.count` long, rows of earlier channels included) back onto the sample
    /// positions they came from. Channels write disjoint planes, so threads may split them;
    /// each position receives its terms in row order, then column order.
    func fold(
        _ cols: UnsafePointer<Double>, columns: Range<Int>, channels: Range<Int>,
        into sample: UnsafeMutablePointer<Double>
    ) {
        let perChannel = geometry.kernel.h &* geometry.kernel.w
        let step = geometry.stride.w
        taps.withUnsafeBufferPointer { taps in
            for row in (channels.lowerBound &* perChannel)..<(channels.upperBound &* perChannel) {
                let dst = sample + taps[row]
                let src = cols + (row &* columns.count &- columns.lowerBound)
                forEachRun(columns) { first, offset, count in
                    let (to, from) = (dst + offset, src + first)
                    if step == 1 {
                        for t in 0..<count { to[t] += from[t] }
                    } else {
                        for t in 0..<count { to[t &* step] += from[t] }
                    }
                }
            }
        }
    }
}
