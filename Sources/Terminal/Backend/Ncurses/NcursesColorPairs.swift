import CNcursesw

/// Colour pairs allocated on demand: ncurses draws with numbered (foreground,
/// background) pairs, so each combination gets a number the first time it is used.
struct NcursesColorPairs {
    private struct Colors: Hashable {
        var foreground: Int16
        var background: Int16
    }

    private var numbers: [Colors: Int16] = [:]
    private let depth: ColorDepth
    /// Whether colour -1 means the terminal's own colour (`use_default_colors` worked).
    private let terminalDefaults: Bool
    /// One past the highest pair number ncurses accepts.
    private let limit: Int

    init(depth: ColorDepth, terminalDefaults: Bool, pairCount: Int) {
        self.depth = depth
        self.terminalDefaults = terminalDefaults
        self.limit = min(pairCount, Int(Int16.max))
    }

    /// The pair number for these colours, mapped to the terminal's depth. Pair 0 (the
    /// terminal's defaults) is used for no colour and once all pairs are taken.
    mutating func pair(foreground: TermColor, background: TermColor) -> Int16 {
        guard depth != .none else { return 0 }
        let colors = Colors(
            foreground: number(of: foreground, defaultColor: COLOR_WHITE),
            background: number(of: background, defaultColor: COLOR_BLACK))
        if colors == Colors(foreground: number(of: .default, defaultColor: COLOR_WHITE), background: number(of: .default, defaultColor: COLOR_BLACK)) {
            return 0
        }
        if let known = numbers[colors] { return known }
        let next = numbers.count + 1
        guard next < limit, init_pair(Int16(next), colors.foreground, colors.background) == OK else { return 0 }
        numbers[colors] = Int16(next)
        return Int16(next)
    }

    /// The ncurses colour number of `color` at the terminal's depth.
    private func number(of color: TermColor, defaultColor: Int32) -> Int16 {
        switch color.mapped(to: depth) {
        case .ansi(let n), .indexed(let n): Int16(n)
        case .default, .rgb: terminalDefaults ? -1 : Int16(defaultColor)
        }
    }
}
