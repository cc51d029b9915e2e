import Foundation

/// The preamble of a `.npy` file: magic, version, and the Python-dict header that
/// gives dtype, memory order and shape. See numpy/lib/format.py for the format.
struct NPYHeader {
    static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)
    /// NumPy refuses longer headers by default (`max_header_size=10000`) as unsafe to parse.
    static let maxHeaderLength = 10_000
    /// Arrays with more elements are refused rather than allocated (16 GiB of Double).
    static let maxElementCount = 1 << 31
    /// NumPy's limit on the number of axes (`NPY_MAXDIMS`).
    static let maxRank = 64
    /// NumPy aligns the data to this many bytes from the start of the file.
    static let alignment = 64

    let dtype: NPYDtype
    let fortranOrder: Bool
    let shape: [Int]
    /// Element count, already checked against `maxElementCount`.
    let count: Int
    /// Where the array data starts in the file.
    let dataOffset: Int

    /// Parses the preamble at the start of `bytes`; `source` names the file in errors.
    init(parsing bytes: Data, source: String) throws {
        let fix = "re-save it with np.save"
        let prefix = [UInt8](bytes.prefix(Self.magic.count + 2))
        guard prefix.count == Self.magic.count + 2, Array(prefix.prefix(Self.magic.count)) == Self.magic else {
            throw TensorFileError(
                "\(source): not a .npy file (it does not start with \\x93NUMPY); "
                    + "write it with np.save")
        }
        let version = (major: prefix[6], minor: prefix[7])
        let lengthFieldSize: Int
        switch version {
        case (1, 0): lengthFieldSize = 2
        case (2, 0), (3, 0): lengthFieldSize = 4
        default:
            throw TensorFileError(
                "\(source): unknown .npy format version \(version.major).\(version.minor) "
                    + "(1.0, 2.0 and 3.0 are supported); \(fix)")
        }
        let lengthStart = Self.magic.count + 2
        let lengthBytes = [UInt8](bytes.dropFirst(lengthStart).prefix(lengthFieldSize))
        guard lengthBytes.count == lengthFieldSize else {
            throw TensorFileError("\(source): file ends inside the header; the file is truncated, \(fix)")
        }
        let headerLength = lengthBytes.reversed().reduce(0) { $0 << 8 | Int($1) }
        guard headerLength <= Self.maxHeaderLength else {
            throw TensorFileError(
                "\(source): header is \(headerLength) bytes, more than the "
                    + "\(Self.maxHeaderLength) NumPy reads by default; \(fix)")
        }
        let headerStart = lengthStart + lengthFieldSize
        let header = [UInt8](bytes.dropFirst(headerStart).prefix(headerLength))
        guard header.count == headerLength else {
            throw TensorFileError(
                "\(source): file ends inside the header (\(headerLength) bytes declared, "
                    + "\(header.count) present); the file is truncated, \(fix)")
        }
        dataOffset = headerStart + headerLength

        let fields = try Self.fields(of: header, source: source)
        dtype = fields.dtype
        fortranOrder = fields.fortranOrder
        shape = fields.shape
        count = try Self.elementCount(of: shape, source: source)
    }

    /// The three entries of the header dict, with their types checked.
    private static func fields(of header: [UInt8], source: String) throws
        -> (dtype: NPYDtype, fortranOrder: Bool, shape: [Int])
    {
        let shown = String(decoding: header.prefix(120), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        func malformed(_ reason: String) -> TensorFileError {
            TensorFileError("\(source): malformed header (\(reason)) in \"\(shown)\"; re-save it with np.save")
        }
        let literal: PythonLiteral
        do {
            literal = try PythonLiteral.parse(header)
        } catch {
            throw malformed("\(error.reason) at byte \(error.offset)")
        }
        guard case .dict(let items) = literal else { throw malformed("not a dict") }
        var entries: [String: PythonLiteral] = [:]
        for item in items {
            guard case .string(let key) = item.key, entries.updateValue(item.value, forKey: key) == nil else {
                throw malformed("keys must be distinct strings")
            }
        }
        guard Set(entries.keys) == ["descr", "fortran_order", "shape"] else {
            throw malformed("keys must be exactly 'descr', 'fortran_order' and 'shape'")
        }
        guard case .bool(let fortranOrder) = entries["fortran_order"] else {
            throw malformed("'fortran_order' must be True or False")
        }
        guard case .tuple(let extents) = entries["shape"] else {
            throw malformed("'shape' must be a tuple of integers")
        }
        var shape: [Int] = []
        for extent in extents {
            guard case .integer(let value) = extent, value >= 0 else {
                throw malformed("'shape' must be a tuple of non-negative integers")
            }
            shape.append(value)
        }
        let dtype: NPYDtype
        switch entries["descr"] {
        case .string(let descr):
            dtype = try NPYDtype(descr: descr, source: source)
        case .list:
            throw TensorFileError(
                "\(source): structured dtype (record fields) is not supported; "
                    + "save each field as its own numeric array")
        default:
            throw malformed("'descr' must be a type string")
        }
        return (dtype, fortranOrder, shape)
    }

    /// The number of elements of `shape`, refusing counts that overflow or exceed the cap.
    private static func elementCount(of shape: [Int], source: String) throws -> Int {
        guard shape.count <= maxRank else {
            throw TensorFileError(
                "\(source): shape has \(shape.count) axes, more than NumPy's \(maxRank); "
                    + "re-save it with np.save")
        }
        // Zero extents are skipped so that an empty array cannot hide an overflowing product.
        var count = 1
        for extent in shape where extent != 0 {
            let (product, overflow) = count.multipliedReportingOverflow(by: extent)
            guard !overflow, product <= maxElementCount else {
                throw TensorFileError(
                    "\(source): shape \(Self.describe(shape)) holds more than \(maxElementCount) "
                        + "elements, the most ConvScope reads; save a smaller array or a slice")
            }
            count = product
        }
        return shape.contains(0) ? 0 : count
    }

    /// A shape the way Python prints a tuple: `()`, `(3,)`, `(2, 3)`.
    static func describe(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// The complete preamble NumPy's `np.save` writes for a C-order `<f8` array of `shape`:
    /// version 1.0 unless the header needs more than 65535 bytes, room for the first
    /// axis to grow, and space padding so the data starts on a 64-byte boundary.
    static func encoded(shape: [Int]) -> Data {
        let growthDigits = 21
        var dict = "{'descr': '<f8', 'fortran_order': False, 'shape': \(describe(shape)), }"
        if let first = shape.first {
            dict += String(repeating: " ", count: max(0, growthDigits - String(first).count))
        }
        let text = Array(dict.utf8)
        let usesVersion1 = headerLength(text.count, lengthFieldSize: 2) <= Int(UInt16.max)
        let lengthFieldSize = usesVersion1 ? 2 : 4
        let headerLength = headerLength(text.count, lengthFieldSize: lengthFieldSize)

        var out = Data(magic)
        out += usesVersion1 ? [1, 0] : [2, 0]
        out += (0..<lengthFieldSize).map { UInt8(truncatingIfNeeded: headerLength >> (8 * $0)) }
        out += text
        out += [UInt8](repeating: UInt8(ascii: " "), count: headerLength - text.count - 1)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    /// The header length (dict, padding and newline) for a dict of `dictLength` bytes, as
    /// NumPy's `_wrap_header` pads it: 1 to 64 spaces so the data starts on an aligned offset.
    private static func headerLength(_ dictLength: Int, lengthFieldSize: Int) -> Int {
        let unpadded = magic.count + 2 + lengthFieldSize + dictLength + 1
        return dictLength + 1 + alignment - unpadded % alignment
    }
}
