/// Unrolls the windows of one padded sample into columns, and folds columns back.
///
/// Column `i·W_out + j` holds the window of output `(i, j)`; row `(c·kH + p)·kW + q` holds
/// tap `(p, q)` of channel `c`. Convolution then is one matrix product per sample.
enum Im2col {
    /// Fills rows `rows` of `cols` (rows `C·kH·kW`, columns `H_out·W_out`) from `padded`
    /// (`C × Hp × Wp`). Rows are independent, so threads may fill disjoint ranges.
    static func unroll(_ padded: UnsafePointer<Double>, paddedSize: HW, geometry g: ConvGeometry,
                       outputSize out: HW, rows: Range<Int>, into cols: UnsafeMutablePointer<Double>) {
        let positions = out.h &* out.w
        for row in rows {
            let src = padded + source(ofRow: row, paddedSize: paddedSize, geometry: g)
            let dst = cols + row &* positions
            for i in 0..<out.h {
                let from = src + i &* g.stride.h &* paddedSize.w
                let to = dst + i &* out.w
                if g.stride.w == 1 {
                    to.update(from: from, count: out.w)
                } else {
                    for j in 0..<out.w { to[j] = from[j &* g.stride.w] }
                }
            }
        }
    }

    /// Adds every column entry back onto the padded-input position it came from, for the
    /// rows of channels `channels` (channels write disjoint planes, so threads may split them).
    static func fold(_ cols: UnsafePointer<Double>, paddedSize: HW, geometry g: ConvGeometry,
                     outputSize out: HW, channels: Range<Int>, into padded: UnsafeMutablePointer<Double>) {
        let positions = out.h &* out.w
        let taps = g.kernel.h &* g.kernel.w
        for row in (channels.lowerBound &* taps)..<(channels.upperBound &* taps) {
            let dst = padded + source(ofRow: row, paddedSize: paddedSize, geometry: g)
            let src = cols + row &* positions
            for i in 0..<out.h {
                let to = dst + i &* g.stride.h &* paddedSize.w
                let from = src + i &* out.w
                if g.stride.w == 1 {
                    for j in 0..<out.w { to[j] += from[j] }
                } else {
                    for j in 0..<out.w { to[j &* g.stride.w] += from[j] }
                }
            }
        }
    }

    /// Offset into the padded sample of the first element row `row` reads: channel `c`,
    /// shifted by tap `(p, q)`.
    private static func source(ofRow row: Int, paddedSize: HW, geometry g: ConvGeometry) -> Int {
        let taps = g.kernel.h &* g.kernel.w
        let (c, tap) = (row / taps, row % taps)
        let (p, q) = (tap / g.kernel.w, tap % g.kernel.w)
        return c &* paddedSize.h &* paddedSize.w &+ p &* g.dilation.h &* paddedSize.w &+ q &* g.dilation.w
    }
}
