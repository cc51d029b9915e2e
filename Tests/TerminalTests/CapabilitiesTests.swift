import Terminal
import Testing

@Suite struct CapabilitiesTests {
    private func derive(
        _ environment: [String: String], codeset: String? = nil, hasColors: Bool = true, colors: Int = 256
    ) -> TerminalCapabilities {
        TerminalCapabilities.derive(
            environment: environment, codeset: codeset, hasColors: hasColors, colorCount: colors)
    }

    @Test func utf8LocaleWithManyColours() {
        #expect(derive(["LANG": "en_US.UTF-8"], codeset: "UTF-8") == .full)
        #expect(derive(["LANG": "C.utf8"]) == .full)
    }

    @Test func noColorDisablesColourOnlyWhenNonEmpty() {
        #expect(derive(["LANG": "C.UTF-8", "NO_COLOR": "1"]).colorDepth == .none)
        #expect(derive(["LANG": "C.UTF-8", "NO_COLOR": ""]).colorDepth == .twoFiftySix)
    }

    @Test func colourDepthFollowsNcurses() {
        #expect(derive([:], hasColors: false).colorDepth == .none)
        #expect(derive([:], colors: 8).colorDepth == .eight)
        #expect(derive([:], colors: 16).colorDepth == .sixteen)
    }

    @Test func nonUTF8LocaleMeansASCII() {
        #expect(!derive(["LANG": "C"]).unicode)
        #expect(!derive([:]).unicode)
        #expect(!derive(["LANG": "en_US.ISO-8859-1"]).unicode)
    }

    @Test func localeVariablesAreCheckedInPrecedenceOrder() {
        #expect(!derive(["LC_ALL": "C", "LANG": "en_US.UTF-8"]).unicode)
        #expect(derive(["LC_ALL": "", "LC_CTYPE": "C.UTF-8", "LANG": "C"]).unicode)
        #expect(derive(["LC_CTYPE": "de_DE.utf8@euro"]).unicode)
    }

    @Test func codesetMustAgree() {
        #expect(!derive(["LANG": "en_US.UTF-8"], codeset: "ANSI_X3.4-1968").unicode)
    }

    @Test func glyphsFollowUnicodeSupport() {
        #expect(Glyphs(.full) == .unicode)
        #expect(Glyphs(.minimal) == .ascii)
    }
}
