import Terminal
import Testing

@Suite struct NumberFormatTests {
    @Test func fixedSpellsOutSpecialValues() {
        #expect(NumberFormat.fixed(1.5, decimals: 2) == "1.50")
        #expect(NumberFormat.fixed(.nan, decimals: 2) == "NaN")
        #expect(NumberFormat.fixed(.infinity, decimals: 2) == "+Inf")
        #expect(NumberFormat.fixed(-.infinity, decimals: 2) == "-Inf")
    }

    @Test func negativeZeroAndTinyNegativesPrintWithoutSign() {
        #expect(NumberFormat.fixed(-0.0, decimals: 2) == "0.00")
        #expect(NumberFormat.fixed(-0.001, decimals: 2) == "0.00")
        #expect(NumberFormat.fixed(-0.0, decimals: 0) == "0")
        #expect(NumberFormat.fixed(-0.006, decimals: 2) == "-0.01")
    }

    @Test func fitUsesAsManyDecimalsAsTheWidthAllows() {
        #expect(NumberFormat.fit(3.14159, width: 6) == "3.1416")
        #expect(NumberFormat.fit(3.14159, width: 6, maxDecimals: 2) == "3.14")
        #expect(NumberFormat.fit(0, width: 5, maxDecimals: 2) == "0.00")
        #expect(NumberFormat.fit(-0.0, width: 1) == "0")
    }

    @Test func largeMagnitudesSwitchToScientific() {
        #expect(NumberFormat.fit(123_456_789, width: 6) == "1.23e8")
        #expect(NumberFormat.fit(-123_456_789, width: 5) == "-1e8")
        #expect(NumberFormat.fit(1e300, width: 5) == "1e300")
        #expect(NumberFormat.fit(1e300, width: 4) == "####")
    }

    @Test func smallMagnitudesKeepTheirDigits() {
        #expect(NumberFormat.fit(-0.0000123, width: 7, maxDecimals: 3) == "-1.2e-5")
        #expect(NumberFormat.fit(0.0000123, width: 4, maxDecimals: 3) == "1e-5")
        #expect(NumberFormat.fit(0.0000123, width: 3, maxDecimals: 3) == "0.0")
    }

    @Test func specialValuesInNarrowWidths() {
        #expect(NumberFormat.fit(.nan, width: 3) == "NaN")
        #expect(NumberFormat.fit(.nan, width: 2) == "##")
        #expect(NumberFormat.fit(.infinity, width: 4) == "+Inf")
        #expect(NumberFormat.fit(.infinity, width: 3) == "Inf")
        #expect(NumberFormat.fit(-.infinity, width: 4) == "-Inf")
        #expect(NumberFormat.fit(-.infinity, width: 3) == "###")
        #expect(NumberFormat.fit(1, width: 0) == "")
    }

    @Test func fitNeverExceedsTheWidth() {
        let values: [Double] = [
            0, -0.0, 1, -1, 0.5, 1e-300, -1e-300, 123.456, -98765.4321, 1e15, -1e15,
            .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNonzeroMagnitude, .nan, .infinity, -.infinity,
        ]
        for value in values {
            for width in 0...12 {
                #expect(NumberFormat.fit(value, width: width).count <= width, "\(value) in \(width)")
            }
        }
    }
}
