/// Which of a tensor's channels a screen shows when not all fit: `capacity` consecutive
/// channels holding the focused one, in pages (0–3, 4–7, …) so the set stays put while the
/// focus moves inside it.
struct ChannelWindow: Equatable {
    let shown: Range<Int>
    let total: Int

    init(total: Int, focus: Int, capacity: Int) {
        let count = max(1, min(total, capacity))
        let start = min(focus / count * count, total - count)
        shown = start..<(start + count)
        self.total = total
    }

    var isComplete: Bool { shown.count == total }

    /// `0–3` (or `2` for one channel).
    var range: String {
        shown.count == 1 ? "\(shown.lowerBound)" : "\(shown.lowerBound)–\(shown.upperBound - 1)"
    }

    /// `Z[0, 0–3] of 8 shown`: the tensor name, the leading indices, and this window.
    func note(_ name: String, prefix: [Int] = []) -> String {
        let lead = prefix.map { "\($0), " }.joined()
        return "\(name)[\(lead)\(range)] of \(total) shown"
    }
}
