/// The numeric element types ConvScope reads from `.npy` data, parsed from a
/// NumPy type string such as `'<f8'`, `'>i2'` or `'|b1'`.
struct NPYDtype: Equatable {
    enum Kind: Equatable {
        case float, signed, unsigned, bool
    }

    let kind: Kind
    /// Bytes per element.
    let size: Int
    /// Whether multi-byte elements are stored most significant byte first.
    let bigEndian: Bool
    /// The type string as the file spells it, for messages.
    let descr: String

    /// Whether the elements are float64 in this machine's byte order, so the file's bytes
    /// are already the `[Double]` storage.
    var isNativeFloat64: Bool {
        #if _endian(little)
            kind == .float && size == 8 && !bigEndian
        #else
            kind == .float && size == 8 && bigEndian
        #endif
    }

    /// Parses a simple (non-structured) type string. Non-numeric types are refused
    /// with an explanation, never interpreted: object arrays would need unpickling.
    init(descr: String, source: String) throws {
        self.descr = descr
        var rest = Substring(descr)
        let order = rest.first.flatMap { "<>|=".contains($0) ? $0 : nil }
        if order != nil { rest = rest.dropFirst() }
        #if _endian(big)
            bigEndian = order != "<"
        #else
            bigEndian = order == ">"
        #endif

        guard let code = rest.first else {
            throw NPYDtype.unsupported(descr, "empty type string", source: source)
        }
        let digits = rest.dropFirst()
        let size = digits.allSatisfy(\.isASCIIDigit) ? Int(digits) : nil
        switch (code, size) {
        case ("f", 2), ("f", 4), ("f", 8): kind = .float
        case ("i", 1), ("i", 2), ("i", 4), ("i", 8): kind = .signed
        case ("u", 1), ("u", 2), ("u", 4), ("u", 8): kind = .unsigned
        case ("b", 1): kind = .bool
        case ("O", _): throw NPYDtype.unsupported(descr, "object, pickled Python objects", source: source)
        case ("c", _): throw NPYDtype.unsupported(descr, "complex", source: source)
        case ("U", _), ("S", _), ("a", _): throw NPYDtype.unsupported(descr, "text strings", source: source)
        case ("V", _): throw NPYDtype.unsupported(descr, "raw bytes", source: source)
        case ("M", _), ("m", _): throw NPYDtype.unsupported(descr, "dates and times", source: source)
        case ("f", _): throw NPYDtype.unsupported(descr, "float of an unsupported width", source: source)
        default: throw NPYDtype.unsupported(descr, "not a numeric NumPy type", source: source)
        }
        self.size = size ?? 0
    }

    /// The error for a type string that names no supported numeric type.
    static func unsupported(_ descr: String, _ what: String, source: String) -> TensorFileError {
        TensorFileError(
            "\(source): dtype '\(descr)' (\(what)) is not supported; "
                + "save a numeric array, e.g. np.save(path, a.astype(np.float64))")
    }

    /// Converts `count` packed elements starting at the beginning of `bytes` to `Double`.
    /// The caller guarantees `bytes.count >= count * size`.
    func decode(_ bytes: UnsafeRawBufferPointer, count: Int) -> [Double] {
        switch (kind, size) {
        case (.float, 8): return elements(bytes, count, as: UInt64.self) { Double(bitPattern: $0) }
        case (.float, 4): return elements(bytes, count, as: UInt32.self) { Double(Float(bitPattern: $0)) }
        case (.float, _): return elements(bytes, count, as: UInt16.self, Float16Bits.double(fromBits:))
        case (.signed, 1): return elements(bytes, count, as: Int8.self) { Double($0) }
        case (.signed, 2): return elements(bytes, count, as: Int16.self) { Double($0) }
        case (.signed, 4): return elements(bytes, count, as: Int32.self) { Double($0) }
        case (.signed, _): return elements(bytes, count, as: Int64.self) { Double($0) }
        case (.unsigned, 1): return elements(bytes, count, as: UInt8.self) { Double($0) }
        case (.unsigned, 2): return elements(bytes, count, as: UInt16.self) { Double($0) }
        case (.unsigned, 4): return elements(bytes, count, as: UInt32.self) { Double($0) }
        case (.unsigned, _): return elements(bytes, count, as: UInt64.self) { Double($0) }
        case (.bool, _): return elements(bytes, count, as: UInt8.self) { $0 == 0 ? 0 : 1 }
        }
    }

    /// Loads fixed-width raw values (possibly unaligned, in the file's byte order) and converts each.
    private func elements<Raw: FixedWidthInteger>(
        _ bytes: UnsafeRawBufferPointer, _ count: Int,
        as _: Raw.Type, _ convert: (Raw) -> Double
    ) -> [Double] {
        let stride = MemoryLayout<Raw>.size
        return [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            for i in 0..<count {
                let raw = bytes.loadUnaligned(fromByteOffset: i * stride, as: Raw.self)
                buffer[i] = convert(bigEndian ? Raw(bigEndian: raw) : Raw(littleEndian: raw))
            }
            initialized = count
        }
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
