/// The forward loops of max and mean pooling over one `H × W` plane at a time, on raw
/// pointers. Planes are independent (max pooling's argmax stays inside its plane), so
/// threads take whole planes. Eight neighbouring outputs are computed together as SIMD
/// lanes (one window tap at a time, in the same order as the scalar loop), which breaks
/// the compare-and-select dependency chain a single window has.
struct PoolSizes {
    let planes: Int
    let input: HW
    let output: HW
    let kernel: Int
    let stride: Int

    init(input shape: [Int], output outShape: [Int], geometry: ConvGeometry) {
        planes = shape[0] * shape[1]
        input = HW(shape[2], shape[3])
        output = HW(outShape[2], outShape[3])
        kernel = geometry.kernel.w
        stride = geometry.stride.w
    }

    var inputPlane: Int { input.h * input.w }
    var outputPlane: Int { output.h * output.w }

    /// Runs `body` for every plane, split over the cores when the planes are large.
    func forEachPlane(_ body: (Int) -> Void) {
        let workers = Parallel.workers(
            for: planes * outputPlane * kernel * kernel * 8, threads: Parallel.defaultThreads)
        Parallel.split(planes, workers: workers) { _, range in
            for plane in range { body(plane) }
        }
    }

    /// Output columns of a row that go eight at a time: every read of the last group stays in its row.
    private var vectorColumns: Int {
        var j = 0
        while j &+ 8 <= output.w && (j &+ 7) &* stride &+ kernel <= input.w { j &+= 8 }
        return j
    }

    /// `p[0], p[s], …, p[7s]`.
    @inline(__always)
    private func lanes(_ p: UnsafePointer<Double>) -> SIMD8<Double> {
        let raw = UnsafeRawPointer(p)
        switch stride {
        case 1: return raw.loadUnaligned(as: SIMD8<Double>.self)
        case 2:
            // Evens of p[0...7], then odds of p[7...14]: never reads past p[14].
            let low = raw.loadUnaligned(as: SIMD8<Double>.self)
            let high = raw.loadUnaligned(fromByteOffset: 56, as: SIMD8<Double>.self)
            return SIMD8(lowHalf: low.evenHalf, highHalf: high.oddHalf)
        default:
            var v = SIMD8<Double>()
            for l in 0..<8 { v[l] = p[l &* stride] }
            return v
        }
    }

    /// Window maxima, keeping the first maximum (a NaN wins over numbers) and its offset in A.
    func maxForward(
        _ a: UnsafePointer<Double>, plane: Int, into z: UnsafeMutablePointer<Double>,
        argmax: UnsafeMutablePointer<Int>
    ) {
        let base = plane &* inputPlane
        let vectorColumns = vectorColumns
        var out = plane &* outputPlane
        for i in 0..<output.h {
            let rowStart = base &+ i &* stride &* input.w
            var j = 0
            while j < vectorColumns {
                let corner = rowStart &+ j &* stride
                var value = lanes(a + corner)
                var bestTap = SIMD8<Int64>()
                for p in 0..<kernel {
                    for q in 0..<kernel where p > 0 || q > 0 {
                        let candidate = lanes(a + (corner &+ p &* input.w &+ q))
                        let wins = .!(candidate .<= value) .& (value .== value)
                        value.replace(with: candidate, where: wins)
                        bestTap.replace(with: Int64(p &* input.w &+ q), where: wins)
                    }
                }
                UnsafeMutableRawPointer(z + out).storeBytes(of: value, as: SIMD8<Double>.self)
                for l in 0..<8 { argmax[out &+ l] = corner &+ l &* stride &+ Int(bestTap[l]) }
                out &+= 8
                j &+= 8
            }
            while j < output.w {
                let corner = rowStart &+ j &* stride
                var best = corner
                var value = a[corner]
                for p in 0..<kernel {
                    let row = corner &+ p &* input.w
                    for q in 0..<kernel {
                        // "Greater, or NaN over a number" as flags and selects, not branches:
                        // on real data a branch here mispredicts half the time.
                        let candidate = a[row &+ q]
                        let wins = !(candidate <= value) && value == value
                        value = wins ? candidate : value
                        best = wins ? row &+ q : best
                    }
                }
                z[out] = value
                argmax[out] = best
                out &+= 1
                j &+= 1
            }
        }
    }

    /// Window means: the taps summed in row-major order from 0, then divided by K².
    func meanForward(_ a: UnsafePointer<Double>, plane: Int, into z: UnsafeMutablePointer<Double>) {
        let base = plane &* inputPlane
        let area = Double(kernel &* kernel)
        let vectorColumns = vectorColumns
        var out = plane &* outputPlane
        for i in 0..<output.h {
            let rowStart = base &+ i &* stride &* input.w
            var j = 0
            while j < vectorColumns {
                let corner = a + (rowStart &+ j &* stride)
                var total = SIMD8<Double>()
                for p in 0..<kernel {
                    for q in 0..<kernel { total += lanes(corner + (p &* input.w &+ q)) }
                }
                UnsafeMutableRawPointer(z + out).storeBytes(of: total / area, as: SIMD8<Double>.self)
                out &+= 8
                j &+= 8
            }
            while j < output.w {
                let corner = a + (rowStart &+ j &* stride)
                var total = 0.0
                for p in 0..<kernel {
                    for q in 0..<kernel { total += corner[p &* input.w &+ q] }
                }
                z[out] = total / area
                out &+= 1
                j &+= 1
            }
        }
    }
}
