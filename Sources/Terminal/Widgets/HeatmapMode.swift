/// How heat maps and legends draw values.
public enum HeatmapMode: Hashable, Sendable {
    /// `▀` with the upper value as foreground and the lower as background colour:
    /// two value rows per terminal row. Needs Unicode and colour.
    case halfBlocks
    /// One shade character per value from ` .:-=+*#%@`, coloured by the scale if
    /// `colored`. Pure ASCII, so it also works without colour.
    case shades(colored: Bool)

    /// The best mode a terminal with `capabilities` can show.
    public init(_ capabilities: TerminalCapabilities) {
        let colored = capabilities.colorDepth != .none
        self = capabilities.unicode && colored ? .halfBlocks : .shades(colored: colored)
    }

    /// The upper half block used by `.halfBlocks`.
    public static let upperHalfBlock: Character = "▀"
    /// Shade characters from lowest to highest value.
    public static let shadeRamp = Array(" .:-=+*#%@")
    /// Shown for NaN in `.shades`.
    public static let invalidShade: Character = "?"

    /// The shade character for position `t` in 0...1, `invalidShade` for `nil`.
    public static func shade(at t: Double?) -> Character {
        guard let t else { return invalidShade }
        return shadeRamp[min(shadeRamp.count - 1, Int(t * Double(shadeRamp.count)))]
    }
}
