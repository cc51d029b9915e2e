import ConvScopeCore
import Terminal
import Walkthroughs

/// The maps of one loop step, left to right: the tensor the step reads (its window or slice
/// marked), the operand a tensordot uses whole, the step's result, and the output so far
/// (cells written now, done, pending, and the zeros no step writes).
struct LoopPicture {
    let stage: any LoopStage
    let step: LoopStep
    /// The step within the stage.
    let local: Int
    /// The batch sample shown.
    let sample: Int
    /// The output channel the weight columns keep in view (any integer; taken modulo).
    let channel: Int
    let inputName: String

    /// The laid-out panels, whether maps show numbers, their heat-map legends, and a note
    /// saying which weight columns are shown when not all fit.
    struct Arranged {
        var panels: [Panel]
        var numbers: Bool
        var legends: [(name: String, range: ClosedRange<Double>)]
        var note: String?
    }

    private var tensordot: TensordotLoop? { stage as? TensordotLoop }
    private var readName: String { step.reads.first?.name ?? "A" }
    private var outputName: String { step.writes.name }
    /// The output as it stands after this step. Steps that write cells leave the final values in
    /// them, and cells not written yet are drawn as pending whatever they hold, so the final
    /// output serves; steps that add (max-pool backward) need the partial sums.
    private var output: Tensor { step.accumulates ? stage.accumulated(through: local) : stage.output }

    /// Whether a click on an output cell can pick its step: loops that write one cell per step.
    var clickable: Bool { stage is TensordotLoop || stage is PoolForwardLoop }

    func arrange(in body: Rect, display: MapDisplay, capabilities: TerminalCapabilities) -> Arranged {
        let weights = tensordot.flatMap { $0.fixedIsWeight ? $0.fixed : $0.outputIsWeight ? $0.output : nil }
        let total = weights?.shape[0] ?? 1
        let focus = ((channel % total) + total) % total
        func columns(numbers: Bool, result: Bool, capacity: Int) -> (columns: [ColumnLayout.Column], notes: [String]) {
            layout(
                numbers: numbers, result: result, window: ChannelWindow(total: total, focus: focus, capacity: capacity),
                focus: focus, height: body.height, capabilities: capabilities)
        }
        // Numbers first: as many weight columns as fit in numbers, the step's result giving way
        // before the maps turn into heat maps (its values are the output's current cells too).
        // Heat maps scroll, so there only the weights, the result and the maps' titles must fit.
        var choice: (numbers: Bool, result: Bool, capacity: Int)?
        let modes = display == .heatmap ? [false] : display == .numbers ? [true] : [true, false]
        for numbers in modes {
            for result in [showsResult, false] where choice == nil {
                choice = (1...total).reversed().first { capacity in
                    let laid = columns(numbers: numbers, result: result, capacity: capacity).columns
                    return numbers ? ColumnLayout.fits(laid, in: body) : Self.fitsScrolling(laid, in: body)
                }.map { (numbers, result, $0) }
            }
        }
        let numbers = choice?.numbers ?? (display == .numbers)
        let window = ChannelWindow(total: total, focus: focus, capacity: choice?.capacity ?? 1)
        let laid = columns(numbers: numbers, result: choice?.result ?? false, capacity: window.shown.count)
        let legends = [
            (readName, ScreenParts.range(of: stage.input.at([sample]))),
            (outputName, ScreenParts.range(of: stage.output)),
        ]
        let name = tensordot.map { $0.fixedIsWeight ? $0.fixedName : outputName } ?? ""
        let notes = (window.isComplete ? [] : [window.note(name)]) + laid.notes
        return Arranged(
            panels: ColumnLayout.arrange(laid.columns, in: body), numbers: numbers, legends: legends,
            note: notes.isEmpty ? nil : notes.joined(separator: ", "))
    }

    /// Whether the columns fit side by side with the scrolling (flexible) maps at their titles' width.
    static func fitsScrolling(_ columns: [ColumnLayout.Column], in body: Rect) -> Bool {
        let widths = columns.filter { !$0.panels.isEmpty }.map { column in
            column.flexible
                ? column.panels.map { Panel.titleWidth($0.title) }.max() ?? 0
                : ColumnLayout.naturalWidth(of: column.panels)
        }
        return widths.reduce(0, +) + widths.count - 1 <= body.width
    }

