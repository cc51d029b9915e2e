import ConvScopeCore
import Foundation

/// The text `compute -o -` prints: one aligned line per tensor with its shape and statistics.
enum TensorSummary {
    /// One line per tensor, keys in a fixed order (Z, dLdA, then the rest sorted); every
    /// column padded to its widest entry.
    static func table(_ tensors: [String: Tensor]) -> String {
        let keys = ResultOrder.sorted(tensors.keys)
        let rows = keys.map { [$0, shapeText(tensors[$0]!.shape)] + statisticsColumns(TensorStatistics(tensors[$0]!)) }
        let widths = (0..<(rows.map(\.count).max() ?? 0)).map { column in
            rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// NumPy's spelling of a shape: `(2, 3)`, `(5,)`, `()`.
    static func shapeText(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// `min …`, `max …`, `mean …` (or `empty` / `no finite values`), then the non-finite counts.
    static func statisticsColumns(_ s: TensorStatistics) -> [String] {
        var parts: [String] = []
        if let min = s.min, let max = s.max, let mean = s.mean {
            parts += ["min " + number(min), "max " + number(max), "mean " + number(mean)]
        } else {
            parts.append(s.count == 0 ? "empty" : "no finite values")
        }
        if s.nanCount > 0 { parts.append("NaN ×\(s.nanCount)") }
        if s.positiveInfinityCount > 0 { parts.append("+Inf ×\(s.positiveInfinityCount)") }
        if s.negativeInfinityCount > 0 { parts.append("−Inf ×\(s.negativeInfinityCount)") }
        return parts
    }

    /// A number whole, signed, in the shortest form that reads back as the same Double
    /// (`+2.5e+300`, `-0.125`); infinities as `+Inf`/`−Inf` like the counts, NaN as `NaN`.
    static func number(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "+Inf" : "−Inf" }
        return (x.sign == .minus ? "" : "+") + "\(x)"
    }
}
