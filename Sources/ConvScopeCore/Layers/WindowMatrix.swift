/// One padded sample's im2col matrix as a GEMM operand that is never built: packing reads
/// the windows straight from the sample (implicit GEMM), so no `C·kH·kW × positions`
/// buffer is written and read back.
struct WindowMatrix: PanelSource {
    let sample: UnsafePointer<Double>
    let layout: Im2col
    /// True: lanes are output positions and steps are taps (the B of `Z = W·cols`);
    /// false: lanes are taps and steps are positions (colsᵀ, for dL/dW).
    let lanesArePositions: Bool

    func pack(lanes: Range<Int>, steps: Range<Int>, width: Int, into dst: UnsafeMutablePointer<Double>) {
        let depth = steps.count
        let stride = layout.geometry.stride.w
        layout.taps.withUnsafeBufferPointer { taps in
            var lane0 = lanes.lowerBound
            var panel = dst
            while lane0 < lanes.upperBound {
                let used = min(width, lanes.upperBound &- lane0)
                if used < width { panel.update(repeating: 0, count: width &* depth) }
                if lanesArePositions {
                    // Each run of positions on one output row is a strided row segment of every tap.
                    layout.forEachRun(lane0..<(lane0 &+ used)) { first, offset, count in
                        var to = panel + (first &- lane0)
                        for row in steps {
                            let from = sample + (taps[row] &+ offset)
                            for t in 0..<count { to[t] = from[t &* stride] }
                            to += width
                        }
                    }
                } else {
                    for lane in 0..<used {
                        let base = sample + taps[lane0 &+ lane]
                        let to = panel + (lane &- steps.lowerBound &* width)
                        layout.forEachRun(steps) { first, offset, count in
                            let (from, out) = (base + offset, to + first &* width)
                            for t in 0..<count { out[t &* width] = from[t &* stride] }
                        }
                    }
                }
                lane0 &+= width
                panel += width &* depth
            }
        }
    }
}
