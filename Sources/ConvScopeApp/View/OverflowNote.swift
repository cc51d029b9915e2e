import ConvScopeCore
import Terminal

/// The textbook formula of tanh or sigmoid beside the library's stable value where an
/// exponential in the formula overflows float64 (|z| ≳ 710): `(e^1750 − e^-1750)/(e^1750 +
/// e^-1750) = inf/inf = nan` next to tanh(1750) = 1. The numbers are `TextbookActivation`'s.
enum OverflowNote {
    /// The formula's float64 value for `kind` at `z`, or nil for other activations and for
    /// inputs where nothing overflows.
    static func textbook(_ kind: ActivationKind?, z: Double) -> TextbookActivation? {
        let function: TextbookActivation.Function
        switch kind {
        case .tanh: function = .tanh
        case .sigmoid: function = .sigmoid
        default: return nil
        }
        let value = TextbookActivation(function, z: z)
        return value.overflowed ? value : nil
    }

    /// `overflow: the textbook (e^1750 − …) = inf/inf = nan`, saying whether it is still right.
    static func line(_ value: TextbookActivation) -> [Span] {
        [
            Span(text: "overflow:", style: Style(foreground: .red, attributes: .bold)),
            Span(text: " textbook " + value.text + (value.wrong ? "" : " (right here by luck)")),
        ]
    }

    /// After the stable value: where it comes from.
    static let stableNote = "  the library's stable value (e^z overflows above z ≈ 709.78)"
}
