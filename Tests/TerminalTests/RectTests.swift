import Terminal
import Testing

@Suite struct RectTests {
    @Test func insetShrinksAndNeverGoesNegative() {
        #expect(Rect(x: 0, y: 0, width: 10, height: 5).inset(by: 1) == Rect(x: 1, y: 1, width: 8, height: 3))
        #expect(Rect(x: 0, y: 0, width: 4, height: 4).inset(by: 3).isEmpty)
        #expect(Rect(x: 2, y: 2, width: 10, height: 5).inset(top: 1, left: 2) == Rect(x: 4, y: 3, width: 8, height: 4))
    }

    @Test func splitColumnsGivesFixedFractionAndFillTheirShares() {
        let parts = Rect(x: 0, y: 1, width: 20, height: 3).splitColumns([.fixed(3), .fill, .fraction(0.25)])
        #expect(
            parts == [
                Rect(x: 0, y: 1, width: 3, height: 3),
                Rect(x: 3, y: 1, width: 12, height: 3),
                Rect(x: 15, y: 1, width: 5, height: 3),
            ])
    }

    @Test func fillPartsShareTheRemainderFirstFirst() {
        let heights = Rect(x: 0, y: 0, width: 1, height: 10).splitRows([.fill, .fill, .fill]).map(\.height)
        #expect(heights == [4, 3, 3])
    }

    @Test func overcommittedSplitNeverExceedsTheWhole() {
        let parts = Rect(x: 0, y: 0, width: 5, height: 1).splitColumns([.fixed(4), .fixed(4), .fill])
        #expect(parts.map(\.width) == [4, 1, 0])
        #expect(parts.map(\.x) == [0, 4, 5])
    }

    @Test func intersectionAndContainment() {
        let a = Rect(x: 0, y: 0, width: 5, height: 5)
        #expect(a.intersection(Rect(x: 3, y: 4, width: 5, height: 5)) == Rect(x: 3, y: 4, width: 2, height: 1))
        #expect(a.intersection(Rect(x: 5, y: 0, width: 2, height: 2)).isEmpty)
        #expect(a.contains(Point(x: 4, y: 4)))
        #expect(!a.contains(Point(x: 5, y: 4)))
        #expect(!a.contains(Point(x: -1, y: 0)))
    }

    @Test func rowIsOneRowHighOrEmptyOutside() {
        let area = Rect(x: 2, y: 3, width: 4, height: 2)
        #expect(area.row(1) == Rect(x: 2, y: 4, width: 4, height: 1))
        #expect(area.row(2).isEmpty)
        #expect(area.row(-1).isEmpty)
    }

    @Test func centeredRectIsClampedToTheContainer() {
        let area = Rect(x: 10, y: 0, width: 30, height: 8)
        #expect(area.centered(Size(width: 18, height: 4)) == Rect(x: 16, y: 2, width: 18, height: 4))
        #expect(area.centered(Size(width: 50, height: 50)) == area)
    }
}
