import Testing
import Terminal

/// Renders `widget` into a fresh buffer of `size` filling the whole buffer.
private func render(_ widget: some Widget, width: Int, height: Int) -> Buffer {
    var buffer = Buffer(width: width, height: height)
    widget.render(into: &buffer, area: buffer.bounds)
    return buffer
}

@Suite struct LabelTests {
    @Test func longTextIsTruncatedWithAnEllipsis() {
        #expect(render(Label("hello world"), width: 8, height: 1).plainText() == "hello w…")
        #expect(render(Label("hello world", glyphs: .ascii), width: 8, height: 1).plainText() == "hello w~")
        #expect(render(Label("hello"), width: 1, height: 1).plainText() == "…")
        #expect(render(Label("hello"), width: 5, height: 1).plainText() == "hello")
    }

    @Test func alignment() {
        #expect(render(Label("abc", alignment: .right), width: 6, height: 1).plainText() == "   abc")
        #expect(render(Label("ab", alignment: .center), width: 6, height: 1).plainText() == "  ab")
    }

    @Test func wideTextIsTruncatedByColumns() {
        #expect(render(Label("日本語テキスト"), width: 7, height: 1).plainText() == "日本語…")
    }

    @Test func neverDrawsOutsideItsArea() {
        var buffer = Buffer(width: 10, height: 3)
        Label("overflowing text", alignment: .right).render(into: &buffer, area: Rect(x: 2, y: 1, width: 5, height: 1))
        #expect(buffer.plainTextLines() == ["", "  over…", ""])
    }

    @Test func textDrawsOneLinePerRowAndStopsAtTheBottom() {
        #expect(render(Text("a\nbb\nccc"), width: 4, height: 2).plainTextLines() == ["a", "bb"])
    }
}

@Suite struct BoxTests {
    @Test func unicodeBoxWithTitle() {
        let buffer = render(Box(title: "Conv1"), width: 12, height: 3)
        #expect(buffer.plainTextLines() == [
            "┌─ Conv1 ──┐",
            "│          │",
            "└──────────┘",
        ])
        #expect(buffer.styledRuns() == [#"0:3-7 bold "Conv1""#])
    }

    @Test func asciiBoxWithTruncatedTitle() {
        let buffer = render(Box(title: "Convolution", glyphs: .ascii), width: 10, height: 3)
        #expect(buffer.plainTextLines() == [
            "+- Con~ -+",
            "|        |",
            "+--------+",
        ])
    }

    @Test func innerAreaIsInsideTheBorder() {
        #expect(Box().inner(of: Rect(x: 1, y: 1, width: 5, height: 4)) == Rect(x: 2, y: 2, width: 3, height: 2))
    }

    @Test func tooSmallBoxDrawsNothingAndTinyBoxDropsTitle() {
        #expect(render(Box(title: "x"), width: 1, height: 5).plainText() == "\n\n\n\n")
        #expect(render(Box(title: "Title"), width: 4, height: 2).plainTextLines() == ["┌──┐", "└──┘"])
    }
}

@Suite struct KeyHintBarTests {
    @Test func hintsThatDoNotFitAreDropped() {
        let bar = KeyHintBar([KeyBinding("q", "quit"), KeyBinding("?", "help"), KeyBinding("←/→", "move")])
        #expect(render(bar, width: 20, height: 1).plainText() == "q: quit  ?: help")
        #expect(render(bar, width: 27, height: 1).plainText() == "q: quit  ?: help  ←/→: move")
        #expect(render(bar, width: 6, height: 1).plainText() == "")
    }

    @Test func keysAreBold() {
        let buffer = render(KeyHintBar([KeyBinding("q", "quit"), KeyBinding("?", "help")]), width: 20, height: 1)
        #expect(buffer.styledRuns() == [#"0:0-0 bold "q""#, #"0:9-9 bold "?""#])
    }
}

@Suite struct NumberGridTests {
    @Test func threeByTwoGridIsRightAlignedWithSharedDecimals() {
        let grid = NumberGrid([[1, -2.5, 3], [0.125, 10, .nan]], columnWidth: 6, maxDecimals: 3)
        let buffer = render(grid, width: 20, height: 2)
        #expect(buffer.plainTextLines() == [
            " 1.000 -2.500  3.000",
            " 0.125 10.000    NaN",
        ])
        #expect(buffer.styledRuns() == [#"1:17-19 fg=ansi(5) "NaN""#])
        #expect(grid.fullSize == Size(width: 20, height: 2))
    }

    @Test func onlyWholeColumnsAreDrawnUnderHeaders() {
        let grid = NumberGrid([[1, -2.5, 3], [0.125, 10, -.infinity]], columnWidth: 6, columnHeaders: ["a", "b", "c"])
        #expect(render(grid, width: 19, height: 3).plainTextLines() == [
            "     a      b",
            " 1.000 -2.500",
            " 0.125 10.000",
        ])
    }

    @Test func hugeValuesUseScientificWithoutShrinkingTheRest() {
        let grid = NumberGrid([[1e9, 0.5], [-.infinity, -0.0]], columnWidth: 6, maxDecimals: 2)
        #expect(render(grid, width: 13, height: 2).plainTextLines() == [
            "1.00e9   0.50",
            "  -Inf   0.00",
        ])
    }
}

