import ConvScopeCore
import ConvScopeTestSupport
import Testing

/// `output(readingPadded:tap:outputSize:)` is the inverse of `paddedPosition(output:tap:)`:
/// a padded cell gets the one output whose tap lands there, and no output when none does.
@Suite struct TapReadingTests {
    @Test(arguments: 0..<40)
    func readingIsTheInverseOfPaddedPosition(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        func draw(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }
        let g = generator.geometry()
        let input = HW(draw(1...12), draw(1...12))
        let out = g.outputSize(forInput: input)
        let padded = HW(input.h + 2 * g.padding.h, input.w + 2 * g.padding.w)
        for p in 0..<g.kernel.h {
            for q in 0..<g.kernel.w {
                let tap = HW(p, q)
                var expected: [[Int]: HW] = [:]
                for i in 0..<out.h {
                    for j in 0..<out.w {
                        let at = g.paddedPosition(output: HW(i, j), tap: tap)
                        expected[[at.h, at.w]] = HW(i, j)
                    }
                }
                for r in -1...padded.h {
                    for c in -1...padded.w {
                        #expect(
                            g.output(readingPadded: HW(r, c), tap: tap, outputSize: out) == expected[[r, c]],
                            "\(g) tap \(tap) at \(r),\(c)")
                    }
                }
            }
        }
    }
}
