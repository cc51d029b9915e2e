import CZipCRC

/// The zip CRC-32, folded 64 bytes at a time with carry-less multiplication where the CPU
/// has it (`CZipCRC`), else zlib's; used instead of ZIPFoundation's Linux fallback, which
/// looks up one byte at a time.
enum ZipChecksum {
    /// The running checksum `seed` continued over `bytes` (seed 0 starts a new checksum).
    static func update(_ seed: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return seed }
        return zip_crc32(seed, base.assumingMemoryBound(to: UInt8.self), bytes.count)
    }
}
