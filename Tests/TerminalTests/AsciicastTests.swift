import Testing

@testable import Terminal

@Suite struct AsciicastTests {
    @Test func headerThenOneEventPerLine() {
        var cast = Asciicast(width: 100, height: 30, timestamp: 1_700_000_000, title: "conv2d \"demo\"")
        cast.events = [
            Asciicast.Event(time: 0, code: .output, data: "\u{1B}[0mZ→"),
            Asciicast.Event(time: 0.5, code: .marker, data: "step 2/9"),
        ]
        #expect(
            cast.encoded() == """
                {"version": 2, "width": 100, "height": 30, "timestamp": 1700000000, \
                "title": "conv2d \\"demo\\"", "env": {"TERM": "xterm-256color"}}
                [0.000000, "o", "\\u001b[0mZ→"]
                [0.500000, "m", "step 2/9"]

                """)
    }

    @Test func jsonStringsEscapeQuotesBackslashesAndControls() {
        #expect(Asciicast.json("a\"b\\c") == #""a\"b\\c""#)
        #expect(Asciicast.json("\n\r\t\u{07}\u{1F}") == #""\n\r\t\u0007\u001f""#)
        #expect(Asciicast.json("ü日·") == "\"ü日·\"")
    }
}
