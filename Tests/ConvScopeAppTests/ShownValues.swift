import ConvScopeCore
import Foundation
import Terminal
import Testing
import Walkthroughs

@testable import ConvScopeApp

/// Reads numbers off rendered screens: the result of a sum written out under the maps,
/// and the map being filled in, cell by cell.
enum ShownValues {
    /// Room for every map whole, so no panel title carries a row or column range.
    static let roomy = Size(width: 260, height: 80)

    /// What a map cell should show.
    enum Cell {
        /// A done (or the current) cell: this value, rounded as the map writes it.
        case value(Double)
        /// A cell not computed yet: `·`.
        case pending
        /// Not checked (a border the walk does not visit).
        case any
    }

    /// The screen of `scene` at `phase` and step `step`, maps in numbers, on `roomy`.
    static func screen(_ scene: Scene, phase: Pass, step: Int) -> ScreenText {
        var model = AppModel(scenes: [scene], size: roomy)
        model.display = .numbers
        model.phase = phase
        model.step = step
        return ScreenText(buffer: model.render())
    }

    /// The words after `= ` on the line `below` rows under the first `NAME = `: the
    /// result of the sum written out, then any note.
    static func result(
        of name: String, below: Int, on screen: ScreenText,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [String] {
        let top = try #require(screen.find(name + " = "), "no arithmetic for \(name)", sourceLocation: sourceLocation)
        let line = screen.line(top.y + below).trimmingCharacters(in: .whitespaces)
        try #require(line.hasPrefix("= "), "line \(top.y + below): \(line)", sourceLocation: sourceLocation)
        return line.dropFirst(2).split(separator: " ").map(String.init)
    }

    /// Checks every cell of the map panel titled `title` (`rows` × `columns`) against `expected`.
    static func expectMap(
        _ screen: ScreenText, titled title: String, rows: Int, columns: Int,
        _ expected: (Int, Int) -> Cell, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let panel = try #require(
            screen.panel(titled: title), "map \(title) not shown whole", sourceLocation: sourceLocation)
        for r in 0..<rows {
            let words = screen.words(inRow: panel.y + r, of: panel)
            try #require(
                words.count == columns, "\(title) row \(r): \(words.map(\.text))", sourceLocation: sourceLocation)
            for (c, word) in words.enumerated() {
                switch expected(r, c) {
                case .value(let value):
                    let shown = try #require(
                        Double(word.text), "\(title) (\(r), \(c)) shows \(word.text)", sourceLocation: sourceLocation)
                    #expect(
                        abs(shown - value) <= halfUnit(of: word.text),
                        "\(title) (\(r), \(c)): \(word.text) vs \(value)",
                        sourceLocation: sourceLocation)
                case .pending:
                    #expect(word.text == "·", "\(title) (\(r), \(c)) is pending", sourceLocation: sourceLocation)
                case .any:
                    break
                }
            }
        }
    }

    /// A map filled in row-major order: cells up to step `current` show `values`, later ones `·`.
    static func expectFilled(
        _ screen: ScreenText, titled title: String, _ values: Tensor, current: Int,
        step: (Int, Int) -> Int, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let grid = values.rank == 2 ? values : values.reshaped([1, values.count])
        try expectMap(
            screen, titled: title, rows: grid.shape[0], columns: grid.shape[1],
            { r, c in
                step(r, c) <= current ? .value(grid[r, c]) : .pending
            }, sourceLocation: sourceLocation)
    }

    /// Half a unit in the last decimal place a number is written with: its rounding error.
    static func halfUnit(of text: String) -> Double {
        let decimals = text.split(separator: ".").dropFirst().first?.count ?? 0
        return 0.5 * pow(10, -Double(decimals)) + 1e-12
    }
}
