import Terminal
import Testing

/// Mouse reports in both xterm encodings, byte by byte as a terminal sends them after ESC.
@Suite struct MouseReportTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// X10: `[M`, then 32 + button code, 33 + column, 33 + row (columns and rows from 0 here).
    static func x10(code: Int, x: Int, y: Int) -> [UInt8] {
        bytes("[M") + [UInt8(32 + code), UInt8(33 + x), UInt8(33 + y)]
    }

    @Test(arguments: [(0, MouseEvent.Button.left), (1, .middle), (2, .right), (64, .scrollUp), (65, .scrollDown)])
    func pressesInBothEncodings(_ code: Int, _ button: MouseEvent.Button) {
        let expected = MouseReport.Parse.report(MouseEvent(button: button, x: 12, y: 7))
        #expect(MouseReport.parse(Self.x10(code: code, x: 12, y: 7)) == expected)
        #expect(MouseReport.parse(Self.bytes("[<\(code);13;8M")) == expected)
    }

    @Test func farCellsThatX10CannotReachAreReadFromSGR() {
        #expect(MouseReport.parse(Self.bytes("[<0;300;120M")) == .report(MouseEvent(button: .left, x: 299, y: 119)))
        #expect(MouseReport.parse(Self.x10(code: 0, x: 200, y: 3)) == .report(MouseEvent(button: .left, x: 200, y: 3)))
    }

    @Test func releasesAndMotionAreReportsWithoutAnEvent() {
        #expect(MouseReport.parse(Self.x10(code: 3, x: 1, y: 1)) == .report(nil), "X10 release")
        #expect(MouseReport.parse(Self.bytes("[<0;2;2m")) == .report(nil), "SGR release")
        #expect(MouseReport.parse(Self.x10(code: 32, x: 1, y: 1)) == .report(nil), "drag")
        #expect(MouseReport.parse(Self.bytes("[<35;2;2M")) == .report(nil), "motion without a button")
    }

    @Test func everyPrefixOfAReportAsksForMore() {
        for report in [Self.x10(code: 0, x: 4, y: 5), Self.bytes("[<0;15;26M")] {
            for length in 0..<report.count {
                #expect(MouseReport.parse(Array(report.prefix(length))) == .incomplete, "\(report.prefix(length))")
            }
        }
    }

    @Test(arguments: ["q", "[A", "[1;5C", "O", "[<0;1", "[<0;1;1;1M", "[<a", "[<0;0;1M"])
    func otherInputIsNotAReport(_ text: String) {
        let parsed = MouseReport.parse(Self.bytes(text))
        // "[<0;1" is a prefix still; everything else is decided.
        #expect(parsed == (text == "[<0;1" ? .incomplete : .notAReport), "\(text)")
    }

    @Test func anSGRReportThatNeverEndsIsNotOne() {
        #expect(MouseReport.parse(Self.bytes("[<" + String(repeating: "1", count: 40))) == .notAReport)
    }
}
