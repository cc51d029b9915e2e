/// Fitting text into a number of columns.
public enum TextFitting {
    /// `text` cut to at most `width` columns; when cut, it ends with `ellipsis` (if the
    /// ellipsis itself fits). Width is measured with `widthOf`.
    public static func truncate(
        _ text: String, toWidth width: Int, ellipsis: String = "…",
        widthOf: (Character) -> Int = CharacterWidth.of
    ) -> String {
        let columns = text.reduce(0) { $0 + widthOf($1) }
        guard columns > width else { return text }
        let ellipsisWidth = ellipsis.reduce(0) { $0 + widthOf($1) }
        let marker = ellipsisWidth <= width ? ellipsis : ""
        var budget = width - (marker.isEmpty ? 0 : ellipsisWidth)
        var result = ""
        for character in text {
            let w = widthOf(character)
            if w > budget { break }
            result.append(character)
            budget -= w
        }
        return result + marker
    }
}

/// Horizontal placement of text in its area.
public enum Alignment: Sendable {
    case left, center, right

    /// Column offset of text `textWidth` wide in `areaWidth` columns.
    func offset(textWidth: Int, areaWidth: Int) -> Int {
        let spare = max(0, areaWidth - textWidth)
        switch self {
        case .left: return 0
        case .center: return spare / 2
        case .right: return spare
        }
    }
}
