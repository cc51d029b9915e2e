/// IEEE 754 binary16 to binary64 conversion done on the bit pattern, so it is exact
/// and identical on every platform (Swift's `Float16` is not available everywhere).
enum Float16Bits {
    /// The `Double` with the same value as the half-precision number `bits`,
    /// including signed zeros, subnormals, infinities and NaN payloads (as NumPy does).
    static func double(fromBits bits: UInt16) -> Double {
        let sign = UInt64(bits >> 15) << 63
        let exponent = Int(bits >> 10) & 0x1F
        let mantissa = UInt64(bits & 0x3FF)
        switch exponent {
        case 0:
            // Zero or subnormal: mantissa × 2⁻²⁴, exactly representable as a Double.
            let magnitude = Double(mantissa) * 0x1p-24
            return sign == 0 ? magnitude : -magnitude
        case 0x1F:
            // Infinity (mantissa 0) or NaN, whose payload moves to the top of the wider mantissa.
            return Double(bitPattern: sign | (0x7FF << 52) | (mantissa << 42))
        default:
            let rebased = UInt64(exponent - 15 + 1023)
            return Double(bitPattern: sign | (rebased << 52) | (mantissa << 42))
        }
    }
}
