import CSystemZlib

/// The zip CRC-32 computed by zlib (several bytes per step, GB/s), used instead of
/// ZIPFoundation's Linux fallback, which looks up one byte at a time.
enum ZipChecksum {
    /// The running checksum `seed` continued over `bytes` (seed 0 starts a new checksum).
    static func update(_ seed: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return seed }
        return UInt32(crc32_z(UInt(seed), base.assumingMemoryBound(to: Bytef.self), bytes.count))
    }
}
