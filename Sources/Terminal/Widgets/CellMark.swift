/// What a map cell means at the current step, which decides how it is drawn.
public enum CellMark: Hashable, Sendable {
    case plain
    /// Zero padding around the input: not data.
    case padding
    /// A kernel tap of the current window: this value is multiplied in now.
    case tap
    /// Inside the current window's extent but skipped by dilation.
    case windowGap
    /// The element being made at this step.
    case current
    /// Already computed.
    case done
    /// Not computed yet.
    case pending
    /// The maximum a max-pool window picked.
    case argmax
    /// Differs from the user's own answer (`--expect`).
    case mismatch
}

/// The styles of the marks, for numbers and for heat maps, in one place.
public enum MarkStyle {
    public static func numberStyle(_ mark: CellMark, value: Double) -> Style {
        let nonFinite = !value.isFinite
        switch mark {
        case .plain, .done: return nonFinite ? Style(foreground: .magenta, attributes: .bold) : .plain
        case .padding: return Style(foreground: .indexed(244), attributes: .dim)
        case .tap: return Style(foreground: .indexed(231), background: .indexed(25), attributes: .bold)
        case .windowGap: return Style(foreground: .indexed(250), background: .indexed(237))
        case .current: return Style(foreground: .black, background: .indexed(220), attributes: .bold)
        case .pending: return Style(foreground: .indexed(240), attributes: .dim)
        case .argmax:
            return Style(foreground: .indexed(231), background: .indexed(160), attributes: [.bold, .underline])
        case .mismatch: return Style(foreground: .indexed(196), background: .indexed(52), attributes: .bold)
        }
    }

    /// The colour that replaces a heat-map colour for marked cells; nil keeps the value's colour.
    public static func heatOverride(_ mark: CellMark) -> TermColor? {
        switch mark {
        case .plain, .done: nil
        case .padding: .indexed(17)
        case .tap: .indexed(45)
        case .windowGap: .indexed(24)
        case .current: .indexed(220)
        case .pending: .indexed(235)
        case .argmax: .indexed(201)
        case .mismatch: .indexed(196)
        }
    }

    /// Heat-map colours that set NaN and the infinities apart from every finite value:
    /// NaN purple, +Inf green, −Inf teal (finite values run black–red–yellow–white, or
    /// light blue–blue–grey–red–orange when signed, and no mark uses these).
    public static func nonFiniteColor(_ value: Double) -> TermColor? {
        if value.isNaN { return .indexed(93) }
        if value.isInfinite { return value > 0 ? .indexed(46) : .indexed(30) }
        return nil
    }

    /// The character after a marked number in plain text, where colour cannot show (never
    /// a dot, which would read as a decimal point).
    public static func textMark(_ mark: CellMark) -> Character? {
        switch mark {
        case .current: "<"
        case .tap: "*"
        case .argmax: "^"
        case .mismatch: "!"
        case .windowGap: "_"
        case .plain, .done, .pending, .padding: nil
        }
    }

    /// ASCII marks for heat maps on terminals without colour or Unicode.
    public static func shadeGlyph(_ mark: CellMark) -> Character {
        switch mark {
        case .tap: "O"
        case .windowGap: "o"
        case .current: "X"
        case .pending: " "
        case .padding: "."
        case .argmax: "M"
        case .mismatch: "!"
        case .plain, .done: " "
        }
    }
}
