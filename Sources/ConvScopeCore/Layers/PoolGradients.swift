/// The backward loops of max and mean pooling over one plane. When windows do not overlap
/// (stride ≥ kernel) every input element receives at most one term, so dL/dA is written
/// once, element by element, with no zero-fill first; overlapping windows zero the plane
/// and add each window's terms.
extension PoolSizes {
    /// Whether no two windows share an input element.
    var windowsAreDisjoint: Bool { stride >= kernel }

    /// dL/dA of one plane, each element written exactly once: max pooling's dL/dZ where an
    /// element is its window's argmax, mean pooling's dL/dZ / K² inside a window, else 0.
    /// Needs `windowsAreDisjoint`.
    func disjointBackward(
        _ dz: UnsafePointer<Double>, argmax: UnsafePointer<Int>?, plane: Int,
        into da: UnsafeMutablePointer<Double>
    ) {
        let base = plane &* inputPlane
        let area = Double(kernel &* kernel)
        for y in 0..<input.h {
            let row = da + (base &+ y &* input.w)
            let i = y / stride
            guard i < output.h, y &- i &* stride < kernel else {
                row.initialize(repeating: 0, count: input.w)
                continue
            }
            let outRow = plane &* outputPlane &+ i &* output.w
            for j in 0..<output.w {
                let x0 = j &* stride
                let o = outRow &+ j
                for q in 0..<stride {
                    let value: Double
                    if q >= kernel {
                        value = 0
                    } else if let argmax {
                        value = argmax[o] == base &+ y &* input.w &+ x0 &+ q ? dz[o] : 0
                    } else {
                        value = dz[o] / area
                    }
                    if x0 &+ q < input.w { (row + (x0 &+ q)).initialize(to: value) }
                }
            }
            let covered = min(input.w, output.w &* stride)
            (row + covered).initialize(repeating: 0, count: input.w &- covered)
        }
    }

    /// Adds each dL/dZ at its window's argmax (overlapping windows may share one).
    func maxBackward(
        _ dz: UnsafePointer<Double>, argmax: UnsafePointer<Int>, plane: Int,
        into da: UnsafeMutablePointer<Double>
    ) {
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
