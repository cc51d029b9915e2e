import CFileWriteback
import CSystemZlib
import Foundation

/// Writes a zip archive the way `np.savez` / `np.savez_compressed` do (stored or deflated
/// members, no zip64), straight from the caller's buffers with POSIX `write`: no copy of the
/// data besides the kernel's, and zlib's CRC-32 over each piece while it is in cache.
/// (ZIPFoundation's writer checksums byte by byte on Linux and copies every chunk; see
/// README → Performance.) Archives whose sizes or offsets need zip64 are left to ZIPFoundation:
/// `fits` says whether this writer can take members of the given sizes.
final class ZipWriter {
    private let descriptor: Int32
    /// Whether `write` starts the write-back of what it has written (see there).
    private let writingBack: Bool
    private var offset = 0
    /// Where the last write-back started by `write` ended.
    private var writtenBack = 0
    private var directory: [UInt8] = []
    private var memberCount = 0
    /// The DOS date and time stamped on every member (local time, 2-second resolution).
    private let stamp = ZipWriter.dosDateTime(Date())

    /// Bytes per `write` of stored data and per deflate input step; the least `write` starts writing back.
    private static let chunkSize = 1 << 20
    /// Sizes and offsets must stay below this to fit the classic (non-zip64) fields.
    private static let limit = Int(UInt32.max)

    /// Whether members with these names and uncompressed sizes fit the classic format,
    /// allowing for deflate's worst-case growth and the headers.
    static func fits(_ members: [(name: String, size: Int)]) -> Bool {
        members.count < Int(UInt16.max) && members.allSatisfy { $0.name.utf8.count < 32_768 }
            && members.reduce(0) { $0 + $1.size + $1.size / 1000 + 4096 + 2 * $1.name.utf8.count } < limit
    }

