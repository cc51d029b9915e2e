/// Deterministic down-mapping of colours to a terminal's colour depth. Pure functions,
/// so what a screen looks like on an 8-colour terminal is unit-testable.
extension TermColor {
    /// This colour as the terminal of `depth` can show it: `.default` for no colour,
    /// `.ansi(0..<8)` for 8, `.ansi(0..<16)` for 16, `.ansi` or `.indexed` for 256.
    public func mapped(to depth: ColorDepth) -> TermColor {
        switch (self, depth) {
        case (.default, _), (_, .none): .default
        case (.ansi(let n), .eight): .ansi(n % 8)
        case (.ansi(let n), _): .ansi(n % 16)
        case (.indexed(let n), .twoFiftySix): .indexed(n)
        case (.indexed(let n), _): TermColor.nearest(to: Palette.rgb(ofIndex: n), depth: depth)
        case (.rgb(let c), _): TermColor.nearest(to: c, depth: depth)
        }
    }

    private static func nearest(to color: RGB, depth: ColorDepth) -> TermColor {
        switch depth {
        case .none: .default
        case .eight: .ansi(Palette.nearest(to: color, among: 0..<8))
        case .sixteen: .ansi(Palette.nearest(to: color, among: 0..<16))
        case .twoFiftySix: .indexed(Palette.nearest(to: color, among: 16..<256))
        }
    }
}

/// The xterm 256-colour palette as RGB values.
enum Palette {
    /// The 16 ANSI colours as xterm draws them.
    static let ansi: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0),
        RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
        RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
        RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]

    /// Channel levels of the 6×6×6 colour cube (indices 16–231).
    static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    static func rgb(ofIndex index: UInt8) -> RGB {
        let i = Int(index)
        switch i {
        case 0..<16:
            return ansi[i]
        case 16..<232:
            let c = i - 16
            return RGB(cubeLevels[c / 36], cubeLevels[(c / 6) % 6], cubeLevels[c % 6])
        default:
            let level = UInt8(8 + 10 * (i - 232))
            return RGB(level, level, level)
        }
    }

    /// The palette index in `range` closest to `color`; the lowest index wins ties.
    static func nearest(to color: RGB, among range: Range<Int>) -> UInt8 {
        var best = range.lowerBound
        var bestDistance = Double.infinity
        for i in range {
            let d = rgb(ofIndex: UInt8(i)).distanceSquared(to: color)
            if d < bestDistance {
                best = i
                bestDistance = d
            }
        }
        return UInt8(best)
    }
}
