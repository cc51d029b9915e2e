import ConvScopeCore
import Foundation

/// The text `compute --expect` prints: one line per checked tensor (OK, or what differs),
/// the first differing cells with your value beside the library's, the recognised mistake,
/// and a closing verdict.
enum AnswerReport {
    /// How many differing cells a tensor lists.
    static let shownPositions = 5

    static func text(_ check: AnswerCheck) -> String {
        let width = check.tensors.map(\.key.count).max() ?? 0
        let indent = String(repeating: " ", count: width) + "  "
        var lines: [String] = []
        for tensor in check.tensors {
            let name = tensor.key.padding(toLength: width, withPad: " ", startingAt: 0)
            lines.append(name + "  " + verdict(tensor))
            lines += sideBySide(tensor).map { indent + $0 }
            if let mistake = tensor.mistake {
                lines.append(indent + "mistake: \(mistake.name) — \(mistake.explanation)")
            }
        }
        let total = check.tensors.count
        let failing = check.tensors.filter { !$0.passes }.count
        let tolerance = "tolerance \(number(check.tolerance.absolute)) + \(number(check.tolerance.relative))·|library|"
        let noun = total == 1 ? "tensor" : "tensors"
        let all = total == 1 ? "the 1 tensor matches" : "all \(total) tensors match"
        let some = "\(failing) of \(total) \(noun) \(failing == 1 ? "differs" : "differ")"
        lines.append("\(failing == 0 ? all : some) (\(tolerance))")
        return lines.joined(separator: "\n")
    }

    /// `OK (1, 3, 4)  max error 4.4e-16`, or the shape or how many values differ.
    static func verdict(_ tensor: TensorCheck) -> String {
        let shape = TensorSummary.shapeText(tensor.expected.shape)
        guard tensor.shapeMatches, let maxError = tensor.maxError else {
            return "MISMATCH  shape \(TensorSummary.shapeText(tensor.mine.shape)), expected \(shape)"
        }
        guard !tensor.passes else { return "OK  \(shape)  max error \(number(maxError))" }
        let count = tensor.mismatches.count
        let differ = count == 1 ? "differs" : "differ"
        return "MISMATCH  \(shape)  \(count) of \(tensor.expected.count) \(differ), max error \(number(maxError))"
    }

    /// The first differing cells as aligned rows `at [0,0,1]  yours 1.5  library -1.5`,
    /// then `… N more` when there are others.
    static func sideBySide(_ tensor: TensorCheck) -> [String] {
        let offsets = Array(tensor.mismatches.prefix(shownPositions))
        guard !offsets.isEmpty else { return [] }
        let cells = offsets.map { offset in
            (
                "[" + tensor.expected.index(ofOffset: offset).map(String.init).joined(separator: ",") + "]",
                value(tensor.mine.scalars[offset]), value(tensor.expected.scalars[offset])
            )
        }
        let widths = (cells.map(\.0.count).max()!, cells.map(\.1.count).max()!)
        var rows = cells.map { place, mine, library in
            "at " + place.padding(toLength: widths.0, withPad: " ", startingAt: 0)
                + "  yours " + String(repeating: " ", count: widths.1 - mine.count) + mine + "  library " + library
        }
        if tensor.mismatches.count > offsets.count { rows.append("… \(tensor.mismatches.count - offsets.count) more") }
        return rows
    }

    private static func number(_ x: Double) -> String { String(format: "%.3g", x) }

    /// Enough digits to tell two nearby values apart (a Float32 result from a float64 one).
    private static func value(_ x: Double) -> String { String(format: "%.10g", x) }
}
