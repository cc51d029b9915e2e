import ConvScopeCore
import Terminal

/// Text shared by the screens: shapes, indices, numbers, statistics lines.
enum Formatting {
    /// NumPy's spelling of a shape: `(2, 3)`, `(5,)`.
    static func shape(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// A shape without spaces, `(1,2,7,7)`, where a header line is short of room.
    static func compactShape(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ",") + ")"
    }

    /// An index such as `[0,1,2,3]`.
    static func index(_ index: [Int]) -> String {
        "[" + index.map(String.init).joined(separator: ",") + "]"
    }

    /// A number for running text: integers as integers, otherwise up to 4 decimals in at
    /// most 10 columns; NaN and infinities spelled out.
    static func number(_ value: Double) -> String {
        if value.isFinite && value == value.rounded() && abs(value) < 1e9 {
            return NumberFormat.fixed(value, decimals: 0)
        }
        return NumberFormat.fit(value, width: 10, maxDecimals: 4)
    }

    /// A sum written out with its signs, `3 (c0) − 2 (c1) + 1 (b)`: each value with its
    /// optional label; a negative value after the first is subtracted rather than added.
    static func signedSum(_ parts: [(value: Double, label: String)]) -> String {
        parts.indices.map { signedTerm(parts[$0], first: $0 == 0) }.joined()
    }

    /// One term of `signedSum`: the first bare (`-3 (c0)`), a later one with its operator (` − 3 (c1)`).
    static func signedTerm(_ part: (value: Double, label: String), first: Bool) -> String {
        let label = part.label.isEmpty ? "" : " (\(part.label))"
        if first { return Formatting.number(part.value) + label }
        let negative = part.value < 0 || (part.value == 0 && part.value.sign == .minus)
        return (negative ? " − " : " + ") + Formatting.number(negative ? -part.value : part.value) + label
    }

    /// `signedSum` folded to `width` columns after `lead`: as many leading terms as fit, then
    /// "… + 12 more terms", then `tail` (" = 1.25"), which is always kept.
    /// `unlisted` terms follow `parts` without being given.
    static func foldedSum(
        lead: String, _ parts: [(value: Double, label: String)], unlisted: Int = 0,
        tail: String = "", width: Int
    ) -> String {
        let terms = parts.indices.map { signedTerm(parts[$0], first: $0 == 0) }
        return TextFitting.foldedSum(lead: lead, terms: terms, unlisted: unlisted, tail: tail, width: width)
    }

    /// Words of `text` in lines of at most `width` columns (a longer word gets a line of its own).
    static func wrap(_ text: String, width: Int) -> [String] {
        TextFolding.fold(text.split(separator: " ").map(String.init), width: width)
    }

    /// `MapView.numberFormat(for:)` of a tensor from its kept extent (no pass over the elements).
    static func numberFormat(_ extent: NumberExtent) -> (width: Int, decimals: Int) {
        MapView.numberFormat(
            low: extent.low, high: extent.high, integral: extent.integral, special: extent.hasNonFinite)
    }

    /// `name  shape  min … max … mean …`, the lovely-tensors style status of one map.
    static func statistics(_ name: String, _ tensor: Tensor) -> [Span] {
        statistics(name, shape: tensor.shape, TensorStatistics(tensor))
    }

    /// The status line of a map of `shape` from statistics kept for it (no pass over the elements).
    static func statistics(_ name: String, shape mapShape: [Int], _ s: TensorStatistics) -> [Span] {
        var spans = [Span(text: name, style: .bold), Span(text: " " + shape(mapShape))]
        if let min = s.min, let max = s.max, let mean = s.mean {
            spans.append(Span(text: "  min \(number(min))  max \(number(max))  mean \(number(mean))"))
        } else {
            spans.append(Span(text: s.count == 0 ? "  empty" : "  no finite values"))
        }
        let special = [("NaN", s.nanCount), ("+Inf", s.positiveInfinityCount), ("-Inf", s.negativeInfinityCount)]
            .filter { $0.1 > 0 }.map { "\($0.0)×\($0.1)" }
        if !special.isEmpty {
            spans.append(
                Span(text: "  " + special.joined(separator: " "), style: Style(foreground: .magenta, attributes: .bold))
            )
        }
        return spans
    }
}

extension Tensor {
    /// The sub-tensor at the given leading indices, e.g. `A.at([n])` is sample n. When the
    /// leading axes have extent 1 it shares storage instead of copying (a big map's screen
    /// asks for it on every frame).
    func at(_ leading: [Int]) -> Tensor {
        let rest = Array(shape.dropFirst(leading.count))
        if shape.prefix(leading.count).allSatisfy({ $0 == 1 }) { return reshaped(rest) }
        return sliced(leading.map { AxisSlice(start: $0, stop: $0 + 1) }).reshaped(rest)
    }
}
