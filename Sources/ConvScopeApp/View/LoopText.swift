import ConvScopeCore
import Terminal
import Walkthroughs

/// The loop walk's text: the stage's code with the current statement marked, the step's loop
/// variables and slices with numbers, and what the statement computes, in numbers.
enum LoopText {
    static let currentStyle = Style(foreground: .black, background: .indexed(220), attributes: .bold)

    /// The code as drawn: its lines, and which of them hold the statement the step runs.
    struct Code {
        var lines: [[Span]]
        var current: Range<Int>

        /// Of more lines than `height`, those ending with the current statement, so that it is
        /// always on screen (at least the whole statement, however small `height` is).
        func visible(height: Int) -> [[Span]] {
            guard lines.count > height else { return lines }
            let end = max(current.upperBound, min(height, lines.count))
            return Array(lines[max(0, min(current.lowerBound, end - height))..<end])
        }
    }

    /// The code, the statement this step runs marked and highlighted; a statement wider than
    /// `width` continues on the next line after one of its commas, indented under itself.
    static func code(_ code: [String], current: Int, width: Int, unicode: Bool) -> Code {
        var lines: [[Span]] = []
        var range = 0..<0
        for (index, line) in code.enumerated() {
            let isCurrent = index == current
            let marker = isCurrent ? (unicode ? "▸ " : "> ") : "  "
            let indent = String(repeating: " ", count: line.prefix { $0 == " " }.count + 4)
            let start = lines.count
            for (part, text) in wrapped(line, width: width - marker.count, indent: indent).enumerated() {
                lines.append([
                    Span(text: part == 0 ? marker : "  ", style: Style(foreground: .yellow, attributes: .bold)),
                    Span(text: text, style: isCurrent ? currentStyle : .plain),
                ])
            }
            if isCurrent { range = start..<lines.count }
        }
        return Code(lines: lines, current: range)
    }

    /// `line` broken after commas into pieces of at most `width` columns, the later ones indented:
    /// after the commas between a call's arguments where that is enough, else after those at the
    /// shallowest bracket depth that is, else after any comma.
    static func wrapped(_ line: String, width: Int, indent: String) -> [String] {
        guard line.count > width else { return [line] }
        let characters = Array(line)
        var arguments: [Int] = []
        var byDepth: [Int: [Int]] = [:]
        var open: [Character] = []
        for (i, c) in characters.enumerated() {
            switch c {
            case "(", "[": open.append(c)
            case ")", "]": _ = open.popLast()
            case "," where i + 1 < characters.count && characters[i + 1] == " ":
                byDepth[open.count, default: []].append(i + 1)
                if open == ["("] { arguments.append(i + 1) }
            default: break
            }
        }
        let candidates =
            [arguments]
            + byDepth.keys.sorted().map { depth in
                byDepth.filter { $0.key <= depth }.values.flatMap { $0 }.sorted()
            }
        for breaks in candidates where !breaks.isEmpty {
            let lines = broken(characters, at: breaks, width: width, indent: indent)
            if lines.allSatisfy({ $0.count <= width }) { return lines }
        }
        return broken(characters, at: byDepth.values.flatMap { $0 }.sorted(), width: width, indent: indent)
    }

    /// `characters` cut at the latest of `breaks` that keeps each line within `width`.
    private static func broken(_ characters: [Character], at breaks: [Int], width: Int, indent: String) -> [String] {
        var lines: [String] = []
        var start = 0
        while characters.count - start + (lines.isEmpty ? 0 : indent.count) > width {
            let room = width - (lines.isEmpty ? 0 : indent.count)
            guard
                let cut = breaks.last(where: { $0 > start && $0 - start <= room })
                    ?? breaks.first(where: { $0 > start })
            else { break }
            lines.append((lines.isEmpty ? "" : indent) + String(characters[start..<cut]).trimmingTrailingSpace)
            start = cut + 1
        }
        return lines + [(lines.isEmpty ? "" : indent) + String(characters[start...])]
    }

    /// `i = 1, j = 2 · A_pad[:, :, 1:4, 2:5] → Z[:, :, 1, 2]`: the loop variables and the
    /// step's subscripts with numbers (`dLdA[…] += dLdZ[…]` when the step adds into what is there).
    static func stepLine(_ step: LoopStep) -> String {
        let variables = step.variables.map(\.description).joined(separator: ", ")
        let reads = step.reads.map(\.description).joined(separator: ", ")
        let move = step.accumulates ? "\(step.writes) += \(reads)" : "\(reads) → \(step.writes)"
        return variables.isEmpty ? move : "\(variables) · \(move)"
    }

    /// What the step computes, in words and numbers, for sample `n`: the tensordot with its
    /// named shapes, each window's maximum and where `np.unravel_index` puts it, the mean, the
    /// routing of dL/dZ, the sum, or the values moved unchanged. Lines of at most `width`.
    static func operation(_ step: LoopStep, sample n: Int, width: Int) -> [[Span]] {
        let written = step.writes.description
        var lines: [String]
        switch step.operation {
        case .contraction(let contraction):
            let pieces = [
                "np.tensordot(\(contraction.left) \(contraction.leftShape),",
                "\(contraction.right) \(contraction.rightShape),",
                "axes=\(contraction.axesText))",
                "→ \(contraction.resultShape)" + (contraction.added.map { " + \($0)" } ?? ""),
            ]
            lines = TextFolding.fold(pieces, width: width, indent: "    ")
        case .windowMax(let picks):
            lines = picks.filter { $0.sample == n }.map { pick in
                "c\(pick.channel): max \(Formatting.number(pick.value)) at idx \(pick.flatIndex) → "
                    + "np.unravel_index(\(pick.flatIndex), (K, K)) = (\(pick.tap.h), \(pick.tap.w)) → "
                    + "A[\(n), \(pick.channel), \(pick.input.h), \(pick.input.w)]"
            }
        case .windowMean(let sums, let divisor):
            lines = (0..<step.result.shape[1]).map { c in
                "c\(c): sum \(Formatting.number(sums[n, c])) / \(divisor) = \(Formatting.number(step.result[n, c]))"
            }
        case .routeToArgmax(let picks):
            lines = picks.filter { $0.sample == n }.map { pick in
                "dLdA[\(n), \(pick.channel), \(pick.input.h), \(pick.input.w)] += \(Formatting.number(pick.value)) "
                    + "(idx \(pick.flatIndex) = (\(pick.tap.h), \(pick.tap.w)) in the window)"
            }
        case .spreadMean(let divisor):
            // The walk's own values: dLdZ[n, c, i, j], and what it adds to each window cell.
            let (upstream, spread) = (step.operands[0], step.result)
            lines = (0..<upstream.shape[1]).map { c in
                "c\(c): \(Formatting.number(upstream[n, c])) / \(divisor) = "
                    + "\(Formatting.number(spread[n, c, 0, 0])) added to each cell of the window"
            }
        case .sum(let axes):
            let values = step.result.scalars.map(Formatting.number).joined(separator: ", ")
            lines = Formatting.wrap("sum over axes \(Formatting.shape(axes)) → \(written) = [\(values)]", width: width)
        case .copy:
            lines = Formatting.wrap(
                "values move unchanged: \(step.reads[0]) \(Formatting.shape(step.operands[0].shape)) → \(written)",
                width: width)
        }
        return lines.prefix(3).map { [Span(text: $0)] }
    }
}

extension String {
    /// Without the spaces at its end.
    fileprivate var trimmingTrailingSpace: String { String(reversed().drop { $0 == " " }.reversed()) }
}
