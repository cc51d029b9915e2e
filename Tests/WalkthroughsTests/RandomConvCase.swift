import ConvScopeCore

/// A random Conv2d case: sizes, stride, padding and dilation drawn from a seeded generator,
/// kept only when the output is non-empty.
func randomConv(_ seed: UInt64) -> (Conv2d, Tensor) {
    var g = SeededGenerator(seed: seed)
    while true {
        let (cin, cout) = (Int.random(in: 1...3, using: &g), Int.random(in: 1...3, using: &g))
        let k = HW(Int.random(in: 1...3, using: &g), Int.random(in: 1...3, using: &g))
        let s = HW(Int.random(in: 1...3, using: &g), Int.random(in: 1...3, using: &g))
        let p = HW(Int.random(in: 0...2, using: &g), Int.random(in: 0...2, using: &g))
        let d = HW(Int.random(in: 1...2, using: &g), Int.random(in: 1...2, using: &g))
        let size = HW(Int.random(in: 1...8, using: &g), Int.random(in: 1...8, using: &g))
        let layer = Conv2d(inChannels: cin, outChannels: cout, kernelSize: k, stride: s, padding: p, dilation: d,
                           b: Tensor.randomNormal(shape: [cout], seed: seed &+ 1), seed: seed)
        let A = Tensor.randomNormal(shape: [Int.random(in: 1...2, using: &g), cin, size.h, size.w], seed: seed &+ 2)
        if (try? layer.outputShape(forInput: A.shape)) != nil { return (layer, A) }
    }
}
