/// Unrolls the windows of one padded sample into columns, and folds columns back.
///
/// Column `i·W_out + j` holds the window of output `(i, j)`; row `(c·kH + p)·kW + q` holds
/// tap `(p, q)` of channel `c`. Convolution then is one matrix product per sample.
enum Im2col {
    /// Fills `cols` (rows `C·kH·kW`, columns `H_out·W_out`) from `padded` (`C × Hp × Wp`).
    static func unroll(_ padded: UnsafePointer<Double>, channels: Int, paddedSize: HW,
                       geometry g: ConvGeometry, outputSize out: HW,
                       into cols: UnsafeMutablePointer<Double>) {
        let positions = out.h &* out.w
        var row = 0
        for c in 0..<channels {
            let plane = padded + c &* paddedSize.h &* paddedSize.w
            for p in 0..<g.kernel.h {
                for q in 0..<g.kernel.w {
                    let dst = cols + row &* positions
                    for i in 0..<out.h {
                        let src = plane + ((i &* g.stride.h &+ p &* g.dilation.h) &* paddedSize.w &+ q &* g.dilation.w)
                        let line = dst + i &* out.w
                        for j in 0..<out.w {
                            line[j] = src[j &* g.stride.w]
                        }
                    }
                    row &+= 1
                }
            }
        }
    }

    /// Adds every column entry back onto the padded-input position it came from.
    static func fold(_ cols: UnsafePointer<Double>, channels: Int, paddedSize: HW,
                     geometry g: ConvGeometry, outputSize out: HW,
                     into padded: UnsafeMutablePointer<Double>) {
        let positions = out.h &* out.w
        var row = 0
        for c in 0..<channels {
            let plane = padded + c &* paddedSize.h &* paddedSize.w
            for p in 0..<g.kernel.h {
                for q in 0..<g.kernel.w {
                    let src = cols + row &* positions
                    for i in 0..<out.h {
                        let dst = plane + ((i &* g.stride.h &+ p &* g.dilation.h) &* paddedSize.w &+ q &* g.dilation.w)
                        let line = src + i &* out.w
                        for j in 0..<out.w {
                            dst[j &* g.stride.w] += line[j]
                        }
                    }
                    row &+= 1
                }
            }
        }
    }
}
