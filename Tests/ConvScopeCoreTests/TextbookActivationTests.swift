import ConvScopeCore
import Testing

/// The textbook tanh and sigmoid formulas in float64 against NumPy's `np.exp` semantics
/// (fixture from scripts/make_numerics_fixtures.py), beside the library's stable values.
@Suite struct TextbookActivationTests {
    /// Equal up to a few ulps (libm's and NumPy's `exp` may round differently), NaN equal to NaN.
    func same(_ a: Double, _ b: Double) -> Bool { a.isNaN ? b.isNaN : a == b || abs(a - b) <= 4e-16 * abs(b) }

    @Test func matchesNumPyOnEveryInput() throws {
        let fixture = try Fixtures.load("numerics/textbook-activations")
        func column(_ key: String) throws -> [Double] { try #require(fixture.tensors[key]).scalars }
        let z = try column("z")
        for (function, prefix) in [(TextbookActivation.Function.tanh, "tanh"), (.sigmoid, "sigmoid")] {
            let (textbook, overflow, truth) = (
                try column("\(prefix)_textbook"), try column("\(prefix)_overflow"),
                try column(prefix)
            )
            for i in z.indices {
                let value = TextbookActivation(function, z: z[i])
                #expect(
                    same(value.textbook, textbook[i]), "\(prefix)(\(z[i])): \(value.textbook) vs NumPy \(textbook[i])")
                #expect(value.overflowed == (overflow[i] == 1), "\(prefix)(\(z[i])) overflow")
                #expect(abs(value.stable - truth[i]) <= 1e-15 * max(1, abs(truth[i])), "\(prefix)(\(z[i])) stable")
            }
        }
    }

    @Test func tanhAt1750IsAnOverflowToNaN() {
        let value = TextbookActivation(.tanh, z: 1750)
        #expect(value.overflowed && value.wrong && value.textbook.isNaN && value.stable == 1)
        #expect(value.text == "(e^1750 − e^-1750)/(e^1750 + e^-1750) = inf/inf = nan")
    }

    @Test func sigmoidOfAVeryNegativeInputOverflowsToTheRightZero() {
        let value = TextbookActivation(.sigmoid, z: -1000)
        #expect(value.overflowed && !value.wrong && value.textbook == 0 && value.stable == 0)
        #expect(value.text == "1/(1 + e^1000) = 1/inf = 0")
        let subnormal = TextbookActivation(.sigmoid, z: -710)
        #expect(subnormal.overflowed && subnormal.wrong)
        #expect(subnormal.stable > 0 && subnormal.stable < Double.leastNormalMagnitude / 4)
    }

    @Test func smallInputsDoNotOverflow() {
        let value = TextbookActivation(.tanh, z: 0.5)
        #expect(!value.overflowed && !value.wrong)
        #expect(value.text.hasPrefix("(e^0.5 − e^-0.5)/(e^0.5 + e^-0.5) = 0.46211715726"))
    }
}
