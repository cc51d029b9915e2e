import CNcursesw

/// Colour pairs allocated on demand: ncurses draws with numbered (foreground,
/// background) pairs, so each combination gets a number the first time it is used.
struct NcursesColorPairs {
    private struct Colors: Hashable {
        var foreground: Int16
        var background: Int16
    }

    private var numbers: [Colors: Int16] = [:]
    /// What pair 0 shows: the terminal's defaults, or white on black without them.
    private let defaults: Colors
    private let depth: ColorDepth
    /// One past the highest pair number ncurses accepts.
    private let limit: Int

    /// `terminalDefaults`: whether colour -1 means the terminal's own colour
    /// (`use_default_colors` worked).
    init(depth: ColorDepth, terminalDefaults: Bool, pairCount: Int) {
        self.depth = depth
        self.limit = min(pairCount, Int(Int16.max))
        self.defaults =
            terminalDefaults
            ? Colors(foreground: -1, background: -1)
            : Colors(foreground: Int16(COLOR_WHITE), background: Int16(COLOR_BLACK))
    }

    /// The pair number for these colours, mapped to the terminal's depth. Pair 0 (the
    /// terminal's defaults) is used for no colour and once all pairs are taken.
    mutating func pair(foreground: TermColor, background: TermColor) -> Int16 {
        guard depth != .none else { return 0 }
        let colors = Colors(
            foreground: number(of: foreground) ?? defaults.foreground,
            background: number(of: background) ?? defaults.background)
        if colors == defaults { return 0 }
        if let known = numbers[colors] { return known }
        let next = numbers.count + 1
        guard next < limit, init_pair(Int16(next), colors.foreground, colors.background) == OK else { return 0 }
        numbers[colors] = Int16(next)
        return Int16(next)
    }

    /// The ncurses colour number of `color` at the terminal's depth, `nil` for the default
    /// (mapping to a depth never yields `.rgb`).
    private func number(of color: TermColor) -> Int16? {
        switch color.mapped(to: depth) {
        case .ansi(let n), .indexed(let n): Int16(n)
        case .default, .rgb: nil
        }
    }
}
