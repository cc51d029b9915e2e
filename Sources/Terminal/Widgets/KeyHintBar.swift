/// A one-line list of `key: action` hints. Hints are in priority order: the first one
/// that does not fit and all after it are dropped, so the bar never shows a cut hint.
public struct KeyHintBar: Widget {
    public var hints: [KeyBinding]
    public var keyStyle: Style
    public var actionStyle: Style
    /// Put between hints.
    public var separator: String

    public init(_ hints: [KeyBinding], keyStyle: Style = .bold, actionStyle: Style = .plain, separator: String = "  ") {
        self.hints = hints
        self.keyStyle = keyStyle
        self.actionStyle = actionStyle
        self.separator = separator
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        var x = area.x
        for (index, hint) in hints.enumerated() {
            let lead = index == 0 ? "" : separator
            let width = buffer.columns(of: lead + hint.key + ": " + hint.action)
            // The last column stays blank, so the bar never reads as text running off the screen.
            guard x + width < area.maxX else { return }
            x = buffer.write(lead, x: x, y: area.y, style: actionStyle, clip: row)
            x = buffer.write(hint.key, x: x, y: area.y, style: keyStyle, clip: row)
            x = buffer.write(": " + hint.action, x: x, y: area.y, style: actionStyle, clip: row)
        }
    }
}