    /// Creates (or truncates) the file at `url`; `writingBack` when the finished file will be
    /// renamed over another (not for a temporary file that is only copied and removed).
    init(creating url: URL, writingBack: Bool) throws {
        self.writingBack = writingBack
        descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw Self.posixError() }
    }

    deinit { close(descriptor) }

    /// Adds member `name` holding the concatenation of `pieces`, deflated or stored.
    func addMember(named name: String, pieces: [UnsafeRawBufferPointer], deflated: Bool) throws {
        let nameBytes = Array(name.utf8)
        let headerOffset = offset
        let flags: UInt16 = nameBytes.allSatisfy { $0 < 0x80 } ? 0 : 0x0800  // bit 11: the name is UTF-8
        let method: UInt16 = deflated ? 8 : 0
        // The CRC and sizes are patched in once the data is written.
        var local: [UInt8] = []
        local.appendLittleEndian(UInt32(0x0403_4b50))
        local.appendLittleEndian(UInt16(20))  // version needed: 2.0
        local.appendLittleEndian(flags)
        local.appendLittleEndian(method)
        local.appendLittleEndian(stamp.time)
        local.appendLittleEndian(stamp.date)
        local += [UInt8](repeating: 0, count: 12)  // CRC-32, compressed size, uncompressed size
        local.appendLittleEndian(UInt16(nameBytes.count))
        local.appendLittleEndian(UInt16(0))  // extra field length
        local += nameBytes
        try local.withUnsafeBytes(write)

        let dataStart = offset
        let checksum = deflated ? try writeDeflated(pieces) : try writeStored(pieces)
        let sizes = (compressed: UInt32(offset - dataStart), uncompressed: UInt32(pieces.reduce(0) { $0 + $1.count }))
        var patch: [UInt8] = []
        patch.appendLittleEndian(checksum)
        patch.appendLittleEndian(sizes.compressed)
        patch.appendLittleEndian(sizes.uncompressed)
        try patch.withUnsafeBytes { try writeAll($0, at: headerOffset + 14) }

        directory.appendLittleEndian(UInt32(0x0201_4b50))
        directory.appendLittleEndian(UInt16(0x031E))  // made by: Unix, zip 3.0 (so the mode below counts)
        directory.appendLittleEndian(UInt16(20))
        directory.appendLittleEndian(flags)
        directory.appendLittleEndian(method)
        directory.appendLittleEndian(stamp.time)
        directory.appendLittleEndian(stamp.date)
        directory += patch
        directory.appendLittleEndian(UInt16(nameBytes.count))
        directory += [UInt8](repeating: 0, count: 8)  // extra and comment lengths, disk, internal attributes
        directory.appendLittleEndian(UInt32(0o100644) << 16)  // a regular file, rw-r--r--
        directory.appendLittleEndian(UInt32(headerOffset))
        directory += nameBytes
        memberCount += 1
    }

    /// Writes the central directory and its end record; the archive is then complete.
    func finish() throws {
        let directoryOffset = offset
        var end = directory
        end.appendLittleEndian(UInt32(0x0605_4b50))
        end += [0, 0, 0, 0]  // this disk, the directory's disk
        end.appendLittleEndian(UInt16(memberCount))
        end.appendLittleEndian(UInt16(memberCount))
        end.appendLittleEndian(UInt32(directory.count))
        end.appendLittleEndian(UInt32(directoryOffset))
        end.appendLittleEndian(UInt16(0))  // comment length
        try end.withUnsafeBytes(write)
    }

    /// Writes the pieces as they are; returns their CRC-32.
    private func writeStored(_ pieces: [UnsafeRawBufferPointer]) throws -> UInt32 {
        var checksum: UInt32 = 0
        for piece in pieces {
            for start in stride(from: 0, to: piece.count, by: Self.chunkSize) {
                let chunk = UnsafeRawBufferPointer(rebasing: piece[start..<min(piece.count, start + Self.chunkSize)])
                checksum = ZipChecksum.update(checksum, chunk)
                try write(chunk)
            }
        }
        return checksum
    }

    /// Writes the pieces as one raw deflate stream (zlib's default level, as Python's zipfile);
    /// returns the CRC-32 of the uncompressed bytes.
    private func writeDeflated(_ pieces: [UnsafeRawBufferPointer]) throws -> UInt32 {
        var stream = z_stream()
        guard
            deflateInit2_(
                &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else {
            throw Self.zlibError(stream)
        }
        defer { deflateEnd(&stream) }
        let output = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 << 10, alignment: 16)
        defer { output.deallocate() }
        /// Deflates what `stream` holds, writing each full output buffer, until zlib wants more input
        /// (or, finishing, until the stream ends).
        func drain(_ flush: Int32) throws {
            var status: Int32
            repeat {
                stream.next_out = output.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(output.count)
                status = deflate(&stream, flush)
                guard status != Z_STREAM_ERROR else { throw Self.zlibError(stream) }
                try write(UnsafeRawBufferPointer(rebasing: output[..<(output.count - Int(stream.avail_out))]))
            } while stream.avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END)
        }
        var checksum: UInt32 = 0
        for piece in pieces {
            for start in stride(from: 0, to: piece.count, by: Self.chunkSize) {
                let chunk = UnsafeRawBufferPointer(rebasing: piece[start..<min(piece.count, start + Self.chunkSize)])
                checksum = ZipChecksum.update(checksum, chunk)
                stream.next_in = UnsafeMutablePointer(mutating: chunk.baseAddress!.assumingMemoryBound(to: Bytef.self))
                stream.avail_in = uInt(chunk.count)
                try drain(Z_NO_FLUSH)
            }
        }
        try drain(Z_FINISH)
        return checksum
    }

    /// Appends `bytes` at the end of the file and, when `writingBack`, starts the write-back of
    /// each new stretch of `chunkSize` bytes or more.
    private func write(_ bytes: UnsafeRawBufferPointer) throws {
        try writeAll(bytes, at: offset)
        offset += bytes.count
        // Renaming the finished file over an old one would write all of it back at once
        // (ext4's auto_da_alloc) and wait on that; started early, most of it is done by then.
        // Only advice: an error here changes nothing.
        if writingBack, offset - writtenBack >= Self.chunkSize {
            _ = file_start_writeback(descriptor, Int64(writtenBack), Int64(offset - writtenBack))
            writtenBack = offset
        }
    }

    /// Writes all of `bytes` at `position`, retrying short writes and interruptions.
    private func writeAll(_ bytes: UnsafeRawBufferPointer, at position: Int) throws {
        var done = 0
        while done < bytes.count {
            let written = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(position + done))
            if written < 0 {
                if errno == EINTR { continue }
                throw Self.posixError()
            }
            done += written
        }
    }

    /// The current `errno` as an error whose description is the system's message.
    private static func posixError() -> Error {
        NSError(
            domain: NSPOSIXErrorDomain, code: Int(errno),
            userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
    }

    private static func zlibError(_ stream: z_stream) -> Error {
        TensorFileError(
            "deflate failed (\(stream.msg.map { String(cString: $0) } ?? "zlib error")); "
                + "write the archive uncompressed")
    }

    /// MS-DOS date and time fields for `date` in local time (years before 1980 become 1980).
    private static func dosDateTime(_ date: Date) -> (date: UInt16, time: UInt16) {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        localtime_r(&seconds, &parts)
        let year = max(0, Int(parts.tm_year) + 1900 - 1980)
        return (
            UInt16(year << 9 | Int(parts.tm_mon + 1) << 5 | Int(parts.tm_mday)),
            UInt16(Int(parts.tm_hour) << 11 | Int(parts.tm_min) << 5 | Int(parts.tm_sec) / 2)
        )
    }
}

private extension Array where Element == UInt8 {
    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
