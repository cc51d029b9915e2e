import ConvScopeCore
import Terminal
import Walkthroughs

/// The homework's loop on screen (`w`, `--walk loop`): one step is one iteration of the loop
/// the assignment writes — one `np.tensordot` filling a whole column, one pooling window, one
/// slicing statement. On top the stage's code, the current statement marked, the loop variables
/// and the slices with numbers; below, left to right, what the step reads (its window marked),
/// the operand it uses whole, the step's result, and the output filling in.
enum LoopScreen {
    static func plan(_ walk: LoopWalk, step number: Int, title: String, model: AppModel) -> ScreenPlan {
        let (stageIndex, local) = walk.locate(number)
        let stage = walk.stages[stageIndex]
        let step = stage.step(local)
        let width = model.size.width
        let samples = stage.input.shape[0]
        let n = ((model.loopSample % samples) + samples) % samples

        var header = headerLines(walk, stage: stageIndex, local: local, step: number, title: title, model: model)
        let arithmetic = LoopText.operation(step, sample: n, width: width)
        var bands = Bands(
            size: model.size, headerLines: header.count, arithmeticLines: arithmetic.count, statusLines: 4)
        let pictures = LoopPicture(
            stage: stage, step: step, local: local, sample: n, channel: model.loopChannel,
            inputName: model.scene.inputName)
        // The code takes what it needs of the top, but leaves the maps two thirds of a short body.
        func codePanel(in body: Rect) -> Panel {
            let code = LoopText.code(
                stage.code, current: step.line, width: body.width - 2,
                unicode: model.capabilities.unicode)
            let shown = code.visible(height: body.height / 3 - 2)
            var panel = Panel(title: LoopText.stepLine(step), lines: shown, isActive: true)
            panel.frame = Rect(
                x: body.x, y: body.y, width: min(body.width, panel.naturalSize.width), height: shown.count + 2)
            return panel
        }
        var code = codePanel(in: bands.body)
        var arranged = pictures.arrange(
            in: bands.body.inset(top: code.frame.height), display: model.display,
            capabilities: model.capabilities)
        if let note = arranged.note {
            header.append([
                Span(text: note, style: Style(foreground: .yellow)),
                Span(text: "  (\(KeyMap.key(.nextChannel)) pages)", style: .dim),
            ])
            bands = Bands(
                size: model.size, headerLines: header.count, arithmeticLines: arithmetic.count, statusLines: 4)
            code = codePanel(in: bands.body)
            arranged = pictures.arrange(
                in: bands.body.inset(top: code.frame.height), display: model.display,
                capabilities: model.capabilities)
        }
        let panels = [code] + arranged.panels
        // The output's column is the last, and in it the map the step writes is framed.
        let outputIndex = panels.lastIndex { $0.isActive }
        let grid = stage.grid
        let base = walk.firstStep(ofStage: stageIndex)
        return ScreenPlan(
            header: header, panels: panels, arithmetic: arithmetic,
            status: pictures.status(sample: n),
            legends: arranged.numbers ? [] : arranged.legends,
            markKey: ScreenParts.markKey(pictures.markMeanings, plain: model.capabilities.colorDepth == .none),
            outputPanel: outputIndex,
            stepOfOutputCell: pictures.clickable
                ? { r, c in
                    r < grid.h && c < grid.w ? base + r * grid.w + c : nil
                } : nil,
            showsNumbers: arranged.numbers)
    }

    /// The title line; the layer and pass; the stage and its loops; the output-size formulas.
    static func headerLines(
        _ walk: LoopWalk, stage: Int, local: Int, step: Int, title: String,
        model: AppModel
    ) -> [[Span]] {
        let current = walk.stages[stage]
        let pass = model.phase == .forward ? "forward" : "backward · \(model.phase.rawValue)"
        let width = model.size.width
        // The stage line breaks between its parts, never leaving a separator at a line's end;
        // the iteration count, also in the step counter, comes only where it fits.
        var stageLines = ["stage \(stage + 1)/\(walk.stages.count) \(current.title)"]
        let parts =
            [(current.header, true)]
            + (current.stepCount > 1 ? [("iteration \(local + 1)/\(current.stepCount)", false)] : [])
        for (part, needed) in parts {
            let last = stageLines[stageLines.count - 1]
            if last.count + 3 + part.count <= width {
                stageLines[stageLines.count - 1] = last + " · " + part
            } else if needed {
                stageLines.append(part)
            }
        }
        // A stage with sizes of its own (the stride-1 loop inside a strided layer) shows them
        // under the layer's, so the loop's bounds and the layer's output both read true.
        let own =
            current.formulas.isEmpty || current.formulas.map(\.value) == walk.formulas.map(\.value)
            ? []
            : SizeFormulaText.lines(current.formulas, width: width - 12).map {
                [Span(text: "this stage: ", style: .dim)] + $0
            }
        let lead = "loop walk · \(pass) · "
        let hint = "   \(KeyMap.key(.toggleWalk)) element walk"
        return [
            ScreenParts.titleLine(title, step: step, of: walk.stepCount, model: model),
            [
                Span(text: lead, style: Style(foreground: .magenta, attributes: .bold)),
                Span(text: walk.title, style: .bold),
            ]
                + (lead.count + walk.title.count + hint.count <= width ? [Span(text: hint, style: .dim)] : []),
        ] + stageLines.map { [Span(text: $0)] } + SizeFormulaText.lines(walk.formulas, width: width) + own
            + ScreenParts.parameterBar(model)
    }
}
