import Terminal
import Testing

@testable import ConvScopeApp

/// Where `ColumnLayout` puts panels: side by side, stacked, lined up across columns, and
/// sharing a body too narrow for every column without losing a column to rounding.
@Suite struct ColumnLayoutTests {
    /// A text panel `width` characters wide and `lines` lines tall.
    func text(_ title: String, width: Int, lines: Int = 1) -> Panel {
        Panel(title: title, lines: Array(repeating: [Span(text: String(repeating: "x", count: width))], count: lines))
    }

    @Test func slotsLineUpPanelsAcrossColumns() {
        var tall = text("tall", width: 4, lines: 3)
        var short = text("k", width: 4)
        tall.slotHeight = 6
        short.slotHeight = 6
        let body = Rect(x: 0, y: 0, width: 40, height: 20)
        let panels = ColumnLayout.arrange([([tall, tall], false), ([short, short], false)], in: body)
        #expect(panels.map(\.frame.y) == [0, 6, 0, 6], "the second row starts one slot down in both columns")
        #expect(panels.map(\.frame.height) == [5, 5, 3, 3], "each frame keeps its own height inside its slot")
    }

    @Test func aReservedWidthHoldsEvenForShortContent() {
        var panel = text("a", width: 2)
        panel.reservedWidth = 15
        let panels = ColumnLayout.arrange(
            [([panel], false), ([text("b", width: 2)], false)],
            in: Rect(x: 0, y: 0, width: 40, height: 10))
        #expect(panels.map(\.frame.width) == [15, Panel.titleWidth("b")])
        #expect(panels[1].frame.x == 16, "one column of gap after the reserved width")
    }

    @Test func flexibleColumnsFillTheBodyExactly() {
        // Too low to stack one under the other (each takes 3 rows).
        let body = Rect(x: 0, y: 0, width: 42, height: 5)
        let panels = ColumnLayout.arrange([([text("a", width: 28)], true), ([text("b", width: 28)], true)], in: body)
        let widths = panels.map(\.frame.width)
        #expect(widths.reduce(0, +) + 1 == body.width, "\(widths): no column lost to rounding")
        #expect(widths[0] == 20 && widths[1] == 21, "shares in proportion to the natural widths (30 each)")
    }

    @Test func aLastColumnTooWideToFitBesideGoesUnderItsNeighbour() {
        // Side by side 30 + 10 + 20 and two gaps: 62 columns; z under k: 51.
        let body = Rect(x: 0, y: 0, width: 52, height: 10)
        let columns: [ColumnLayout.Column] = [
            ([text("a", width: 28)], true), ([text("k", width: 8)], false),
            ([text("z", width: 18)], true),
        ]
        let panels = ColumnLayout.arrange(columns, in: body)
        #expect(panels.map(\.frame.x) == [0, 31, 31], "z goes under k")
        #expect(panels.map(\.frame.y) == [0, 0, 3])
        #expect(panels.map(\.frame.width) == [30, 20, 20], "whole: nothing squeezed")
        #expect(ColumnLayout.fits(columns, in: body))
        let low = Rect(x: 0, y: 0, width: 52, height: 5)
        #expect(ColumnLayout.arrange(columns, in: low).map(\.frame.y) == [0, 0, 0], "no room below: side by side")
    }
}
