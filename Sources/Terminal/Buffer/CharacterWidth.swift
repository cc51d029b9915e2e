/// Terminal column widths of graphemes, in pure Swift so layout does not depend on the
/// process locale (glibc's `wcwidth` returns -1 for non-ASCII until `setlocale`).
/// The table follows glibc for the characters a UI uses (checked by a test).
public enum CharacterWidth {
    /// Columns `character` occupies: 0 for controls and lone combining marks,
    /// 2 for East Asian wide/fullwidth and emoji presentation, else 1.
    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        let v = first.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if first.properties.isEmojiPresentation { return 2 }
        if character.unicodeScalars.contains("\u{FE0F}") && first.properties.isEmoji { return 2 }
        return wideRanges.contains { $0.contains(v) } ? 2 : 1
    }

    /// Total columns of `text`.
    public static func of(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
        0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD,
    ]
}
