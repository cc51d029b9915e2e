import Terminal
import Walkthroughs

/// The header lines of a walk's output-size formulas, symbolically and with numbers, as the
/// walkthrough gives them: `W_out = (W_in + 2p − K)//s + 1 = (7 + 2·1 − 3)//2 + 1 = 4`.
enum SizeFormulaText {
    /// One line when every formula fits `width` beside `note`; `H_out = W_out = …` when the two
    /// axes have the same numbers; otherwise one line per formula, the note on the last.
    static func lines(_ formulas: [SizeFormula], width: Int, note: [Span] = []) -> [[Span]] {
        let style = Style(foreground: .cyan)
        let noteWidth = note.reduce(0) { $0 + $1.text.count }
        let joined = formulas.map(\.description).joined(separator: "   ")
        if joined.count + noteWidth <= width || formulas.count < 2 {
            return [[Span(text: joined, style: style)] + note]
        }
        if let last = formulas.last, formulas.allSatisfy({ $0.numeric == last.numeric && $0.value == last.value }) {
            let names = formulas.map(\.name).joined(separator: " = ")
            let shared = "\(names) = \(last.symbolic) = \(last.numeric) = \(last.value)"
            if shared.count + noteWidth <= width { return [[Span(text: shared, style: style)] + note] }
        }
        return formulas.enumerated().map { k, formula in
            [Span(text: formula.description, style: style)] + (k == formulas.count - 1 ? note : [])
        }
    }
}
