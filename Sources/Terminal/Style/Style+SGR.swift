/// ANSI Select Graphic Rendition (`ESC [ … m`) codes for styles, as recordings and other
/// plain escape-sequence output need them.
extension Style {
    /// The SGR sequence that sets exactly this style whatever was set before: a reset (0),
    /// the attributes, then the colours as `depth` can show them.
    public func sgr(colorDepth depth: ColorDepth = .twoFiftySix) -> String {
        let attributeCodes: [(CellAttributes, String)] = [
            (.bold, "1"), (.dim, "2"), (.italic, "3"), (.underline, "4"), (.reverse, "7"),
        ]
        let codes =
            ["0"] + attributeCodes.filter { attributes.contains($0.0) }.map(\.1)
            + foreground.sgrParameters(foreground: true, depth: depth)
            + background.sgrParameters(foreground: false, depth: depth)
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}

extension TermColor {
    /// The SGR parameters selecting this colour mapped to `depth`: 30–37/90–97 (40–47/100–107
    /// behind) for ANSI colours, `38;5;n` (`48;5;n`) for palette entries, none for the default.
    func sgrParameters(foreground: Bool, depth: ColorDepth) -> [String] {
        switch mapped(to: depth) {
        case .default: []
        case .ansi(let n) where n < 8: [String((foreground ? 30 : 40) + Int(n))]
        case .ansi(let n): [String((foreground ? 90 : 100) + Int(n) - 8)]
        case .indexed(let n): [foreground ? "38" : "48", "5", String(n)]
        case .rgb: mapped(to: .twoFiftySix).sgrParameters(foreground: foreground, depth: .twoFiftySix)
        }
    }
}
