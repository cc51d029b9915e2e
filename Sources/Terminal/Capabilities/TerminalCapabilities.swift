/// What the terminal can show: how many colours and whether UTF-8 output works.
/// Widgets pick glyphs from it and backends map colours down to `colorDepth`.
public struct TerminalCapabilities: Hashable, Sendable {
    public var colorDepth: ColorDepth
    public var unicode: Bool

    public init(colorDepth: ColorDepth, unicode: Bool) {
        self.colorDepth = colorDepth
        self.unicode = unicode
    }

    /// A 256-colour UTF-8 terminal (tmux, modern xterms).
    public static let full = TerminalCapabilities(colorDepth: .twoFiftySix, unicode: true)
    /// A terminal with neither colour nor UTF-8.
    public static let minimal = TerminalCapabilities(colorDepth: .none, unicode: false)

    /// Derives capabilities from the environment and what the C library and ncurses report.
    ///
    /// - `NO_COLOR` set and non-empty, or no colour support from ncurses, means no colour;
    ///   otherwise the depth follows `colorCount` (ncurses `COLORS`).
    /// - Unicode needs the locale variables to name UTF-8 *and*, when known, the active
    ///   C locale's codeset (`nl_langinfo(CODESET)` after `setlocale`) to be UTF-8; the
    ///   latter catches a UTF-8 locale named in the environment but not installed.
    public static func derive(
        environment: [String: String], codeset: String?, hasColors: Bool, colorCount: Int
    ) -> TerminalCapabilities {
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let depth = noColor || !hasColors ? ColorDepth.none : ColorDepth(colorCount: colorCount)
        let unicode = localeNamesUTF8(environment) && (codeset.map(isUTF8) ?? true)
        return TerminalCapabilities(colorDepth: depth, unicode: unicode)
    }

    /// Whether the locale that the C library would pick from these variables is UTF-8:
    /// the first non-empty of `LC_ALL`, `LC_CTYPE`, `LANG` decides.
    public static func localeNamesUTF8(_ environment: [String: String]) -> Bool {
        let name = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        return name.map(isUTF8) ?? false
    }

    /// Whether a locale or codeset name means UTF-8 (`UTF-8`, `utf8`, `C.UTF-8`, `en_US.utf8@euro`).
    static func isUTF8(_ name: String) -> Bool {
        let withoutModifier = name.lowercased().split(separator: "@", omittingEmptySubsequences: false)[0]
        return withoutModifier.filter { $0 != "-" }.hasSuffix("utf8")
    }
}
