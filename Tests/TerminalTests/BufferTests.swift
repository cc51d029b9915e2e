import Testing

@testable import Terminal

@Suite struct BufferTests {
    @Test func writingPastTheRightEdgeIsClipped() {
        var buffer = Buffer(width: 5, height: 2)
        let end = buffer.write("hello", x: 3, y: 0)
        #expect(end == 8)
        #expect(buffer.plainTextLines() == ["   he", ""])
    }

    @Test func writingFromANegativeColumnShowsTheVisibleTail() {
        var buffer = Buffer(width: 5, height: 1)
        buffer.write("hello", x: -2, y: 0)
        #expect(buffer.plainText() == "llo")
    }

    @Test func writingOutsideTheRowsIsIgnored() {
        var buffer = Buffer(width: 3, height: 1)
        buffer.write("abc", x: 0, y: -1)
        buffer.write("abc", x: 0, y: 1)
        buffer.write("abc", x: 100, y: 0)
        #expect(buffer == Buffer(width: 3, height: 1))
    }

    @Test func zeroSizedBufferAcceptsEverything() {
        var buffer = Buffer(width: 0, height: 0)
        buffer.write("abc", x: 0, y: 0)
        buffer.fill(Rect(x: -5, y: -5, width: 50, height: 50), with: Cell("x"))
        #expect(buffer.plainTextLines() == [])
    }

    @Test func clipRectangleLimitsWriting() {
        var buffer = Buffer(width: 8, height: 1)
        buffer.write("abcdef", x: 0, y: 0, clip: Rect(x: 1, y: 0, width: 3, height: 1))
        #expect(buffer.plainText() == " bcd")
    }

    @Test func wideCharactersTakeTwoCellsAndDoNotSplitAtTheEdge() {
        var buffer = Buffer(width: 5, height: 1)
        let end = buffer.write("日本語", x: 0, y: 0)
        #expect(end == 6)
        #expect(buffer.plainText() == "日本")
        #expect(buffer[x: 1, y: 0]?.isContinuation == true)
        #expect(buffer[x: 4, y: 0] == Cell(" "))
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = Buffer(width: 4, height: 1)
        buffer.write("日本", x: 0, y: 0)
        buffer.write("a", x: 1, y: 0)
        #expect(buffer.plainText() == " a本")
        buffer.write("b", x: 2, y: 0)
        #expect(buffer.plainText() == " ab")
        #expect(buffer[x: 3, y: 0] == Cell(" "))
    }

    @Test func controlCharactersAreDropped() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.write("a\tb\u{1B}c", x: 0, y: 0)
        #expect(buffer.plainText() == "abc")
    }

    @Test func combiningMarksStayWithTheirBase() {
        var buffer = Buffer(width: 3, height: 1)
        buffer.write("e\u{301}x", x: 0, y: 0)
        #expect(buffer[x: 0, y: 0]?.symbol == "e\u{301}")
        #expect(buffer[x: 1, y: 0]?.symbol == "x")
    }

    @Test func fillIsClippedToTheBuffer() {
        var buffer = Buffer(width: 4, height: 3)
        buffer.fill(Rect(x: 2, y: 1, width: 10, height: 10), with: Cell("#"))
        #expect(buffer.plainTextLines() == ["", "  ##", "  ##"])
    }

    @Test func diffReportsOnlyChangedCells() {
        var before = Buffer(width: 3, height: 2)
        before.write("abc", x: 0, y: 0)
        var after = before
        after.write("X", x: 1, y: 1, style: .bold)
        #expect(after.diff(from: before) == [CellChange(x: 1, y: 1, cell: Cell("X", style: .bold))])
        #expect(before.diff(from: before).isEmpty)
    }

    @Test func diffAgainstADifferentSizeReportsEveryCell() {
        let after = Buffer(width: 3, height: 2)
        #expect(after.diff(from: Buffer(width: 2, height: 2)).count == 6)
    }

    @Test func styledRunsListNonPlainRuns() {
        var buffer = Buffer(width: 8, height: 2)
        buffer.write("ab", x: 1, y: 0, style: Style(foreground: .red, attributes: .bold))
        buffer.write("cd", x: 3, y: 0, style: Style(background: .indexed(236)))
        buffer.write("plain", x: 0, y: 1)
        buffer.write("!", x: 6, y: 1, style: Style(attributes: [.underline, .italic]))
        #expect(
            buffer.styledRuns() == [
                #"0:1-2 fg=ansi(1) bold "ab""#,
                #"0:3-4 bg=idx(236) "cd""#,
                #"1:6-6 underline+italic "!""#,
            ])
    }
}
