import Terminal
import Testing

/// Input after an Esc that ncurses matched to no key, byte by byte as a terminal sends it:
/// Alt+key, keypad 5 and other sequences are whole and dropped (they used to read as Esc
/// and quit the app); mouse reports still decode.
@Suite struct EscapeInputTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// Alt+l (`ESC l`), Alt+q, Alt+Esc, keypad 5 in application mode (`ESC O u`) and as
    /// xterm's `ESC [ E`, Ctrl+Right (`ESC [ 1 ; 5 C`), F5 (`ESC [ 1 5 ~`), Alt+é (two UTF-8 bytes).
    @Test(arguments: ["l", "q", "\u{1B}", "Ou", "OE", "[E", "[1;5C", "[15~", "é"])
    func sequencesAreWholeAndIgnored(_ text: String) {
        let sequence = Self.bytes(text)
        #expect(EscapeInput.parse(sequence) == .ignored(length: sequence.count), "\(text)")
        for length in 1..<sequence.count {
            #expect(EscapeInput.parse(Array(sequence.prefix(length))) == .incomplete, "\(text) cut at \(length)")
        }
    }

    @Test func aSequenceEndsAtItsFinalByteAndWhatFollowsIsInputOfItsOwn() {
        #expect(EscapeInput.parse(Self.bytes("[Eq")) == .ignored(length: 2))
        #expect(EscapeInput.parse(Self.bytes("Ouq")) == .ignored(length: 2))
    }

    @Test func mouseReportsStillDecode() {
        #expect(EscapeInput.parse(Self.bytes("[<0;3;4M")) == .mouse(MouseEvent(button: .left, x: 2, y: 3)))
        #expect(EscapeInput.parse(Self.bytes("[<0;3;4m")) == .mouse(nil))
        #expect(EscapeInput.parse(Self.bytes("[<0;3")) == .incomplete)
    }

    @Test func aCSISequenceThatNeverEndsIsDroppedNotWaitedForever() {
        let endless = Self.bytes("[" + String(repeating: "1", count: 40))
        guard case .ignored = EscapeInput.parse(endless) else {
            Issue.record("an endless CSI should be dropped")
            return
        }
    }

    @Test func nothingAfterTheEscIsAskedFor() {
        // The Esc key is an Esc with no byte after it in time; the backend decides that.
        #expect(EscapeInput.parse([]) == .incomplete)
    }
}
