import Terminal
import Walkthroughs

/// The header lines of a walk's output-size formulas, symbolically and with numbers, as the
/// walkthrough gives them: `W_out = (W_in + 2p − K)//s + 1 = (7 + 2·1 − 3)//2 + 1 = 4`.
/// Nothing is cut: what does not fit the width goes on the next line.
enum SizeFormulaText {
    /// `H_out = W_out = …` when the axes have the same numbers, else every formula on one line
    /// when they fit, else one per line; a formula wider than `width` breaks before its numbers.
    /// `note` follows on the last line, or on a line of its own when it does not fit there.
    static func lines(_ formulas: [SizeFormula], width: Int, note: [Span] = []) -> [[Span]] {
        let style = Style(foreground: .cyan)
        var texts: [String]
        if let last = formulas.last, formulas.allSatisfy({ $0.numeric == last.numeric && $0.value == last.value }) {
            let names = formulas.map(\.name).joined(separator: " = ")
            texts = broken(names, last, width: width)
        } else {
            let joined = formulas.map(\.description).joined(separator: "   ")
            texts = joined.count <= width ? [joined] : formulas.flatMap { broken($0.name, $0, width: width) }
        }
        var lines = texts.map { [Span(text: $0, style: style)] }
        let noteWidth = note.reduce(0) { $0 + $1.text.count }
        if noteWidth > 0 {
            if let last = texts.last, last.count + noteWidth <= width {
                lines[lines.count - 1] += note
            } else {
                var own = note
                own[0].text = String(own[0].text.drop { $0 == " " })
                lines.append(own)
            }
        }
        return lines
    }

    /// `name = symbolic = numeric = value` on one line, or two when wider than `width`.
    static func broken(_ name: String, _ formula: SizeFormula, width: Int) -> [String] {
        let whole = "\(name) = \(formula.symbolic) = \(formula.numeric) = \(formula.value)"
        guard whole.count > width else { return [whole] }
        let indent = String(repeating: " ", count: name.count + 1)
        return ["\(name) = \(formula.symbolic)", "\(indent)= \(formula.numeric) = \(formula.value)"]
    }
}
