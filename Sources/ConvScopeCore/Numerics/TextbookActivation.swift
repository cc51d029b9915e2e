import Foundation

/// What the textbook formula of an activation gives in float64 next to the library's stable
/// value, for one input `z`: the lesson of spec §6 that `(eᶻ − e⁻ᶻ)/(eᶻ + e⁻ᶻ)` is NaN for
/// |z| ≳ 710 (inf/inf) while `tanh(z)` is ±1. Exponentials follow NumPy's `np.exp`: a result
/// beyond the largest double is `inf`, arithmetic on it follows IEEE 754.
public struct TextbookActivation: Equatable, Sendable {
    public enum Function: String, Sendable {
        /// `(eᶻ − e⁻ᶻ)/(eᶻ + e⁻ᶻ)`.
        case tanh
        /// `1/(1 + e⁻ᶻ)`.
        case sigmoid
    }

    public let function: Function
    public let z: Double
    /// The textbook formula's float64 result (NaN when it divides inf by inf).
    public let textbook: Double
    /// The library's value (what the Tanh and Sigmoid layers compute).
    public let stable: Double
    /// Whether an exponential in the formula overflowed to `inf` (its argument above ≈ 709.78).
    /// For tanh that makes the result `inf/inf = NaN` where the answer is ±1. For sigmoid of
    /// z ≲ −709.78, `e⁻ᶻ = inf` and `1/(1 + inf) = 0`: still an overflow, but a mild one — the
    /// true value is below 1e-308 (a subnormal down to z ≈ −745, then 0 in float64 too), so
    /// the result is off by less than 5e-309 and often exactly right (see `wrong`).
    public let overflowed: Bool

    public init(_ function: Function, z: Double) {
        self.function = function
        self.z = z
        switch function {
        case .tanh:
            let (up, down) = (exp(z), exp(-z))
            textbook = (up - down) / (up + down)
            stable = ActivationKind.tanh.value(z)
            overflowed = up.isInfinite || down.isInfinite
        case .sigmoid:
            let down = exp(-z)
            textbook = 1 / (1 + down)
            stable = ActivationKind.sigmoid.value(z)
            overflowed = down.isInfinite
        }
    }

    /// Whether the textbook result is wrong beyond rounding: NaN against a number, or a
    /// relative difference from the stable value above 1e-12. An overflow that still lands on
    /// the stable value, as sigmoid's 0 at z = −1000, is not wrong; its 0 for the subnormal
    /// 4.5e-309 at z = −710 is (all of the value is lost).
    public var wrong: Bool {
        if textbook.isNaN || stable.isNaN { return textbook.isNaN != stable.isNaN }
        return abs(textbook - stable) > 1e-12 * abs(stable)
    }

    /// `(e^1750 − e^−1750)/(e^1750 + e^−1750) = inf/inf = NaN`, or `1/(1 + e^1000) = 1/inf = 0`
    /// when an exponential overflows; the formula with its value otherwise.
    public var text: String {
        let value = Self.number(textbook)
        let arg = Self.number(z)
        let negated = Self.number(-z)
        switch function {
        case .tanh:
            let (up, down) = (exp(z), exp(-z))
            let formula = "(e^\(arg) − e^\(negated))/(e^\(arg) + e^\(negated))"
            guard overflowed else { return "\(formula) = \(value)" }
            return "\(formula) = \(Self.number(up - down))/\(Self.number(up + down)) = \(value)"
        case .sigmoid:
            let formula = "1/(1 + e^\(negated))"
            guard overflowed else { return "\(formula) = \(value)" }
            return "\(formula) = 1/\(Self.number(1 + exp(-z))) = \(value)"
        }
    }

    /// NumPy's spelling of special values (`inf`, `-inf`, `nan`); finite numbers in the
    /// shortest form that reads back as the same double.
    static func number(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        return x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
    }
}
