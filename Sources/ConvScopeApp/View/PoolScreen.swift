import ConvScopeCore
import Terminal
import Walkthroughs

/// The pooling forward screen: the input channel with the current window (and, for max
/// pooling, the argmax marked), the window's values, and every output map of the sample that
/// fits, the focused one filling in.
enum PoolScreen {
    static func plan(_ walk: PoolForwardWalkthrough, step number: Int, title: String, model: AppModel) -> ScreenPlan {
        let layer = walk.layer
        let g = layer.geometry
        let step = walk.step(number)
        let grid = OutputGrid(shape: walk.output.shape)
        let here = grid.position(ofStep: number)
        let inputMap = walk.input.at([here.n, here.c])
        let outputMap = walk.output.at([here.n, here.c])
        let (rows, columns) = (inputMap.shape[0], inputMap.shape[1])
        let window = Set(step.window.map { $0[2] * columns + $0[3] })
        let argmax = step.argmax.map { $0[2] * columns + $0[3] }

        func inputMark(_ r: Int, _ c: Int) -> CellMark {
            let at = r * columns + c
            if at == argmax { return .argmax }
            return window.contains(at) ? .tap : .plain
        }

        var header = headerLines(walk, step: step, title: title, model: model)
        var body = Bands(size: model.size, headerLines: header.count, arithmeticLines: 3, statusLines: 4).body
        let inputFormat = Formatting.numberFormat(walk.inputExtent)
        let outputFormat = Formatting.numberFormat(walk.outputExtent)
        let heat = HeatmapMode(model.capabilities)
        let extent = g.windowExtent(ofOutput: HW(here.i, here.j))
        let windowValues = step.values

        let outputs = walk.output.at([here.n])
        /// As many of the sample's output maps as stack in the body, the focused one among them.
        func outputWindow(numbers: Bool) -> ChannelWindow {
            let mode: MapView.Mode =
                numbers
                ? .numbers(width: outputFormat.width, decimals: outputFormat.decimals)
                : .heat(heat, range: 0...1)
            return ChannelWindow(
                total: grid.channels, focus: here.c, capacity: body.height / (MapView.lines(grid.rows, mode) + 2))
        }

        // Columns: input | window | every output map that fits; numbers when they fit side by
        // side, else heat maps for the big maps, which share the room left by the window.
        func layout(numbers: Bool, outputChannels: ChannelWindow) -> [(panels: [Panel], flexible: Bool)] {
            let inputMode: MapView.Mode =
                numbers
                ? .numbers(width: inputFormat.width, decimals: inputFormat.decimals)
                : ScreenParts.heat(heat, of: inputMap)
            let outputMode: MapView.Mode =
                numbers
                ? .numbers(width: outputFormat.width, decimals: outputFormat.decimals)
                : ScreenParts.heat(heat, of: outputMap)
            let input = MapView(
                rows: rows, columns: columns, value: { inputMap[$0, $1] }, mark: inputMark,
                mode: inputMode, focus: extent)
            let window = MapView(
                rows: g.kernel.h, columns: g.kernel.w, value: { windowValues[$0 * g.kernel.w + $1] },
                mark: { r, c in step.window[r * g.kernel.w + c] == step.argmax ? .argmax : .tap },
                mode: .numbers(width: inputFormat.width, decimals: inputFormat.decimals))
            let outputPanels = outputChannels.outputPanels(outputs, grid: grid, current: number, mode: outputMode)
            return [
                ([Panel(title: "A\(Formatting.index([here.n, here.c]))", map: input, isActive: true)], true),
                ([Panel(title: "window", map: window)], false),
                (outputPanels, true),
            ]
        }
        let showsNumbers =
            model.display == .numbers
            || (model.display == .automatic
                && ColumnLayout.fits(layout(numbers: true, outputChannels: outputWindow(numbers: true)), in: body))
        var outputChannels = outputWindow(numbers: showsNumbers)
        if !outputChannels.isComplete {
            // One more header line says which output maps are shown.
            body = Bands(size: model.size, headerLines: header.count + 1, arithmeticLines: 3, statusLines: 4).body
            outputChannels = outputWindow(numbers: showsNumbers)
            header.append([
                Span(text: outputChannels.note("Z", prefix: [here.n]), style: Style(foreground: .yellow)),
                Span(text: "  (\(KeyMap.key(.nextChannel)) moves the focus)", style: .dim),
            ])
        }
        let panels = ColumnLayout.arrange(layout(numbers: showsNumbers, outputChannels: outputChannels), in: body)
        let outputIndex = panels.lastIndex(where: \.isActive) ?? panels.count - 1
        let status = [
            Formatting.statistics("A\(Formatting.index([here.n, here.c]))", inputMap),
            Formatting.statistics("Z\(Formatting.index([here.n, here.c]))", outputMap),
        ]
        return ScreenPlan(
            header: header, panels: panels, arithmetic: arithmeticLines(layer, step: step, width: model.size.width),
            status: status,
            legends: showsNumbers
                ? [] : [("A", ScreenParts.range(of: inputMap)), ("Z", ScreenParts.range(of: outputMap))],
            markKey: ScreenParts.markKey(
                layer.kind == .max
                    ? [(.tap, "window"), (.argmax, "first maximum"), (.current, "current"), (.pending, "pending")]
                    : [(.tap, "window"), (.current, "current"), (.pending, "pending")],
                plain: model.capabilities.colorDepth == .none),
            outputPanel: outputIndex, stepOfOutputCell: { r, c in grid.step(n: here.n, c: here.c, i: r, j: c) },
            showsNumbers: showsNumbers)
    }

