import ConvScopeCore
import Foundation

/// NumPy's `.npy` format: one array with a small text header.
/// Reads every numeric dtype as `Double`; writes `<f8` exactly as `np.save` does.
public enum NPY {
    /// Parses .npy bytes (format 1.0, 2.0, 3.0; '<', '>', '|', '=' byte orders; dtypes f8 f4 f2,
    /// i1 i2 i4 i8, u1 u2 u4 u8, b1; C or Fortran order; any rank). `source` names the file or
    /// archive member in error messages. Object arrays are refused, never unpickled.
    public static func decode(_ data: Data, source: String = "input") throws -> Tensor {
        let header = try NPYHeader(parsing: data, source: source)
        try checkDataSize(of: header, present: data.count - header.dataOffset, source: source)
        let scalars = data.dropFirst(header.dataOffset).withUnsafeBytes {
            header.dtype.decode($0, count: header.count)
        }
        return tensor(header, scalars)
    }

    /// Refuses data that is shorter or longer than the header's shape and dtype need.
    static func checkDataSize(of header: NPYHeader, present: Int, source: String) throws {
        // count ≤ 2³¹ and size ≤ 8, so this cannot overflow.
        let needed = header.count * header.dtype.size
        guard present >= needed else {
            throw TensorFileError(
                "\(source): data is truncated: shape \(NPYHeader.describe(header.shape)) of "
                    + "\(header.dtype.descr) needs \(needed) bytes, file has \(present); "
                    + "the file was cut short, save it again")
        }
        guard present == needed else {
            throw TensorFileError(
                "\(source): \(present - needed) bytes follow the data: shape "
                    + "\(NPYHeader.describe(header.shape)) of \(header.dtype.descr) needs \(needed) bytes, "
                    + "file has \(present); the header does not describe the data, save it again")
        }
    }

    /// The tensor of `header`'s shape from its elements in file order (C or Fortran).
    static func tensor(_ header: NPYHeader, _ scalars: [Double]) -> Tensor {
        guard header.fortranOrder else { return Tensor(shape: header.shape, scalars: scalars) }
        // Column-major data is the row-major layout of the reversed shape, transposed.
        return Tensor(shape: header.shape.reversed(), scalars: scalars).transposed()
    }

    /// Reads a .npy file; errors name the file.
    public static func read(contentsOf url: URL) throws -> Tensor {
        try decode(FileAccess.contents(of: url), source: url.lastPathComponent)
    }

    /// The bytes `np.save` would write for this tensor as float64: format 1.0 (2.0 if the
    /// header is too long), '<f8', C order, data aligned to 64 bytes.
    public static func encode(_ tensor: Tensor) -> Data {
        var data = NPYHeader.encoded(shape: tensor.shape)
        let start = data.count
        data.count += tensor.count * MemoryLayout<UInt64>.size
        data.withUnsafeMutableBytes { bytes in
            for (i, value) in tensor.scalars.enumerated() {
                bytes.storeBytes(of: value.bitPattern.littleEndian, toByteOffset: start + 8 * i, as: UInt64.self)
            }
        }
        return data
    }

    /// Writes `encode(tensor)` atomically: a temporary file in the same directory renamed over `url`.
    public static func write(_ tensor: Tensor, to url: URL) throws {
        let data = encode(tensor)
        try FileAccess.replace(url) { try data.write(to: $0) }
    }
}
