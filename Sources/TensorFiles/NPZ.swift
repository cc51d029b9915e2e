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
    public static func read(contentsOf url: URL,
                            maxTotalBytes: Int = defaultMaxTotalBytes) throws -> [String: Tensor] {
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
            tensors[key] = try NPY.decode(contents(of: entry, in: archive, source: source), source: source)
        }
        return tensors
    }

    /// Writes each tensor as member "KEY.npy" (keys in sorted order) into a new archive,
    /// stored like `np.savez` or deflated like `np.savez_compressed`; atomic (temp + rename).
    public static func write(_ tensors: [String: Tensor], to url: URL, compressed: Bool = false) throws {
        if let bad = tensors.keys.first(where: { $0.isEmpty || $0.utf8.contains(0) }) {
            throw TensorFileError("\(url.lastPathComponent): key \(bad.debugDescription) cannot name an archive "
                                  + "member; use a non-empty key without NUL characters")
        }
        try FileAccess.replace(url) { temporary in
            let archive = try Archive(url: temporary, accessMode: .create)
            for (key, tensor) in tensors.sorted(by: { $0.key < $1.key }) {
                let data = NPY.encode(tensor)
                try archive.addEntry(with: key + ".npy", type: .file, uncompressedSize: Int64(data.count),
                                     compressionMethod: compressed ? .deflate : .none) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
        }
    }

    /// The archive's members keyed by array name, after checking names and declared sizes.
    private static func members(of archive: Archive, file: String,
                                maxTotalBytes: Int) throws -> [(key: String, entry: Entry)] {
        var result: [(key: String, entry: Entry)] = []
        var seen: Set<String> = []
        var declared: UInt64 = 0
        for entry in archive {
            let name = entry.path
            guard !name.isEmpty else {
                throw TensorFileError("\(file): a member name is not valid text (reads as "
                                      + "\(entry.path(using: .isoLatin1).debugDescription)); "
                                      + "save the arrays with plain-text keys")
            }
            guard entry.type == .file, name.hasSuffix(".npy"), name.count > 4 else {
                throw TensorFileError("\(file): member '\(name)' is not a .npy array; "
                                      + "an .npz holds only NAME.npy members as np.savez writes them")
            }
            guard seen.insert(name).inserted else {
                throw TensorFileError("\(file): member '\(name)' occurs more than once; "
                                      + "rewrite the archive with np.savez so every key is unique")
            }
            let (sum, overflow) = declared.addingReportingOverflow(entry.uncompressedSize)
            guard !overflow, sum <= UInt64(max(0, maxTotalBytes)) else {
                throw TensorFileError("\(file): members declare more than \(maxTotalBytes) bytes in total; "
                                      + "split the archive or pass a larger maxTotalBytes")
            }
            declared = sum
            result.append((String(name.dropLast(4)), entry))
        }
        return result
    }

    /// A member's bytes, verified against its CRC, stopping early if it inflates past its declared size.
    private static func contents(of entry: Entry, in archive: Archive, source: String) throws -> Data {
        let declared = Int(entry.uncompressedSize)  // already checked to be ≤ maxTotalBytes
        var data = Data()
        data.reserveCapacity(declared)
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry) { chunk in
                guard data.count + chunk.count <= declared else { throw Overrun() }
                data.append(chunk)
            }
        } catch is Overrun {
            throw TensorFileError("\(source): inflates to more than its declared \(declared) bytes; "
                                  + "the archive is corrupt or a zip bomb, do not use it")
        } catch {
            throw TensorFileError("\(source): cannot be extracted (\(error)); the archive is damaged, "
                                  + "write it again with np.savez")
        }
        guard checksum == entry.checksum, data.count == declared else {
            throw TensorFileError("\(source): contents do not match the archive's checksum or size; "
                                  + "the archive is damaged, write it again with np.savez")
        }
        return data
    }

    /// Thrown from the extraction consumer to stop inflating.
    private struct Overrun: Error {}
}
