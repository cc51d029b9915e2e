import ConvScopeCore
import Foundation
import ZIPFoundation

/// Reads one `NAME.npy` member of an .npz. A large little-endian float64 member (what
/// `np.savez` writes) is streamed chunk by chunk straight into the tensor's storage, each
/// chunk checksummed while it is still in cache; every other member is read whole and
/// decoded by `NPY.decode`, which also words every error about the data.
struct NPZMember {
    let entry: Entry
    let archive: Archive
    /// "file member 'NAME.npy'", for messages.
    let source: String

    /// Bytes per read: big enough that per-chunk overhead vanishes, small enough to stay in L2.
    static let chunkSize = 256 << 10
    /// Members with less data than this are read whole (one read, no header probe).
    static let streamingThreshold = 256 << 10
    /// The longest preamble a valid header can have: magic, version, length field, header.
    static let longestPreamble = NPYHeader.magic.count + 2 + 4 + NPYHeader.maxHeaderLength

    func tensor() throws -> Tensor {
        let declared = Int(entry.uncompressedSize)
        if declared >= Self.streamingThreshold, let header = try? probeHeader(),
            header.dtype.isNativeFloat64, header.count * 8 == declared - header.dataOffset
        {
            return try streamed(header)
        }
        return try NPY.decode(contents(), source: source)
    }

    /// The header, parsed from the member's first bytes; throws if it is not a valid one.
    private func probeHeader() throws -> NPYHeader {
        let wanted = min(Int(entry.uncompressedSize), Self.longestPreamble)
        var prefix = Data()
        do {
            _ = try archive.extract(entry, bufferSize: 16 << 10, skipCRC32: true) { chunk in
                prefix.append(chunk.prefix(wanted - prefix.count))
                if prefix.count >= wanted { throw Stop() }
            }
        } catch is Stop {}
        return try NPYHeader(parsing: prefix, source: source)
    }

    /// The elements after `header`, copied from each chunk into the array being built.
    private func streamed(_ header: NPYHeader) throws -> Tensor {
        let scalars = try [Double](unsafeUninitializedCapacity: header.count) { buffer, initialized in
            HugePages.advise(buffer)
            let destination = UnsafeMutableRawPointer(buffer.baseAddress!)
            try extract { bytes, position in
                let skip = max(0, header.dataOffset - position)
                guard skip < bytes.count else { return }
                (destination + (position + skip - header.dataOffset))
                    .copyMemory(from: bytes.baseAddress! + skip, byteCount: bytes.count - skip)
            }
            initialized = header.count
        }
        return NPY.tensor(header, scalars)
    }

    /// The member's bytes, whole.
    private func contents() throws -> Data {
        var data = Data()
        data.reserveCapacity(Int(entry.uncompressedSize))
        try extract { bytes, _ in data.append(contentsOf: bytes) }
        return data
    }

    /// Passes the member's bytes to `consume` in order, each chunk with its offset in the
    /// member; stops as soon as the member inflates past its declared size (zip bombs), and
    /// at the end checks the CRC-32 and size against the archive's directory.
    private func extract(_ consume: (UnsafeRawBufferPointer, Int) -> Void) throws {
        let declared = Int(entry.uncompressedSize)  // already checked to be ≤ maxTotalBytes
        var position = 0
        var checksum: UInt32 = 0
        do {
            _ = try archive.extract(entry, bufferSize: Self.chunkSize, skipCRC32: true) { chunk in
                guard position + chunk.count <= declared else { throw Overrun() }
                chunk.withUnsafeBytes { bytes in
                    checksum = ZipChecksum.update(checksum, bytes)
                    consume(bytes, position)
                }
                position += chunk.count
            }
        } catch is Overrun {
            throw TensorFileError(
                "\(source): inflates to more than its declared \(declared) bytes; "
                    + "the archive is corrupt or a zip bomb, do not use it")
        } catch {
            throw TensorFileError(
                "\(source): cannot be extracted (\(error)); the archive is damaged, "
                    + "write it again with np.savez")
        }
        guard checksum == entry.checksum, position == declared else {
            throw TensorFileError(
                "\(source): contents do not match the archive's checksum or size; "
                    + "the archive is damaged, write it again with np.savez")
        }
    }

    /// Thrown from the extraction consumer to stop inflating.
    private struct Overrun: Error {}
    /// Thrown from the header probe once it has the preamble.
    private struct Stop: Error {}
}
