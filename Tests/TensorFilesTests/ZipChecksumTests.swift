import ConvScopeCore
import Testing

@testable import TensorFiles

/// The CRC-32 against its definition: reflected polynomial 0xEDB88320, register preset to
/// all ones and inverted at the end, one bit at a time.
@Suite struct ZipChecksumTests {
    static func definition(_ bytes: [UInt8]) -> UInt32 {
        var register: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            register ^= UInt32(byte)
            for _ in 0..<8 { register = register & 1 == 1 ? (register >> 1) ^ 0xEDB8_8320 : register >> 1 }
        }
        return ~register
    }

    @Test func checkValueOfTheStandard() {
        let digits = Array("123456789".utf8)
        #expect(digits.withUnsafeBytes { ZipChecksum.update(0, $0) } == 0xCBF4_3926)
    }

    /// Lengths around the 16- and 64-byte folding boundaries, odd offsets, and chunked updates.
    @Test func matchesTheDefinitionForEveryLengthAndSplit() {
        var generator = SeededGenerator(seed: 5)
        let bytes = (0..<3000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let lengths = Array(0...200) + [255, 256, 1023, 1024, 1025, 2999]
        for length in lengths {
            for offset in [0, 1, 7] where offset + length <= bytes.count {
                let slice = Array(bytes[offset..<offset + length])
                let whole = slice.withUnsafeBytes { ZipChecksum.update(0, $0) }
                #expect(whole == Self.definition(slice), "length \(length) offset \(offset)")
                let cut = length / 3
                let split = slice.withUnsafeBytes { all in
                    ZipChecksum.update(
                        ZipChecksum.update(0, UnsafeRawBufferPointer(rebasing: all[..<cut])),
                        UnsafeRawBufferPointer(rebasing: all[cut...]))
                }
                #expect(split == whole, "length \(length) split at \(cut)")
            }
        }
    }
}