@Suite struct HeatmapTests {
    @Test func halfBlocksShowTwoRowsPerLine() {
        let map = Heatmap([[0, 1], [1, 0], [0.5, 0.5]], scale: .grayscale)
        let buffer = render(map, width: 2, height: 2)
        #expect(buffer.plainTextLines() == ["▀▀", "▀▀"])
        #expect(buffer.styledRuns() == [
            #"0:0-0 fg=rgb(0,0,0) bg=rgb(255,255,255) "▀""#,
            #"0:1-1 fg=rgb(255,255,255) bg=rgb(0,0,0) "▀""#,
            #"1:0-1 fg=rgb(128,128,128) "▀▀""#,
        ])
        #expect(map.fullSize == Size(width: 2, height: 2))
    }

    @Test func shadesWithoutColour() {
        let map = Heatmap([[0, 0.25, 0.5, 0.75, 1, .nan]], range: 0...1, mode: .shades(colored: false))
        let buffer = render(map, width: 6, height: 1)
        #expect(buffer.plainText() == " :+#@?")
        #expect(buffer.styledRuns().isEmpty)
    }

    @Test func explicitRangeClampsOutliers() {
        let map = Heatmap([[-5, 5]], range: 0...1, mode: .shades(colored: false))
        #expect(render(map, width: 2, height: 1).plainText() == " @")
    }

    @Test func mapLargerThanItsAreaIsCut() {
        var buffer = Buffer(width: 4, height: 3)
        let values = Array(repeating: [1.0, 2, 3, 4], count: 4)
        Heatmap(values).render(into: &buffer, area: Rect(x: 1, y: 1, width: 2, height: 1))
        #expect(buffer.plainTextLines() == ["", " ▀▀", ""])
    }

    @Test func modeFollowsCapabilities() {
        #expect(HeatmapMode(.full) == .halfBlocks)
        #expect(HeatmapMode(TerminalCapabilities(colorDepth: .eight, unicode: false)) == .shades(colored: true))
        #expect(HeatmapMode(TerminalCapabilities(colorDepth: .none, unicode: true)) == .shades(colored: false))
    }
}

@Suite struct LegendTests {
    @Test func asciiGradientBetweenBounds() {
        let legend = Legend(range: 0...1, scale: .grayscale, mode: .shades(colored: false))
        #expect(render(legend, width: 20, height: 1).plainText() == "0.00  .:-=+*#%@ 1.00")
    }

    @Test func colourGradientUsesBackgrounds() {
        let legend = Legend(range: -1...1, scale: .grayscale)
        let buffer = render(legend, width: 13, height: 1)
        #expect(buffer.plainText() == "-1.00    1.00")
        #expect(buffer.styledRuns() == [
            #"0:6-6 bg=rgb(0,0,0) " ""#,
            #"0:7-7 bg=rgb(255,255,255) " ""#,
        ])
    }

    @Test func narrowLegendShowsOnlyWhatFitsWhole() {
        let legend = Legend(range: 0...1)
        #expect(render(legend, width: 10, height: 1).plainText() == "0.00..1.00")
        #expect(render(legend, width: 9, height: 1).plainText() == "")
    }
}

@Suite struct OverlayTests {
    @Test func helpOverlayIsCentredAndClearsBeneath() {
        var buffer = Buffer(width: 30, height: 8)
        buffer.fill(buffer.bounds, with: Cell("x"))
        HelpOverlay(bindings: [KeyBinding("q", "quit"), KeyBinding("?", "toggle help")]).render(into: &buffer, area: buffer.bounds)
        let x6 = "xxxxxx", x30 = String(repeating: "x", count: 30)
        #expect(buffer.plainTextLines() == [
            x30,
            x30,
            x6 + "┌─ Help ─────────┐" + x6,
            x6 + "│ q  quit        │" + x6,
            x6 + "│ ?  toggle help │" + x6,
            x6 + "└────────────────┘" + x6,
            x30,
            x30,
        ])
    }

    @Test func tooSmallMessageStatesBothSizes() {
        #expect(render(TooSmallMessage(required: Size(width: 80, height: 24)), width: 30, height: 5).plainTextLines() == [
            "",
            "      terminal too small",
            "    need 80×24, have 30×5",
            "",
            "",
        ])
        #expect(render(TooSmallMessage(required: Size(width: 80, height: 24), glyphs: .ascii), width: 21, height: 2).plainTextLines() == [
            " terminal too small",
            "need 80x24, have 21x2",
        ])
    }
}
