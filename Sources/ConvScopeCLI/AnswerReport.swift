import ConvScopeCore
import Foundation

/// The text `compute --expect` prints: one line per checked tensor (OK, or what differs and
/// where), the recognised mistake under it, and a closing verdict.
enum AnswerReport {
    /// How many mismatch positions a line lists.
    static let shownPositions = 5

    static func text(_ check: AnswerCheck) -> String {
        let width = check.tensors.map(\.key.count).max() ?? 0
        var lines: [String] = []
        for tensor in check.tensors {
            let name = tensor.key.padding(toLength: width, withPad: " ", startingAt: 0)
            lines.append(name + "  " + verdict(tensor))
            if let mistake = tensor.mistake {
                lines.append(String(repeating: " ", count: width) + "  mistake: \(mistake.name) — \(mistake.explanation)")
            }
        }
        let failing = check.tensors.filter { !$0.passes }.count
        let tolerance = "tolerance \(number(check.tolerance.absolute)) + \(number(check.tolerance.relative))·|library|"
        lines.append(failing == 0 ? "all \(check.tensors.count) tensors match (\(tolerance))"
                                  : "\(failing) of \(check.tensors.count) tensors differ (\(tolerance))")
        return lines.joined(separator: "\n")
    }

    /// `OK (1, 3, 4)  max error 4.4e-16`, or the shape or the values that differ.
    static func verdict(_ tensor: TensorCheck) -> String {
        let shape = TensorSummary.shapeText(tensor.expected.shape)
        guard tensor.shapeMatches, let maxError = tensor.maxError else {
            return "MISMATCH  shape \(TensorSummary.shapeText(tensor.mine.shape)), expected \(shape)"
        }
        guard !tensor.passes else { return "OK  \(shape)  max error \(number(maxError))" }
        let positions = tensor.firstMismatches(shownPositions).map { "[" + $0.map(String.init).joined(separator: ",") + "]" }
        let more = tensor.mismatches.count > positions.count ? " …" : ""
        return "MISMATCH  \(shape)  \(tensor.mismatches.count) of \(tensor.expected.count) differ, max error \(number(maxError)); "
            + "first at " + positions.joined(separator: " ") + more
    }

    private static func number(_ x: Double) -> String { String(format: "%.3g", x) }
}
