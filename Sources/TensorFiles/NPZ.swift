import ConvScopeCore
import Foundation
import ZIPFoundation

/// NumPy's `.npz` format: a zip archive of `.npy` members, as `np.savez` and
/// `np.savez_compressed` write it. Keys are member names without ".npy".
public enum NPZ {
    /// Default cap on the summed uncompressed size of all members (4 GiB).
    public static let defaultMaxTotalBytes = 4 << 30

    /// Reads every member "NAME.npy" into NAME -> tensor. Members are stored or deflated.
    /// To defeat zip bombs the declared sizes must sum to at most `maxTotalBytes`, and
    /// extraction stops as soon as a member inflates past its declared size, so the
    /// bytes actually produced stay within the cap too.
    public static func read(
        contentsOf url: URL,
        maxTotalBytes: Int = defaultMaxTotalBytes
    ) throws -> [String: Tensor] {
        let file = url.lastPathComponent
        try FileAccess.requireRegularFile(url)
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            _ = try FileAccess.contents(of: url)  // a missing or unreadable file explains itself better
            throw TensorFileError("\(file): not a readable zip archive (\(error)); write it with np.savez")
        }
        let entries = try members(of: archive, file: file, maxTotalBytes: maxTotalBytes)
        var tensors: [String: Tensor] = [:]
        for (key, entry) in entries {
            let source = "\(file) member '\(entry.path)'"
            tensors[key] = try NPZMember(entry: entry, archive: archive, source: source).tensor()
        }
        return tensors
    }

    /// Writes each tensor as member "KEY.npy" (keys in sorted order) into a new archive,
    /// stored like `np.savez` or deflated like `np.savez_compressed`; atomic (temp + rename).
    public static func write(_ tensors: [String: Tensor], to url: URL, compressed: Bool = false) throws {
        if let bad = tensors.keys.first(where: { $0.isEmpty || $0.utf8.contains(0) }) {
            throw TensorFileError(
                "\(url.lastPathComponent): key \(bad.debugDescription) cannot name an archive "
                    + "member; use a non-empty key without NUL characters")
        }
        let members = tensors.sorted(by: { $0.key < $1.key })
        // A temporary file that is only copied into a device or pipe need not reach the disk.
        let renamed = try FileAccess.destination(url) == .file
        try FileAccess.replace(url) { temporary in
            #if _endian(little)
                if ZipWriter.fits(members.map { ($0.key + ".npy", $0.value.count * 8 + 4096) }) {
                    try writeDirectly(members, to: temporary, compressed: compressed, writingBack: renamed)
                    return
                }
            #endif
            try writeWithZIPFoundation(members, to: temporary, compressed: compressed)
        }
    }

    /// Writes with `ZipWriter` from the tensors' own storage, which on a little-endian machine
    /// already holds the '<f8' bytes `np.save` writes after the header.
    private static func writeDirectly(
        _ members: [(key: String, value: Tensor)], to url: URL,
        compressed: Bool, writingBack: Bool
    ) throws {
        let writer = try ZipWriter(creating: url, writingBack: writingBack)
        for (key, tensor) in members {
            try NPYHeader.encoded(shape: tensor.shape).withUnsafeBytes { header in
                try tensor.scalars.withUnsafeBytes { data in
                    try writer.addMember(named: key + ".npy", pieces: [header, data], deflated: compressed)
                }
            }
        }
        try writer.finish()
    }

    /// Writes through ZIPFoundation, which also handles zip64 (archives of 4 GiB and more).
    private static func writeWithZIPFoundation(
        _ members: [(key: String, value: Tensor)], to url: URL,
        compressed: Bool
    ) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for (key, tensor) in members {
            let data = NPY.encode(tensor)
            let method: CompressionMethod = compressed ? .deflate : .none
            try archive.addEntry(
                with: key + ".npy", type: .file, uncompressedSize: Int64(data.count),
                compressionMethod: method, bufferSize: 1 << 20
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    /// The archive's members keyed by array name, after checking names and declared sizes.
    private static func members(
        of archive: Archive, file: String,
        maxTotalBytes: Int
    ) throws -> [(key: String, entry: Entry)] {
        var result: [(key: String, entry: Entry)] = []
        var seen: Set<String> = []
        var declared: UInt64 = 0
        for entry in archive {
            let name = entry.path
            guard !name.isEmpty else {
                throw TensorFileError(
                    "\(file): a member name is not valid text (reads as "
                        + "\(entry.path(using: .isoLatin1).debugDescription)); "
                        + "save the arrays with plain-text keys")
            }
            guard entry.type == .file, name.hasSuffix(".npy"), name.count > 4 else {
                throw TensorFileError(
                    "\(file): member '\(name)' is not a .npy array; "
                        + "an .npz holds only NAME.npy members as np.savez writes them")
            }
            guard seen.insert(name).inserted else {
                throw TensorFileError(
                    "\(file): member '\(name)' occurs more than once; "
                        + "rewrite the archive with np.savez so every key is unique")
            }
            let (sum, overflow) = declared.addingReportingOverflow(entry.uncompressedSize)
            guard !overflow, sum <= UInt64(max(0, maxTotalBytes)) else {
                throw TensorFileError(
                    "\(file): members declare more than \(maxTotalBytes) bytes in total; "
                        + "split the archive or pass a larger maxTotalBytes")
            }
            declared = sum
            result.append((String(name.dropLast(4)), entry))
        }
        return result
    }
}
