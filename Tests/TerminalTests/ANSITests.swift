import Testing

@testable import Terminal

/// The escape sequences recordings are made of, checked against the SGR and CUP codes of
/// ECMA-48 / xterm, and by replaying them into a buffer.
@Suite struct ANSITests {
    static let esc = "\u{1B}"

    @Test func sgrStartsWithAResetThenAttributesThenColours() {
        #expect(Style.plain.sgr() == "\(Self.esc)[0m")
        #expect(Style(foreground: .red, attributes: [.bold, .underline]).sgr() == "\(Self.esc)[0;1;4;31m")
        #expect(Style(attributes: [.reverse, .italic, .dim]).sgr() == "\(Self.esc)[0;2;3;7m")
        #expect(Style(foreground: .ansi(9), background: .ansi(12)).sgr() == "\(Self.esc)[0;91;104m")
        #expect(Style(foreground: .white, background: .black).sgr() == "\(Self.esc)[0;37;40m")
    }

    @Test func paletteAndTrueColoursUseThe256ColourForm() {
        #expect(Style(foreground: .indexed(208), background: .indexed(21)).sgr() == "\(Self.esc)[0;38;5;208;48;5;21m")
        #expect(Style(foreground: .rgb(RGB(255, 0, 0))).sgr() == "\(Self.esc)[0;38;5;196m")
        #expect(Style(background: .rgb(RGB(128, 128, 128))).sgr() == "\(Self.esc)[0;48;5;244m")
    }

    @Test func coloursFollowTheDepth() {
        let style = Style(foreground: .rgb(RGB(255, 0, 0)), background: .indexed(21), attributes: .bold)
        #expect(style.sgr(colorDepth: .sixteen) == "\(Self.esc)[0;1;91;44m")
        #expect(style.sgr(colorDepth: .eight) == "\(Self.esc)[0;1;31;44m")
        #expect(style.sgr(colorDepth: .none) == "\(Self.esc)[0;1m")
    }

    @Test func frameClearsThenPlacesEachRowWithContent() {
        var buffer = Buffer(width: 6, height: 3)
        buffer.write("ab", x: 0, y: 0)
        buffer.write("X", x: 1, y: 2, style: Style(foreground: .red, attributes: .bold))
        buffer.write("y", x: 2, y: 2, style: Style(foreground: .red, attributes: .bold))
        buffer.write("z", x: 3, y: 2)
        let e = Self.esc
        #expect(buffer.ansi() == "\(e)[0m\(e)[H\(e)[2J\(e)[1;1Hab\(e)[0m\(e)[3;1H \(e)[0;1;31mXy\(e)[0mz\(e)[0m")
    }

    @Test func wideGraphemesSkipTheirRightHalfAndTrailingBlanksAreLeftOut() {
        var buffer = Buffer(width: 8, height: 1)
        buffer.write("日a", x: 0, y: 0)
        buffer.write(" ", x: 5, y: 0, style: Style(background: .blue))
        let e = Self.esc
        #expect(buffer.ansi() == "\(e)[0m\(e)[H\(e)[2J\(e)[1;1H日a  \(e)[0;44m \(e)[0m")
    }

    @Test func withoutColourOnlyAttributesRemain() {
        var buffer = Buffer(width: 3, height: 1)
        buffer.write("a", x: 0, y: 0, style: Style(foreground: .green))
        buffer.write(" ", x: 1, y: 0, style: Style(background: .green))
        let e = Self.esc
        #expect(buffer.ansi(colorDepth: .none) == "\(e)[0m\(e)[H\(e)[2J\(e)[1;1Ha\(e)[0m")
    }

    @Test func replayingTheFrameRebuildsTheScreen() {
        var buffer = Buffer(width: 30, height: 12)
        Box(title: "Z ⊙ W", style: Style(foreground: .cyan), glyphs: .unicode)
            .render(into: &buffer, area: Rect(x: 0, y: 0, width: 14, height: 6))
        let values: [[Double]] = [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11], [3, 2, 1, 0]]
        MapView(rows: 4, columns: 4, value: { values[$0][$1] }, mode: .heat(.halfBlocks, range: 0...11))
            .render(into: &buffer, area: Rect(x: 16, y: 1, width: 8, height: 2))
        buffer.write("日本 ok", x: 1, y: 8, style: Style(foreground: .indexed(202), attributes: [.reverse, .underline]))
        buffer.write("dim", x: 26, y: 11, style: .dim)
        var replay = ANSIReplay(width: 40, height: 20)
        replay.feed("junk that the frame must clear")
        replay.feed(buffer.ansi())
        var expected = Buffer(width: 40, height: 20)
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x: x, y: y]!
                guard !cell.isContinuation else { continue }
                expected.put(Character(cell.symbol), x: x, y: y, style: cell.style.mapped(to: .twoFiftySix))
            }
        }
        #expect(replay.screen.plainText() == expected.plainText())
        #expect(replay.screen == expected)
    }
}
