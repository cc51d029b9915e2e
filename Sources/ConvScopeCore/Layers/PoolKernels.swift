/// The loops of max and mean pooling over one `H × W` plane at a time, on raw pointers.
/// Planes are independent (max pooling's argmax stays inside its plane), so threads take
/// whole planes.
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
        let workers = Parallel.workers(for: planes * outputPlane * kernel * kernel * 8, threads: Parallel.defaultThreads)
        Parallel.split(planes, workers: workers) { _, range in
            for plane in range { body(plane) }
        }
    }

    /// Window maxima, keeping the first maximum (a NaN wins over numbers) and its offset in A.
    func maxForward(_ a: UnsafePointer<Double>, plane: Int, into z: UnsafeMutablePointer<Double>,
                    argmax: UnsafeMutablePointer<Int>) {
        let base = plane &* inputPlane
        var out = plane &* outputPlane
        for i in 0..<output.h {
            for j in 0..<output.w {
                let corner = base &+ i &* stride &* input.w &+ j &* stride
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
            }
        }
    }

    func meanForward(_ a: UnsafePointer<Double>, plane: Int, into z: UnsafeMutablePointer<Double>) {
        let base = plane &* inputPlane
        let area = Double(kernel &* kernel)
        var out = plane &* outputPlane
        for i in 0..<output.h {
            for j in 0..<output.w {
                let corner = base &+ i &* stride &* input.w &+ j &* stride
                var total = 0.0
                for p in 0..<kernel {
                    let row = a + (corner &+ p &* input.w)
                    for q in 0..<kernel { total += row[q] }
                }
                z[out] = total / area
                out &+= 1
            }
        }
    }

    /// Adds each dL/dZ at its window's argmax (overlapping windows may share one).
    func maxBackward(_ dz: UnsafePointer<Double>, argmax: UnsafePointer<Int>, plane: Int,
                     into da: UnsafeMutablePointer<Double>) {
        let first = plane &* outputPlane
        for out in first..<(first &+ outputPlane) { da[argmax[out]] += dz[out] }
    }

    /// Spreads each dL/dZ / K² over its window.
    func meanBackward(_ dz: UnsafePointer<Double>, plane: Int, into da: UnsafeMutablePointer<Double>) {
        let base = plane &* inputPlane
        let area = Double(kernel &* kernel)
        var out = plane &* outputPlane
        for i in 0..<output.h {
            for j in 0..<output.w {
                let share = dz[out] / area
                let corner = da + (base &+ i &* stride &* input.w &+ j &* stride)
                for p in 0..<kernel {
                    let row = corner + p &* input.w
                    for q in 0..<kernel { row[q] += share }
                }
                out &+= 1
            }
        }
    }
}
