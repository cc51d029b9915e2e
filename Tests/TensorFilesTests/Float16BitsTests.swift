import Testing

@testable import TensorFiles

/// The bit-level half decoder against hand-checked values and, where the platform
/// has it, Swift's own Float16 for all 65536 patterns.
@Suite struct Float16BitsTests {
    static let known: [(bits: UInt16, value: Double)] = [
        (0x0000, 0.0), (0x8000, -0.0), (0x0001, 0x1p-24), (0x03FF, 1023 * 0x1p-24),
        (0x0400, 0x1p-14), (0x3C00, 1.0), (0xC000, -2.0), (0x7BFF, 65504.0),
        (0x7C00, .infinity), (0xFC00, -.infinity), (0x3555, 0x1.554p-2),
    ]

    @Test(arguments: known)
    func knownValues(bits: UInt16, value: Double) {
        #expect(Float16Bits.double(fromBits: bits).bitPattern == value.bitPattern)
    }

    @Test func nanKeepsSignAndPayload() {
        #expect(Float16Bits.double(fromBits: 0x7E00).bitPattern == 0x7FF8_0000_0000_0000)
        #expect(Float16Bits.double(fromBits: 0xFE01).bitPattern == 0xFFF8_0400_0000_0000)
        #expect(Float16Bits.double(fromBits: 0x7C01).isNaN)
    }

    #if !(os(macOS) && arch(x86_64))
        @Test func agreesWithFloat16ForEveryPattern() {
            for bits in UInt16.min...UInt16.max {
                let mine = Float16Bits.double(fromBits: bits)
                let reference = Double(Float16(bitPattern: bits))
                #expect(mine.bitPattern == reference.bitPattern || (mine.isNaN && reference.isNaN), "\(bits)")
            }
        }
    #endif
}
