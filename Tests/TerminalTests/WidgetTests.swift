import Terminal
import Testing

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
        #expect(
            buffer.plainTextLines() == [
                "┌─ Conv1 ──┐",
                "│          │",
                "└──────────┘",
            ])
        #expect(buffer.styledRuns() == [#"0:3-7 bold "Conv1""#])
    }

    @Test func asciiBoxWithTruncatedTitle() {
        let buffer = render(Box(title: "Convolution", glyphs: .ascii), width: 10, height: 3)
        #expect(
            buffer.plainTextLines() == [
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
        #expect(render(bar, width: 28, height: 1).plainText() == "q: quit  ?: help  ←/→: move")
        // The last column stays blank: a hint that would end there is dropped.
        #expect(render(bar, width: 27, height: 1).plainText() == "q: quit  ?: help")
        #expect(render(bar, width: 6, height: 1).plainText() == "")
    }

    @Test func keysAreBold() {
        let buffer = render(KeyHintBar([KeyBinding("q", "quit"), KeyBinding("?", "help")]), width: 20, height: 1)
        #expect(buffer.styledRuns() == [#"0:0-0 bold "q""#, #"0:9-9 bold "?""#])
    }
}

/// A map of `values` by row, every cell plain unless `mark` says otherwise.
private func map(
    _ values: [[Double]], mode: MapView.Mode, mark: @escaping (Int, Int) -> CellMark = { _, _ in .plain },
    focus: (rows: ClosedRange<Int>, columns: ClosedRange<Int>) = (0...0, 0...0)
) -> MapView {
    MapView(
        rows: values.count, columns: values[0].count, value: { values[$0][$1] }, mark: mark, mode: mode,
        focus: focus)
}

@Suite struct MapViewTests {
    @Test func numbersAreRightAlignedOneGapApart() {
        let grid = map([[1, -2.5, 3], [0.125, 10, .nan]], mode: .numbers(width: 6, decimals: 3))
        let buffer = render(grid, width: 21, height: 2)
        #expect(
            buffer.plainTextLines() == [
                " 1.000 -2.500  3.000",
                " 0.125 10.000    NaN",
            ])
        #expect(buffer[x: 18, y: 1]?.style == MarkStyle.numberStyle(.plain, value: .nan))
        #expect(grid.fullSize == Size(width: 21, height: 2))
    }

    @Test func marksStyleNumbersAndTextMarksFillTheGap() {
        var grid = map(
            [[1, 2, 3]], mode: .numbers(width: 2, decimals: 0),
            mark: { _, c in c == 1 ? .current : c == 2 ? .pending : .plain })
        #expect(render(grid, width: 9, height: 1).plainText() == " 1  2  ·")
        #expect(render(grid, width: 9, height: 1)[x: 4, y: 0]?.style == MarkStyle.numberStyle(.current, value: 2))
        grid.textMarks = true
        #expect(render(grid, width: 9, height: 1).plainText() == " 1  2< ·")
    }

    @Test func halfBlocksShowTwoRowsPerLine() {
        let heat = map([[0, 1], [1, 0], [0.5, 0.5]], mode: .heat(.halfBlocks, range: 0...1, scale: .grayscale))
        let buffer = render(heat, width: 2, height: 2)
        #expect(buffer.plainTextLines() == ["▀▀", "▀▀"])
        #expect(
            buffer.styledRuns() == [
                #"0:0-0 fg=rgb(0,0,0) bg=rgb(255,255,255) "▀""#,
                #"0:1-1 fg=rgb(255,255,255) bg=rgb(0,0,0) "▀""#,
                #"1:0-1 fg=rgb(128,128,128) "▀▀""#,
            ])
        #expect(heat.fullSize == Size(width: 2, height: 2))
    }

    @Test func shadesWithoutColourClampToTheRange() {
        let shades = map([[0, 0.25, 0.5, 0.75, 1, .nan, -5, 5]], mode: .heat(.shades(colored: false), range: 0...1))
        let buffer = render(shades, width: 8, height: 1)
        #expect(buffer.plainText() == " :+#@? @")
        #expect(buffer.styledRuns().isEmpty)
    }

    @Test func viewportKeepsTheFocusInView() {
        let column = (0..<10).map { [Double($0)] }
        let near = map(column, mode: .numbers(width: 1, decimals: 0), focus: (7...7, 0...0))
        #expect(render(near, width: 2, height: 3).plainTextLines() == ["6", "7", "8"])
        let end = map(column, mode: .numbers(width: 1, decimals: 0), focus: (8...9, 0...0))
        #expect(render(end, width: 2, height: 3).plainTextLines() == ["7", "8", "9"])
        #expect(!end.fitsWhole(in: Rect(x: 0, y: 0, width: 2, height: 3)))
        #expect(end.cell(at: Point(x: 0, y: 1), in: Rect(x: 0, y: 0, width: 2, height: 3))! == (8, 0))
        #expect(end.cell(at: Point(x: 1, y: 1), in: Rect(x: 0, y: 0, width: 2, height: 3)) == nil, "the gap is no cell")
    }

    @Test func numberFormatFitsTheExtremes() {
        #expect(MapView.numberFormat(for: [1, -12, 3]) == (3, 0))
        #expect(MapView.numberFormat(for: [0.5, -1.25]) == (5, 2))
        #expect(MapView.numberFormat(for: [0.001, 0.002]) == (6, 4), "two significant digits for small values")
    }
}

@Suite struct HeatmapModeTests {
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
        #expect(
            buffer.styledRuns() == [
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
        HelpOverlay(bindings: [KeyBinding("q", "quit"), KeyBinding("?", "toggle help")]).render(
            into: &buffer, area: buffer.bounds)
        let x6 = "xxxxxx"
        let x30 = String(repeating: "x", count: 30)
        #expect(
            buffer.plainTextLines() == [
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

    @Test func menuOverlayKeepsTheSelectionInViewAndHighlighted() {
        var buffer = Buffer(width: 44, height: 5)
        MenuOverlay(title: "pick", labels: ["a", "b", "c", "d", "e"], selection: 3, glyphs: .unicode)
            .render(into: &buffer, area: buffer.bounds)
        #expect(buffer.plainTextLines()[1].hasPrefix("  ┌─ pick ─"))
        #expect(buffer.plainTextLines()[2] == "  │ d" + String(repeating: " ", count: 36) + "│")
        #expect(buffer[x: 4, y: 2]?.style.background == .cyan)
        #expect(buffer[x: 40, y: 2]?.style.background == .cyan, "the highlight spans the line")
    }

    @Test func tooSmallMessageStatesBothSizes() {
        #expect(
            render(TooSmallMessage(required: Size(width: 80, height: 24)), width: 30, height: 5).plainTextLines() == [
                "",
                "      terminal too small",
                "    need 80×24, have 30×5",
                "",
                "",
            ])
        #expect(
            render(TooSmallMessage(required: Size(width: 80, height: 24), glyphs: .ascii), width: 21, height: 2)
                .plainTextLines() == [
                    " terminal too small",
                    "need 80x24, have 21x2",
                ])
    }
}
