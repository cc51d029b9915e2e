import Foundation

/// Reusable 64-byte-aligned scratch buffers for the kernels' packed panels and column
/// blocks. Large fresh allocations are mapped page by page on first touch, which cost as
/// much as the arithmetic on some layers; buffers taken from here are already resident.
/// Contents are undefined on entry.
enum ScratchPool {
    private struct Buffer {
        let base: UnsafeMutablePointer<Double>
        let capacity: Int
    }

    /// Buffers kept for reuse at most; larger or extra ones are freed when returned.
    private static let keptBuffers = 8
    private static let keptCapacity = 4 << 20  // doubles (32 MB)

    private nonisolated(unsafe) static var free: [Buffer] = []
    private static let lock = NSLock()

    /// Runs `body` with a buffer of at least `count` doubles.
    static func withBuffer<R>(count: Int, _ body: (UnsafeMutablePointer<Double>) throws -> R) rethrows -> R {
        let buffer = take(count)
        defer { give(buffer) }
        return try body(buffer.base)
    }

    private static func take(_ count: Int) -> Buffer {
        lock.lock()
        // The smallest free buffer that fits.
        let index = free.indices.filter { free[$0].capacity >= count }.min { free[$0].capacity < free[$1].capacity }
        let found = index.map { free.remove(at: $0) }
        lock.unlock()
        if let found { return found }
        let capacity = max(count, 1)
        let base = UnsafeMutableRawPointer.allocate(byteCount: capacity * 8, alignment: 64)
            .bindMemory(to: Double.self, capacity: capacity)
        return Buffer(base: base, capacity: capacity)
    }

    private static func give(_ buffer: Buffer) {
        lock.lock()
        var dropped: Buffer? = buffer
        if buffer.capacity <= keptCapacity {
            free.append(buffer)
            dropped = nil
            if free.count > keptBuffers, let smallest = free.indices.min(by: { free[$0].capacity < free[$1].capacity })
            {
                dropped = free.remove(at: smallest)
            }
        }
        lock.unlock()
        dropped?.base.deallocate()
    }
}
