/// Fitting text into a number of columns without cutting a token (a number, an index, a
/// label) in half: whole parts are dropped or folded into a count instead.
extension TextFitting {
    /// Columns `text` takes.
    static func columns(_ text: String, widthOf: (Character) -> Int = CharacterWidth.of) -> Int {
        text.reduce(0) { $0 + widthOf($1) }
    }

    /// `text` cut after the last space or product dot (`·`) that leaves room for `ellipsis`,
    /// when it is wider than `width`: "4 ← dLdZ[0,0,1,3]·A[0,0,1,7]" in 22 columns is
    /// "4 ← dLdZ[0,0,1,3]·…". A first word wider than `width` is cut by `truncate`, since
    /// there is nothing else to show.
    public static func truncateWords(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard columns(text) > width else { return text }
        let room = width - columns(ellipsis)
        var end = text.startIndex
        var used = 0
        for index in text.indices {
            used += CharacterWidth.of(text[index])
            if used > room { break }
            if text[index] == " " || text[index] == "·" { end = text.index(after: index) }
        }
        guard end > text.startIndex else { return truncate(text, toWidth: width, ellipsis: ellipsis) }
        return String(text[..<end]) + ellipsis
    }

    /// A title from parts in order of importance (`["A_pad[0,2]", "+1 more", "r0–3"]`),
    /// joined by spaces: the least important parts are dropped until the rest fits `width`.
    public static func title(_ parts: [String], toWidth width: Int) -> String {
        let parts = parts.filter { !$0.isEmpty }
        for count in stride(from: parts.count, to: 0, by: -1) {
            let text = parts.prefix(count).joined(separator: " ")
            if columns(text) <= width { return text }
        }
        return truncateWords(parts.first ?? "", toWidth: width)
    }

    /// A sum in at most `width` columns: `lead` ("Z[0,1] = "), the terms, and `tail`
    /// (" = 1.25"), which is always kept. `terms` carry their own operators: the first bare
    /// ("0.5 (c0)"), each later one with its sign (" − 0.093 (c7)"). When they do not all fit,
    /// the leading ones that do are followed by a count of the rest: "… + 12 more terms".
    /// `unlisted` terms follow those given without being written out (a sum of thousands).
    /// `widthOf` measures a character (tests count its calls).
    public static func foldedSum(
        lead: String, terms: [String], unlisted: Int = 0, tail: String = "",
        width: Int, widthOf: (Character) -> Int = CharacterWidth.of
    ) -> String {
        // Each term is measured once: `ends[k]` is the width of the first k, so trying every
        // length stays linear in the terms (a taught step of 20 000 channels was minutes).
        var ends = [0]
        for term in terms { ends.append(ends[ends.count - 1] + columns(term, widthOf: widthOf)) }
        let frame = columns(lead, widthOf: widthOf) + columns(tail, widthOf: widthOf)
        guard unlisted > 0 || frame + ends[terms.count] > width else { return lead + terms.joined() + tail }
        let total = terms.count + unlisted
        for shown in stride(from: terms.count, through: 0, by: -1) where shown < total {
            let rest = total - shown
            let fold = shown == 0 ? "\(rest) terms" : " … + \(rest) more term\(rest == 1 ? "" : "s")"
            if frame + ends[shown] + columns(fold, widthOf: widthOf) <= width {
                return lead + terms.prefix(shown).joined() + fold + tail
            }
        }
        return truncateWords(lead + "\(total) terms" + tail, toWidth: width)
    }
}
