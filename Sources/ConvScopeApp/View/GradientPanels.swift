import ConvScopeCore
import Terminal
import Walkthroughs

/// The pieces every backward screen shares: the header, the map panels, the list of
/// terms, the sum written out, and the status lines.
enum GradientPanels {
    /// Title line, the layer with the walk being shown, and the definition being summed.
    static func header(_ model: AppModel, step: GradientStep, count: Int, walk: String, definition: String) -> [[Span]]
    {
        [
            ScreenParts.titleLine(model.scene.title, step: step.number, of: count, model: model),
            [
                Span(text: "backward · \(walk)", style: Style(foreground: .magenta, attributes: .bold)),
                Span(text: "   \(KeyMap.key(.nextPhase)) next · \(KeyMap.key(.forwardPhase)) forward", style: .dim),
            ],
            [Span(text: definition, style: Style(foreground: .cyan))],
        ]
    }

    /// A map panel over a 2-d slice, numbers or heat map; sized and coloured from `summary`
    /// when the walkthrough keeps one for the slice, else from a pass over its values.
    static func map(
        _ title: String, _ values: Tensor, summary: TensorSummary? = nil, numbers: Bool,
        capabilities: TerminalCapabilities,
        mark: @escaping (Int, Int) -> CellMark, focus: (rows: ClosedRange<Int>, columns: ClosedRange<Int>),
        isActive: Bool = false
    ) -> Panel {
        let grid = values.rank == 2 ? values : values.reshaped([1, values.count])
        let mode: MapView.Mode
        if numbers {
            let format = summary.map { Formatting.numberFormat($0.extent) } ?? MapView.numberFormat(for: grid.scalars)
            mode = .numbers(width: format.width, decimals: format.decimals)
        } else {
            mode = ScreenParts.heat(HeatmapMode(capabilities), range: summary?.range ?? ScreenParts.range(of: grid))
        }
        let view = MapView(
            rows: grid.shape[0], columns: grid.shape[1], value: { grid[$0, $1] }, mark: mark, mode: mode, focus: focus)
        return Panel(title: title, map: view, isActive: isActive)
    }

    /// The map being filled in: elements before the current step done, the current one
    /// highlighted, the rest pending. `step(r, c)` is the step of a map cell.
    static func result(
        _ title: String, _ values: Tensor, summary: TensorSummary? = nil, current: Int, numbers: Bool,
        capabilities: TerminalCapabilities, step: @escaping (Int, Int) -> Int, at cell: (Int, Int)
    ) -> Panel {
        map(
            title, values, summary: summary, numbers: numbers, capabilities: capabilities,
            mark: { r, c in
                let s = step(r, c)
                return s == current ? .current : s < current ? .done : .pending
            },
            focus: (cell.0...cell.0, cell.1...cell.1), isActive: true)
    }

    /// The terms panel: one line per term, the product first and right-aligned so a
    /// narrow panel cuts only the end of the label. Only as many lines as a screen could
    /// show are built: a dL/dW tap of a big map has tens of thousands of terms.
    /// `total` is how many terms the sum has when `terms` lists only the first ones.
    static func terms(_ terms: [GradientTerm], total: Int? = nil, label: (GradientTerm) -> String) -> Panel {
        let total = total ?? terms.count
        let built = terms.prefix(maximumLines)
        let values = built.map { Formatting.number($0.product) }
        let width = values.map(\.count).max() ?? 0
        let lines = zip(built, values).map { term, value -> [Span] in
            [
                Span(text: String(repeating: " ", count: width - value.count) + value, style: .bold),
                Span(text: " ← " + label(term)),
            ]
        }
        return Panel(
            title: "terms (\(total))",
            lines: lines.isEmpty ? [[Span(text: "none: gradient 0", style: .dim)]] : lines,
            unbuiltLines: total - built.count, minimumWidth: 24)
    }

    /// How many stacked map panels can show at this size (each needs 3 rows at least):
    /// screens build no more than that, so 64 channels cost what 5 do.
    static func stackable(_ model: AppModel) -> Int {
        max(1, (model.size.height - 11) / 3)
    }

    /// The first `limit` indices of `count`, so a screen builds only the panels it can show.
    static func shown(_ count: Int, _ model: AppModel) -> Range<Int> {
        0..<min(count, stackable(model))
    }

    /// Notes on the last panel how many more there are than were built.
    static func noting(_ panels: [Panel], of total: Int) -> [Panel] {
        guard total > panels.count, var last = panels.last else { return panels }
        last.notes.append("+\(total - panels.count) more")
        return Array(panels.dropLast()) + [last]
    }

    /// More lines than any terminal has rows.
    static let maximumLines = 250

    /// The sum written out: the definition, the products added (folded to `width` columns,
    /// "… + 12 more terms"), the result.
    /// `total` is how many terms the sum has when `terms` lists only the first ones.
    static func arithmetic(
        width: Int, _ name: String, _ terms: [GradientTerm], total: Int? = nil, result: Double, note: String = ""
    ) -> [[Span]] {
        let total = total ?? terms.count
        let indent = String(repeating: " ", count: name.count + 1)
        // No more terms than the line has room for are written out (each takes 4 columns at least).
        let listed = terms.prefix(max(1, width / 4)).map { (value: $0.product, label: "") }
        let sum =
            total == 0
            ? "0 (no terms)"
            : Formatting.foldedSum(
                lead: "", listed, unlisted: total - listed.count,
                width: width - name.count - 3)
        return [
            [Span(text: name, style: .bold), Span(text: " = " + sum)],
            [
                Span(text: indent + "= "),
                Span(text: Formatting.number(result), style: MarkStyle.numberStyle(.current, value: result)),
                Span(text: note, style: .dim),
            ],
            [],
        ]
    }

    /// A key to the backward marks; `padding` when the screen shows zero padding.
    static func markKey(_ model: AppModel, padding: Bool = false) -> [Span] {
        ScreenParts.markKey(
            [(.tap, "in this sum")] + (padding ? [(.padding, "zero / padding")] : []) + [
                (.current, "current"), (.pending, "pending"),
            ],
            plain: model.capabilities.colorDepth == .none)
    }

    /// Lays the columns out, picking numbers or heat maps the way the forward screens do.
    static func plan(
        _ model: AppModel, header: [[Span]], arithmetic: [[Span]], status: [[Span]],
        markKey: [Span]? = nil,
        columns: (Bool) -> [(panels: [Panel], flexible: Bool)],
        resultStep: @escaping (Int, Int) -> Int?
    ) -> ScreenPlan {
        let body = Bands(size: model.size, headerLines: header.count, arithmeticLines: 3, statusLines: 4).body
        let numbers =
            model.display == .numbers || (model.display == .automatic && ColumnLayout.fits(columns(true), in: body))
        let laid = columns(numbers)
        let panels = ColumnLayout.arrange(laid, in: body)
        let resultIndex = panels.lastIndex(where: \.isActive)
        return ScreenPlan(
            header: header, panels: panels, arithmetic: arithmetic, status: status, legends: [],
            markKey: markKey ?? GradientPanels.markKey(model), outputPanel: resultIndex,
            stepOfOutputCell: resultStep, showsNumbers: numbers)
    }
}
