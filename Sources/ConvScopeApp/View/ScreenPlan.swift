import Terminal

/// A run of text in one style.
struct Span: Equatable {
    var text: String
    var style: Style = .plain
}

/// Everything one screen shows, laid out for a given size: the header lines, the body
/// panels, the arithmetic and status lines. Scene builders make it; `render` draws it
/// and `update` uses it to turn a mouse click into a step.
struct ScreenPlan {
    var header: [[Span]]
    var panels: [Panel]
    var arithmetic: [[Span]]
    var status: [[Span]]
    /// Heat-map colour keys, one per map kind shown as a heat map, drawn on the last status line.
    var legends: [(name: String, range: ClosedRange<Double>)]
    /// What the marks mean, drawn on the last status line when there are no legends.
    var markKey: [Span]
    /// The index in `panels` of the output map, whose cells a click jumps to.
    var outputPanel: Int?
    /// Maps a clicked output-map cell (row, column) to its step; nil where a cell has none.
    var stepOfOutputCell: ((Int, Int) -> Int?)?
    /// Whether maps are drawn as numbers (false: heat maps).
    var showsNumbers: Bool
}

/// The vertical bands of the screen: header, body, arithmetic, status and the hint line.
struct Bands {
    let header: Rect
    let body: Rect
    let arithmetic: Rect
    let status: Rect
    let hints: Rect

    init(size: Size, headerLines: Int, arithmeticLines: Int, statusLines: Int) {
        let rows = Rect(size: size).splitRows([
            .fixed(headerLines), .fill, .fixed(arithmeticLines),
            .fixed(statusLines), .fixed(1),
        ])
        header = rows[0]
        body = rows[1]
        arithmetic = rows[2]
        status = rows[3]
        hints = rows[4]
    }
}

extension Rect {
    /// The same rectangle moved down by `dy` rows (up when negative).
    func offset(dy: Int) -> Rect { Rect(x: x, y: y + dy, width: width, height: height) }
}
