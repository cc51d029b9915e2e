import CNcursesw
import Testing

@testable import Terminal

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite struct NcursesMappingTests {
    @Test func characterCodes() {
        #expect(NcursesKeys.key(forCharacter: 3) == .control("c"))
        #expect(NcursesKeys.key(forCharacter: 13) == .enter)
        #expect(NcursesKeys.key(forCharacter: 10) == .enter)
        #expect(NcursesKeys.key(forCharacter: 9) == .tab)
        #expect(NcursesKeys.key(forCharacter: 27) == .escape)
        #expect(NcursesKeys.key(forCharacter: 127) == .backspace)
        #expect(NcursesKeys.key(forCharacter: 65) == .character("A"))
        #expect(NcursesKeys.key(forCharacter: 0x65E5) == .character("日"))
        #expect(NcursesKeys.key(forCharacter: 0) == nil)
        #expect(NcursesKeys.key(forCharacter: 0xD800) == nil)
    }

    @Test func keyCodes() {
        #expect(NcursesKeys.key(forKeyCode: KEY_UP) == .up)
        #expect(NcursesKeys.key(forKeyCode: KEY_NPAGE) == .pageDown)
        #expect(NcursesKeys.key(forKeyCode: KEY_PPAGE) == .pageUp)
        #expect(NcursesKeys.key(forKeyCode: KEY_HOME) == .home)
        #expect(NcursesKeys.key(forKeyCode: KEY_BTAB) == .backTab)
        #expect(NcursesKeys.key(forKeyCode: cs_key_f(5)) == .function(5))
        #expect(NcursesKeys.key(forKeyCode: KEY_RESIZE) == nil)
    }

    /// The pure-Swift width table must agree with glibc's wcwidth, which ncurses uses.
    @Test func widthTableAgreesWithGlibc() throws {
        try #require(setlocale(LC_CTYPE, "C.UTF-8") != nil)
        let samples: [Character] = [
            "a", "~", "é", "日", "한", "Ａ", "─", "┌", "▀", "…", "×", "←", "😀", "\u{301}", "\u{200B}",
        ]
        for sample in samples {
            let scalar = sample.unicodeScalars.first!
            #expect(CharacterWidth.of(sample) == Int(wcwidth(wchar_t(bitPattern: scalar.value))), "\(scalar)")
        }
    }
}
