import Dispatch
import Foundation

/// How the compute kernels split work across cores: a fixed, even split into contiguous
/// ranges, so results never depend on scheduling.
public enum Parallel {
    /// Cores the kernels use by default: every active core.
    public static let defaultThreads = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Multiply-adds below which a second thread costs more than it saves.
    static let minimumWorkPerThread = 1 << 19

    /// How many of `threads` are worth waking for `work` multiply-adds.
    static func workers(for work: Int, threads: Int) -> Int {
        max(1, min(threads, work / minimumWorkPerThread))
    }

    /// How many parts `split` makes of `count` items for `workers` threads.
    static func parts(_ count: Int, workers: Int, alignment: Int = 1) -> Int {
        max(1, min(workers, (count + alignment - 1) / alignment))
    }

    /// Runs `body` on `workers` threads (inline when 1), passing each its part number and
    /// its part of `0..<count`: contiguous ranges whose starts are multiples of `alignment`.
    static func split(
        _ count: Int, workers: Int, alignment: Int = 1, _ body: (_ part: Int, _ range: Range<Int>) -> Void
    ) {
        let parts = parts(count, workers: workers, alignment: alignment)
        guard parts > 1 else {
            body(0, 0..<count)
            return
        }
        let units = (count + alignment - 1) / alignment
        // concurrentPerform returns only when every part is done, and callers hand each
        // part disjoint memory, so sharing the non-Sendable body is safe.
        withoutActuallyEscaping(body) { body in
            let shared = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let lower = min(count, units * part / parts * alignment)
                let upper = min(count, units * (part + 1) / parts * alignment)
                shared.value(part, lower..<upper)
            }
        }
    }
}

/// Carries a value into a `@Sendable` closure where the caller guarantees safe use.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
