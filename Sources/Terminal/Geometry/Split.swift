/// How much of a length one part of a split takes.
public enum SplitSize: Hashable, Sendable {
    /// Exactly this many cells (less if the whole does not have them).
    case fixed(Int)
    /// This fraction of the whole length, rounded down.
    case fraction(Double)
    /// An equal share of what `fixed` and `fraction` parts leave over.
    case fill
}

extension Rect {
    /// Side-by-side parts, left to right, one per entry of `sizes`.
    public func splitColumns(_ sizes: [SplitSize]) -> [Rect] {
        Self.lengths(of: width, sizes).map { Rect(x: x + $0.offset, y: y, width: $0.length, height: height) }
    }

    /// Stacked parts, top to bottom, one per entry of `sizes`.
    public func splitRows(_ sizes: [SplitSize]) -> [Rect] {
        Self.lengths(of: height, sizes).map { Rect(x: x, y: y + $0.offset, width: width, height: $0.length) }
    }

    /// Offsets and lengths of the parts; parts are given space in order and never
    /// exceed `total`. Leftover cells from `fill` division go to the first fill parts.
    private static func lengths(of total: Int, _ sizes: [SplitSize]) -> [(offset: Int, length: Int)] {
        let requested = sizes.map { size -> Int? in
            switch size {
            case .fixed(let n): max(0, n)
            case .fraction(let f): Int((Double(total) * min(max(f, 0), 1)).rounded(.down))
            case .fill: nil
            }
        }
        let fillCount = requested.filter { $0 == nil }.count
        let spare = max(0, total - requested.reduce(0) { $0 + ($1 ?? 0) })
        var fillIndex = 0
        var offset = 0
        return requested.map { request in
            var length: Int
            if let request {
                length = request
            } else {
                length = spare / fillCount + (fillIndex < spare % fillCount ? 1 : 0)
                fillIndex += 1
            }
            length = min(length, total - offset)
            defer { offset += length }
            return (offset, length)
        }
    }
}