    static func headerLines(_ walk: PoolForwardWalkthrough, step: PoolForwardStep, title: String, model: AppModel)
        -> [[Span]]
    {
        let g = walk.layer.geometry
        let size = HW(walk.input.shape[2], walk.input.shape[3])
        let shapes = "A \(Formatting.compactShape(walk.input.shape))  Z \(Formatting.compactShape(walk.output.shape))"
        let note = [
            Span(text: "  (window jumps \(g.stride.w))", style: .dim),
            Span(
                text: ScreenParts.skippedNote(size: size, geometry: g, spatialAxes: 2),
                style: Style(foreground: .indexed(203))),
        ]
        return [
            ScreenParts.titleLine(title, step: step.number, of: walk.stepCount, model: model),
            [Span(text: walk.layer.summary, style: .bold), Span(text: "   " + shapes)],
        ] + SizeFormulaText.lines(walk.sizeFormulas, width: model.size.width, note: note)
            + ScreenParts.parameterBar(model)
    }

    /// Max: the values and where the first maximum sits. Mean: the sum written out over K².
    static func arithmeticLines(_ layer: PoolFunction, step: PoolForwardStep, width: Int) -> [[Span]] {
        let name = "Z\(Formatting.index(step.output))"
        let indent = String(repeating: " ", count: name.count + 1)
        let values = step.values.map(Formatting.number)
        let result = Span(
            text: Formatting.number(step.result),
            style: Style(foreground: .black, background: .indexed(220), attributes: .bold))
        switch layer.kind {
        case .max:
            return [
                [Span(text: name, style: .bold), Span(text: " = max(" + values.joined(separator: ", ") + ")")],
                [Span(text: indent + "= "), result],
                [
                    Span(
                        text: indent + "first maximum at A\(Formatting.index(step.argmax ?? []))",
                        style: Style(foreground: .indexed(203)))
                ],
            ]
        case .mean:
            let area = step.window.count
            return [
                [
                    Span(text: name, style: .bold),
                    Span(
                        text: Formatting.foldedSum(
                            lead: " = (", step.values.map { ($0, "") }, tail: ") / \(area)",
                            width: width - name.count)),
                ],
                [Span(text: indent + "= "), result],
                [Span(text: indent + "each of the \(area) window cells counts 1/\(area)", style: .dim)],
            ]
        }
    }
}
