import ConvScopeCore
import Foundation

/// The text `compute -o -` prints: one aligned line per tensor with its shape and statistics.
enum TensorSummary {
    /// One line per tensor, keys in a fixed order (Z, dLdA, then the rest sorted).
    static func table(_ tensors: [String: Tensor]) -> String {
        let keys = ResultOrder.sorted(tensors.keys)
        let nameWidth = keys.map(\.count).max() ?? 0
        let shapes = keys.map { shapeText(tensors[$0]!.shape) }
        let shapeWidth = shapes.map(\.count).max() ?? 0
        return zip(keys, shapes).map { key, shape in
            key.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                + shape.padding(toLength: shapeWidth, withPad: " ", startingAt: 0) + "  "
                + statisticsText(TensorStatistics(tensors[key]!))
        }.joined(separator: "\n")
    }

    /// NumPy's spelling of a shape: `(2, 3)`, `(5,)`, `()`.
    static func shapeText(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    static func statisticsText(_ s: TensorStatistics) -> String {
        var parts: [String] = []
        if let min = s.min, let max = s.max, let mean = s.mean {
            parts.append("min " + number(min))
            parts.append("max " + number(max))
            parts.append("mean " + number(mean))
        } else {
            parts.append(s.count == 0 ? "empty" : "no finite values")
        }
        if s.nanCount > 0 { parts.append("NaN ×\(s.nanCount)") }
        if s.positiveInfinityCount > 0 { parts.append("+Inf ×\(s.positiveInfinityCount)") }
        if s.negativeInfinityCount > 0 { parts.append("−Inf ×\(s.negativeInfinityCount)") }
        return parts.joined(separator: "  ")
    }

    private static func number(_ x: Double) -> String {
        String(format: "%+.6g", x).padding(toLength: 12, withPad: " ", startingAt: 0)
    }
}
