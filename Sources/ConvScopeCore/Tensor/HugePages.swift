#if canImport(Glibc)
    import Glibc
#endif

/// Asks Linux to back a big, not yet touched buffer with 2 MiB pages (transparent huge
/// pages, where the system leaves them to `madvise`, as most distributions do), as NumPy
/// does for its arrays. Filling a 128 MB tensor then takes 64 page faults instead of
/// 32 768, which was most of the time spent reading a big bundle or pooling it. Only
/// advice: elsewhere, or when the system declines, nothing changes.
public enum HugePages {
    /// NumPy's threshold: smaller buffers keep ordinary pages.
    public static let minimumBytes = 4 << 20
    static let pageBytes = 2 << 20

    /// Advises the whole 2 MiB pages inside `byteCount` bytes from `start`; call before
    /// the first write.
    public static func advise(_ start: UnsafeMutableRawPointer?, byteCount: Int) {
        #if os(Linux)
            guard let start, byteCount >= minimumBytes else { return }
            let lower = (Int(bitPattern: start) + pageBytes - 1) & ~(pageBytes - 1)
            let upper = (Int(bitPattern: start) + byteCount) & ~(pageBytes - 1)
            guard upper > lower, let aligned = UnsafeMutableRawPointer(bitPattern: lower) else { return }
            _ = madvise(aligned, upper - lower, MADV_HUGEPAGE)
        #endif
    }

    /// `advise` for an uninitialised buffer of elements.
    public static func advise<Element>(_ buffer: UnsafeMutableBufferPointer<Element>) {
        advise(UnsafeMutableRawPointer(buffer.baseAddress), byteCount: buffer.count * MemoryLayout<Element>.stride)
    }
}
