#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Formatting numbers into a fixed number of columns without ever printing garbage:
/// NaN and infinities are spelled out, negative zero prints as zero, numbers too large
/// or too small for fixed notation switch to compact scientific notation (`1.5e9`),
/// and a number that fits no way at all shows as `#` repeated.
public enum NumberFormat {
    /// `value` with exactly `decimals` decimals (`NaN`, `+Inf`, `-Inf` for non-finite
    /// values). A result that is all zeros never carries a minus sign.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        if let special = special(value) { return special }
        let text = cFormat("%.*f", Int32(max(0, decimals)), value)
        return text.first == "-" && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." })
            ? String(text.dropFirst()) : text
    }

    /// The most precise rendering of `value` (at most `maxDecimals` decimals) in at most
    /// `width` columns. Non-zero values that would print as zero use scientific notation
    /// when it fits.
    public static func fit(_ value: Double, width: Int, maxDecimals: Int = 6) -> String {
        guard width > 0 else { return "" }
        if value.isNaN { return width >= 3 ? "NaN" : overflow(width) }
        if value.isInfinite {
            let sign = value < 0 ? "-" : "+"
            if width >= 4 { return sign + "Inf" }
            return value > 0 && width == 3 ? "Inf" : overflow(width)
        }
        let decimals = (0...max(0, maxDecimals)).reversed().first { fixed(value, decimals: $0).count <= width }
        if let decimals {
            let text = fixed(value, decimals: decimals)
            let lostAllDigits = value != 0 && text.allSatisfy { $0 == "0" || $0 == "." }
            if lostAllDigits, let scientific = scientific(value, width: width, maxDecimals: maxDecimals) {
                return scientific
            }
            return text
        }
        return scientific(value, width: width, maxDecimals: maxDecimals) ?? overflow(width)
    }

    private static func special(_ value: Double) -> String? {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        return nil
    }

    /// Compact scientific notation (`-2.5e-7`, `1e12`) in at most `width` columns.
    private static func scientific(_ value: Double, width: Int, maxDecimals: Int) -> String? {
        for decimals in (0...max(0, maxDecimals)).reversed() {
            let parts = cFormat("%.*e", Int32(decimals), value).split(separator: "e")
            guard parts.count == 2, let exponent = Int(parts[1]) else { continue }
            let text = "\(parts[0])e\(exponent)"
            if text.count <= width { return text }
        }
        return nil
    }

    private static func overflow(_ width: Int) -> String { String(repeating: "#", count: width) }

    /// printf-style formatting of one precision and one double. Uses the C locale's
    /// decimal point, which stays "." unless `LC_NUMERIC` is set (NcursesBackend keeps it "C").
    private static func cFormat(_ format: String, _ precision: Int32, _ value: Double) -> String {
        withVaList([precision, value]) { args in
            var bytes = [CChar](repeating: 0, count: 400)
            let count = Int(vsnprintf(&bytes, bytes.count, format, args))
            return String(
                decoding: bytes.prefix(min(count, bytes.count - 1)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }
}
