import ConvScopeCore
import Foundation

/// What a screen reads of a whole map or block beyond the few elements it draws: the extent
/// its number columns are sized by, and the statistics of its status line, legend and heat
/// colours. A walkthrough keeps one per block a screen asks about (see `SummaryTable`), so
/// a frame of a big tensor does not rescan millions of elements.
public struct TensorSummary: Sendable, Equatable {
    public let extent: NumberExtent
    public let statistics: TensorStatistics

    /// The summary of `parts` read in order, as of one tensor holding them.
    public init(parts: [ArraySlice<Double>]) {
        extent = NumberExtent(parts: parts)
        statistics = TensorStatistics(parts: parts)
    }

    /// The summary of every element of `tensor`.
    public init(_ tensor: Tensor) {
        self.init(parts: [tensor.scalars[...]])
    }

    /// The finite range of the values, for heat-map colours (`0...1` when none is finite).
    public var range: ClosedRange<Double> {
        guard let low = statistics.min, let high = statistics.max else { return 0...1 }
        return low...high
    }
}

/// Summaries of one tensor's blocks, each made the first time a screen asks and kept:
/// `t[i, j, …]` for leading indices (a sample, a map) and `t[:, c]` (a channel in every
/// sample). Like `Deferred`, copies of a walkthrough share the table, and every summary is a
/// pure function of the tensor, which `tensor` makes (or hands over) the same every time.
final class SummaryTable: @unchecked Sendable {
    private let lock = NSLock()
    private let tensor: () -> Tensor
    private var blocks: [[Int]: TensorSummary] = [:]
    private var channels: [Int: TensorSummary] = [:]

    init(_ tensor: @escaping () -> Tensor) {
        self.tensor = tensor
    }

    /// The summary of `t[leading]`: the contiguous block under those leading indices.
    func block(_ leading: [Int]) -> TensorSummary {
        lock.lock()
        defer { lock.unlock() }
        if let made = blocks[leading] { return made }
        let t = tensor()
        precondition(leading.count <= t.rank, "more indices than axes")
        let size = Tensor.count(of: Array(t.shape.dropFirst(leading.count)))
        var offset = 0
        for (axis, i) in leading.enumerated() {
            precondition((0..<t.shape[axis]).contains(i), "index out of range")
            offset = offset * t.shape[axis] + i
        }
        let made = TensorSummary(parts: [t.scalars[(offset * size)..<((offset + 1) * size)]])
        blocks[leading] = made
        return made
    }

    /// The summary of `t[:, c]`: channel `c`'s map in every sample, samples in order.
    func channel(_ c: Int) -> TensorSummary {
        lock.lock()
        defer { lock.unlock() }
        if let made = channels[c] { return made }
        let t = tensor()
        precondition(t.rank >= 2 && (0..<t.shape[1]).contains(c), "channel out of range")
        let map = Tensor.count(of: Array(t.shape.dropFirst(2)))
        let parts = (0..<t.shape[0]).map { n in
            t.scalars[((n * t.shape[1] + c) * map)..<((n * t.shape[1] + c + 1) * map)]
        }
        let made = TensorSummary(parts: parts)
        channels[c] = made
        return made
    }
}
