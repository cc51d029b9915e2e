/// A bar chart of a series in text: one column per value (the most recent that fit),
/// bars in eighths of a row so small changes show; ASCII `#` bars without Unicode.
enum LossChart {
    static func lines(_ values: [Double], width: Int, height: Int, unicode: Bool) -> [String] {
        let shown = Array(values.suffix(max(1, width)))
        let finite = shown.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max(), height > 0 else { return [] }
        let span = high - low
        // Each bar is at least one eighth tall, so the lowest loss still shows.
        let eighths = shown.map { v -> Int in
            guard v.isFinite else { return 0 }
            return span > 0 ? 1 + Int(((v - low) / span) * Double(height * 8 - 1)) : height * 4
        }
        let partial = unicode ? Array(" ▁▂▃▄▅▆▇█") : Array(" ..::||##")
        return (0..<height).map { row in
            let base = (height - 1 - row) * 8
            return String(eighths.map { e in partial[min(8, max(0, e - base))] })
        }
    }
}
