import ConvScopeCore
import Testing

/// The fast extent scan agrees with the element-by-element definition on every kind of
/// input: whole numbers, fractions, values past 2⁵², signed zeros, NaN and infinities
/// anywhere, and lengths that are not multiples of its four lanes.
@Suite struct NumberExtentTests {
    static func reference(_ values: [Double]) -> NumberExtent {
        values.withUnsafeBufferPointer { NumberExtent.reference($0) }
    }

    @Test func emptyHasNoFiniteElements() {
        let extent = NumberExtent([])
        #expect(extent == Self.reference([]))
        #expect(extent.low > extent.high && extent.integral && !extent.hasNonFinite)
    }

    @Test(arguments: 0..<200)
    func scanMatchesTheDefinition(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        let count = Int.random(in: 0...37, using: &generator)
        let specials: [Double] = [
            .nan, .infinity, -.infinity, 0, -0.0, 0x1p52, -0x1p53 - 2, 0x1p52 + 0.5,
            4503599627370495.5, 1e300, -1e-300, 0.5, -2.5,
        ]
        let wholeOnly = seed % 3 == 0
        let values: [Double] = (0..<count).map { _ in
            switch Int.random(in: 0..<10, using: &generator) {
            case 0: specials.randomElement(using: &generator)!
            case 1...5: Double(Int.random(in: -9...9, using: &generator))
            default:
                wholeOnly
                    ? Double(Int.random(in: -1000...1000, using: &generator))
                    : Double.random(in: -4...4, using: &generator)
            }
        }
        let fast = NumberExtent(values)
        let slow = Self.reference(values)
        #expect(fast == slow, "\(values)")
    }

    @Test func nonFiniteAnywhereIsNoted() {
        for position in 0..<9 {
            for special in [Double.nan, .infinity, -.infinity] {
                var values = (0..<9).map { Double($0) }
                values[position] = special
                #expect(NumberExtent(values) == Self.reference(values))
                #expect(NumberExtent(values).hasNonFinite)
            }
        }
    }

    @Test func largeWholeAndFractionalValues() {
        let values = [0x1p52 + 1, -0x1p60, 3, 4503599627370495.5]
        #expect(!NumberExtent(values).integral)
        #expect(NumberExtent(Array(values.prefix(3))).integral)
        #expect(NumberExtent([0.1, 0.2, 0.3, 0.4, 7]).low == 0.1)
    }

    @Test func bigTensorsScanInPartsAlike() {
        var generator = SeededGenerator(seed: 5)
        var values = (0..<(1 << 21) + 3).map { _ in Double(Int.random(in: -50...50, using: &generator)) }
        #expect(NumberExtent(values) == Self.reference(values) && NumberExtent(values).integral)
        values[(1 << 21) - 7] = 0.25
        #expect(NumberExtent(values) == Self.reference(values) && !NumberExtent(values).integral)
        values[3] = .nan
        #expect(NumberExtent(values) == Self.reference(values) && NumberExtent(values).hasNonFinite)
    }
}