    /// The columns, read tensor | whole operand | result | output, and which channels of
    /// the batch tensors are shown when not all fit `height`.
    private func layout(
        numbers: Bool, result: Bool, window: ChannelWindow, focus: Int, height: Int,
        capabilities: TerminalCapabilities
    ) -> (columns: [ColumnLayout.Column], notes: [String]) {
        func mode(_ t: Tensor, heat: Bool) -> MapView.Mode {
            guard heat else {
                let format = Formatting.numberFormat(NumberExtent(t))
                return .numbers(width: format.width, decimals: format.decimals)
            }
            return .heat(HeatmapMode(capabilities), range: ScreenParts.range(of: t))
        }
        // Which output channels are shown goes in the header; fewer input channels than there
        // are is noted on the last one shown (`+3 more`).
        var notes: [String] = []
        func layoutOf(_ t: Tensor, _ name: String, weight: Bool, mode: MapView.Mode, output: Bool = false)
            -> LoopMaps.Layout
        {
            if t.rank <= 2 { return .matrix }
            let channels = LoopMaps.channelWindow(t, focus: output ? channel : 0, mode: mode, height: height)
            if output && !weight && !channels.isComplete { notes.append(channels.note(name, prefix: [sample])) }
            if weight && !channels.isComplete {
                notes.append("\(name)[:, \(channels.range)] of \(channels.total) C_in shown")
            }
            return weight ? .weight(window, focus: focus, rows: channels) : .batch(sample: sample, channels: channels)
        }
        let input = stage.input
        let readFocus = LoopMaps.extent(of: step.reads[0], shape: input.shape)
        let inputMode = mode(input.at([sample]), heat: !numbers)
        var columns = LoopMaps.columns(
            input, name: readName, layout: layoutOf(input, readName, weight: false, mode: inputMode),
            mode: inputMode, marks: readMark, focus: readFocus, active: true
        ).map { ($0, true) }
        if let loop = tensordot {
            let fixed = loop.fixed
            let fixedMode = mode(fixed, heat: !numbers && !loop.fixedIsWeight)
            columns += LoopMaps.columns(
                fixed, name: loop.fixedName,
                layout: layoutOf(fixed, loop.fixedName, weight: loop.fixedIsWeight, mode: fixedMode),
                mode: fixedMode, marks: { _ in .plain }, focus: readFocus, active: false
            )
            .map { ($0, !loop.fixedIsWeight) }
        }
        // The step's result, and under it the bias a forward tensordot adds to every row.
        var results: [Panel] = []
        if result {
            results +=
                LoopMaps.columns(
                    step.result, name: "\(step.writes)", layout: .matrix,
                    mode: mode(step.result, heat: false), marks: { _ in .plain },
                    focus: (0...0, 0...0), active: false)[0]
        }
        if result, let bias = tensordot?.bias {
            results +=
                LoopMaps.columns(
                    bias, name: "b", layout: .matrix, mode: mode(bias, heat: false),
                    marks: { _ in .plain }, focus: (0...0, 0...0), active: false)[0]
        }
        if !results.isEmpty { columns.append((results, false)) }
        let out = output
        let weight = tensordot?.outputIsWeight ?? false
        let outFocus = LoopMaps.extent(of: step.writes, shape: out.shape)
        let outMode = mode(stage.output, heat: !numbers && !weight && out.rank > 2)
        columns += LoopMaps.columns(
            out, name: outputName, layout: layoutOf(out, outputName, weight: weight, mode: outMode, output: true),
            mode: outMode, marks: outputMark, focus: outFocus, active: true
        ).map { ($0, !weight) }
        return (columns, notes)
    }

    /// A step's result is worth its own panel, room permitting, when it is a small matrix or vector (a column,
    /// a slice of dL/dW, dL/db), not a moved copy of a whole map.
    private var showsResult: Bool {
        switch step.operation {
        case .contraction, .windowMax, .windowMean: true
        case .sum, .routeToArgmax, .spreadMean, .copy: false
        }
    }

    /// The read tensor's marks: the cells this step reads, each window's maximum, the zero
    /// padding around the data, and the cells a strided slice leaves out.
    private func readMark(_ index: [Int]) -> CellMark {
        let input = stage.input
        let read = step.reads[0]
        if read.selects(index, shape: input.shape) {
            if case .windowMax(let picks) = step.operation,
                picks.contains(where: { [$0.sample, $0.channel, $0.input.h, $0.input.w] == index })
            {
                return .argmax
            }
            if !read.axes.allSatisfy({ $0 == .all }) { return .tap }
        } else if stage is SliceStage {
            return .padding
        }
        if let margin = tensordot?.inputMargin, margin != HW(0, 0) {
            let (y, x) = (input.rank == 4 ? index[2] : 0, index[index.count - 1])
            let size = LoopMaps.planes(input).shape
            if y < margin.h || y >= size[2] - margin.h || x < margin.w || x >= size[3] - margin.w { return .padding }
        }
        return .plain
    }

    /// The output's marks: written at this step, by an earlier step, not yet, or by no step.
    private func outputMark(_ index: [Int]) -> CellMark {
        guard let first = stage.firstStep(writing: index) else { return .padding }
        if routesToMaxima, case .routeToArgmax(let picks) = step.operation {
            // Only each window's maximum receives dL/dZ; the rest of the window is untouched.
            if picks.contains(where: { [$0.sample, $0.channel, $0.input.h, $0.input.w] == index }) { return .argmax }
            return first < local ? .done : .pending
        }
        if step.writes.selects(index, shape: stage.output.shape) { return .current }
        return first < local ? .done : .pending
    }

    /// Whether the step adds dL/dZ at each window's maximum only (max-pool backward).
    private var routesToMaxima: Bool {
        if case .routeToArgmax = step.operation { return true }
        return false
    }

    /// What the marks mean on this stage's screen.
    var markMeanings: [(CellMark, String)] {
        var marks: [(CellMark, String)] = []
        if !step.reads[0].axes.allSatisfy({ $0 == .all }) { marks.append((.tap, "read")) }
        if case .windowMax = step.operation { marks.append((.argmax, "window max")) }
        if case .routeToArgmax = step.operation { marks.append((.argmax, "max: gets dLdZ")) }
        if stage is SliceStage && !step.reads[0].axes.allSatisfy({ $0 == .all }) { marks.append((.padding, "dropped")) }
        if let margin = tensordot?.inputMargin, margin != HW(0, 0) { marks.append((.padding, "zero padding")) }
        if stage is SliceStage && !step.writes.axes.allSatisfy({ $0 == .all }) {
            marks.append((.padding, "zero: never written"))
        }
        if !routesToMaxima { marks.append((.current, "written now")) }
        if stage.stepCount > 1 { marks.append((.pending, "pending")) }
        return marks
    }

    /// Statistics of what the step reads, the whole operand (or the result), and the output.
    func status(sample n: Int) -> [[Span]] {
        var lines = [Formatting.statistics("\(readName)\(Formatting.index([n]))", stage.input.at([n]))]
        if let loop = tensordot { lines.append(Formatting.statistics(loop.fixedName, loop.fixed)) }
        lines.append(Formatting.statistics(outputName, stage.output))
        return lines
    }
}
