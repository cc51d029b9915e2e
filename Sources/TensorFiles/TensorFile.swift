import ConvScopeCore
import Foundation

/// Reads any supported tensor file, choosing the format by extension:
/// `.npy` (NumPy array), `.npz` (NumPy archive of named arrays), and
/// `.txt`, `.tsv`, `.dat` (``TextTensor``).
public enum TensorFile {
    /// Extensions read as text tensors.
    static let textExtensions: Set<String> = ["txt", "tsv", "dat"]

    /// Reads the single tensor in a `.npy` or text file. An `.npz` holds several
    /// named arrays, so it is refused with a pointer to ``readBundle(_:)``.
    public static func read(contentsOf url: URL) throws -> Tensor {
        switch try Format(url) {
        case .npy: return try NPY.read(contentsOf: url)
        case .text: return try TextTensor.read(contentsOf: url)
        case .npz:
            throw TensorFileError(
                "\(url.lastPathComponent): an .npz archive holds several named arrays, not "
                    + "one tensor; read it with TensorFile.readBundle or NPZ.read")
        }
    }

    /// Reads named tensors: every array of an `.npz`, or `["A": tensor]` for a single `.npy` or text file.
    public static func readBundle(_ url: URL) throws -> [String: Tensor] {
        switch try Format(url) {
        case .npz: return try NPZ.read(contentsOf: url)
        case .npy, .text: return ["A": try read(contentsOf: url)]
        }
    }

    private enum Format {
        case npy, npz, text

        init(_ url: URL) throws {
            switch url.pathExtension.lowercased() {
            case "npy": self = .npy
            case "npz": self = .npz
            case let ext where TensorFile.textExtensions.contains(ext): self = .text
            default:
                throw TensorFileError(
                    "\(url.lastPathComponent): unknown tensor file type; use .npy, .npz, "
                        + "or text (.txt, .tsv, .dat)")
            }
        }
    }
}
