import ConvScopeCore
import Terminal
import Walkthroughs

/// The convolution forward screen: every input channel of the current sample with its
/// zero padding and the window of the current step, the kernels of every output channel
/// that fits (the focused one framed), the products of the step, and every output map of the
/// sample that fits, the focused one filling in.
enum ConvScreen {
    static func plan(_ walk: ConvForwardWalkthrough, step number: Int, title: String, model: AppModel) -> ScreenPlan {
        let layer = walk.layer
        let g = layer.geometry
        let step = walk.step(number)
        let padded = walk.record.paddedInput
        let (channels, paddedRows, paddedColumns) = (padded.shape[1], padded.shape[2], padded.shape[3])
        let grid = OutputGrid(shape: walk.output.shape)
        let here = grid.position(ofStep: number)
        let kernel = layer.W.reshaped([layer.outChannels, layer.inChannels, g.kernel.h, g.kernel.w])

        // Tap positions in padded coordinates, from the layer's own receptive-field answer.
        let perChannel = g.kernel.h * g.kernel.w
        let taps = Set(
            step.terms.prefix(perChannel).map { term -> Int in
                let (h, w) = term.input.count == 4 ? (term.input[2], term.input[3]) : (0, term.input[2])
                return (h + g.padding.h) * paddedColumns + (w + g.padding.w)
            })
        let (windowRows, windowColumns) = g.windowExtent(ofOutput: HW(here.i, here.j))
        let inputRows = g.padding.h..<(paddedRows - g.padding.h)
        let inputColumns = g.padding.w..<(paddedColumns - g.padding.w)

        func inputMark(_ r: Int, _ c: Int) -> CellMark {
            if taps.contains(r * paddedColumns + c) { return .tap }
            if windowRows.contains(r) && windowColumns.contains(c) { return .windowGap }
            return inputRows.contains(r) && inputColumns.contains(c) ? .plain : .padding
        }

        let outputs = walk.output.reshaped([grid.samples, grid.channels, grid.rows, grid.columns]).at([here.n])
        // Column widths, heat colours and status lines come from what the walkthrough keeps
        // per map (found once), not from a pass over every element each frame.
        let inputFormat = Formatting.numberFormat(walk.paddedInputSummary([here.n]).extent)
        let kernelFormat = Formatting.numberFormat(walk.kernelExtent)
        let outputSummary = walk.outputSummary([here.n])
        let outputFormat = Formatting.numberFormat(outputSummary.extent)
        let productFormat = productNumberFormat(kernel: walk.kernelExtent, input: walk.inputExtent)
        let productTitle = widestSum(kernel: walk.kernelExtent, input: walk.inputExtent, taps: perChannel)
        let inputSummary = walk.inputSummary([here.n])
        let focusedOutput = walk.outputSummary([here.n, here.c])
        let heat = HeatmapMode(model.capabilities)

        // Columns: input channels | the kernels of each output channel shown | the products of
        // the focused output channel | every output map shown, each kernel and product beside
        // its input channel (the slides' influence picture: one input, every kernel, every
        // output). Columns keep the width their widest title could need (the last channel, a
        // scrolled row range, the widest sum), so nothing moves from step to step. Numbers when
        // all columns fit side by side (rows may scroll), otherwise heat maps for the big maps;
        // kernels and products always show numbers, and the products give way first when space
        // is short. Extra output channels' kernels come only when everything fits in numbers.
        func layout(
            numbers: Bool, products: Bool, kernelChannels: ChannelWindow, outputChannels: ChannelWindow,
            body: Rect
        ) -> [(panels: [Panel], flexible: Bool)] {
            let mayScroll = channels * (paddedRows + 2) > body.height
            let rowNote = mayScroll ? " r\(paddedRows)–\(paddedRows)" : ""
            let inputName = g.padding == HW(square: 0) ? model.scene.inputName : "A_pad"
            let widest = (
                input: "\(inputName)\(Formatting.index([here.n, channels - 1]))" + rowNote,
                kernel: "W\(Formatting.index([layer.outChannels - 1, channels - 1]))",
                product: "W⊙\(model.scene.inputName) Σ" + productTitle
            )
            let inputMode: MapView.Mode =
                numbers
                ? .numbers(width: inputFormat.width, decimals: inputFormat.decimals)
                : ScreenParts.heat(heat, range: inputSummary.range)
            let outputMode: MapView.Mode =
                numbers
                ? .numbers(width: outputFormat.width, decimals: outputFormat.decimals)
                : ScreenParts.heat(heat, range: outputSummary.range)
            // One band of rows per input channel, tall enough for its map and its kernel.
            let band = max(MapView.lines(paddedRows, inputMode), g.kernel.h) + 2
            var inputs: [Panel] = []
            var productPanels: [Panel] = []
            var kernelColumns = kernelChannels.shown.map { _ in [Panel]() }
            for c in 0..<channels {
                let inputMap = MapView(
                    rows: paddedRows, columns: paddedColumns, value: { padded[here.n, c, $0, $1] },
                    mark: inputMark, mode: inputMode, focus: (windowRows, windowColumns))
                inputs.append(
                    Panel(
                        title: "\(inputName)\(Formatting.index([here.n, c]))", map: inputMap,
                        isActive: true, reservedWidth: Panel.titleWidth(widest.input), slotHeight: band))
                for (k, o) in kernelChannels.shown.enumerated() {
                    let kernelMap = MapView(
                        rows: g.kernel.h, columns: g.kernel.w, value: { kernel[o, c, $0, $1] },
                        mode: .numbers(width: kernelFormat.width, decimals: kernelFormat.decimals))
                    kernelColumns[k].append(
                        Panel(
                            title: "W\(Formatting.index([o, c]))", map: kernelMap, isActive: o == here.c,
                            reservedWidth: Panel.titleWidth(widest.kernel), slotHeight: band))
                }
                let term = { (r: Int, q: Int) in step.terms[c * perChannel + r * g.kernel.w + q] }
                let productMap = MapView(
                    rows: g.kernel.h, columns: g.kernel.w, value: { term($0, $1).product },
                    mark: { term($0, $1).isPadding ? .padding : .tap },
                    mode: .numbers(width: productFormat.width, decimals: productFormat.decimals))
                productPanels.append(
                    Panel(
                        title: "W⊙\(model.scene.inputName) Σ\(Formatting.number(step.channelSums[c]))", map: productMap,
                        reservedWidth: Panel.titleWidth(widest.product), slotHeight: band))
            }
            let outputPanels = outputChannels.outputPanels(outputs, grid: grid, current: number, mode: outputMode)
            return [(inputs, true)] + kernelColumns.map { ($0, false) }
                + [(products ? productPanels : [], false), (outputPanels, true)]
        }
        /// As many output maps as the body has room for stacked (at least the focused one).
        func outputWindow(numbers: Bool, body: Rect) -> ChannelWindow {
            let mode: MapView.Mode =
                numbers
                ? .numbers(width: outputFormat.width, decimals: outputFormat.decimals)
                : .heat(heat, range: 0...1)
            return ChannelWindow(
                total: grid.channels, focus: here.c,
                capacity: body.height / (MapView.lines(grid.rows, mode) + 2))
        }
        /// Every kernel column that fits beside the rest with all maps in numbers (at least the focused one).
        func kernelWindow(body: Rect) -> ChannelWindow {
            let focused = ChannelWindow(total: grid.channels, focus: here.c, capacity: 1)
            let one = layout(
                numbers: true, products: true, kernelChannels: focused,
                outputChannels: outputWindow(numbers: true, body: body), body: body)
            let needed = one.filter { !$0.panels.isEmpty }.reduce(-1) {
                $0 + ColumnLayout.naturalWidth(of: $1.panels) + 1
            }
            let column = ColumnLayout.naturalWidth(of: one[1].panels) + 1
            let extra = needed <= body.width ? (body.width - needed) / max(1, column) : 0
            return ChannelWindow(total: grid.channels, focus: here.c, capacity: 1 + extra)
        }
        /// The screen's panels in `body`, and whether they show numbers and the products.
        func arrange(in body: Rect) -> (panels: [Panel], numbers: Bool, kernels: ChannelWindow, outputs: ChannelWindow)
        {
            let kernels = kernelWindow(body: body)
            let full = layout(
                numbers: true, products: true, kernelChannels: kernels,
                outputChannels: outputWindow(numbers: true, body: body), body: body)
            let kernelWidth = full.dropFirst().dropLast(2).reduce(0) {
                $0 + ColumnLayout.naturalWidth(of: $1.panels) + 1
            }
            // The products stay only where the input and output columns keep room for their titles.
            let titles = [full[0].panels, full[full.count - 1].panels].map { column in
                column.map { Panel.titleWidth($0.title) }.max() ?? 0
            }.reduce(2, +)
            let roomForProducts =
                body.width - kernelWidth - ColumnLayout.naturalWidth(of: full[full.count - 2].panels) - 2
                >= max(2 * 12, titles)
            // Numbers first: the products give way when that lets every map show its numbers.
            let fitsWith = roomForProducts && ColumnLayout.fits(full, in: body)
            let fitsWithout = ColumnLayout.fits(
                layout(
                    numbers: true, products: false, kernelChannels: kernels,
                    outputChannels: outputWindow(numbers: true, body: body), body: body), in: body)
            let numbers = model.display == .numbers || (model.display == .automatic && (fitsWith || fitsWithout))
            let showsProducts = roomForProducts && (!numbers || fitsWith || !fitsWithout)
            let outputs = outputWindow(numbers: numbers, body: body)
            let laid = layout(
                numbers: numbers, products: showsProducts, kernelChannels: kernels,
                outputChannels: outputs, body: body)
            return (ColumnLayout.arrange(laid, in: body), numbers, kernels, outputs)
        }

        var header = headerLines(walk, step: step, title: title, model: model)
        var arranged = arrange(
            in: Bands(size: model.size, headerLines: header.count, arithmeticLines: 3, statusLines: 4).body)
        if !arranged.kernels.isComplete || !arranged.outputs.isComplete {
            // One more header line says which output channels are shown; arranged again below it.
            let lineCount = header.count + 1
            arranged = arrange(
                in: Bands(size: model.size, headerLines: lineCount, arithmeticLines: 3, statusLines: 4).body)
            header.append(shownNote(kernels: arranged.kernels, outputs: arranged.outputs, sample: here.n))
        }
        let body = Bands(size: model.size, headerLines: header.count, arithmeticLines: 3, statusLines: 4).body
        var panels = arranged.panels
        let showsNumbers = arranged.numbers
        // The last input channel shown says how many more there are.
        let shownChannels = panels.prefix { $0.frame.x == body.x }.count
        if shownChannels < channels { panels[shownChannels - 1].notes.append("+\(channels - shownChannels) more") }
        let outputX = panels.last?.frame.x ?? body.x
        let outputIndex = panels.lastIndex { $0.frame.x == outputX && $0.isActive } ?? panels.count - 1
        // Every output channel's bias, the focused one marked, under the output maps when there is room.
        let bottom = panels.filter { $0.frame.x == outputX }.map(\.frame.maxY).max() ?? body.y
        if bottom + 3 <= body.maxY {
            let biases = layer.b.scalars
            let biasFormat = MapView.numberFormat(for: biases)
            let bias = MapView(
                rows: 1, columns: biases.count, value: { biases[$1] },
                mark: { _, o in o == here.c ? .current : .plain },
                mode: .numbers(width: biasFormat.width, decimals: biasFormat.decimals),
                focus: (0...0, here.c...here.c))
            let width = min(panels[outputIndex].frame.width, max(12, bias.fullSize.width + 2))
            panels.append(Panel(frame: Rect(x: outputX, y: bottom, width: width, height: 3), title: "b", map: bias))
        }

        let status = [
            Formatting.statistics(
                "\(model.scene.inputName)\(Formatting.index([here.n]))", shape: Array(walk.input.shape.dropFirst()),
                inputSummary.statistics),
            Formatting.statistics("W\(Formatting.index([here.c]))", layer.W.at([here.c])),
            Formatting.statistics(
                "Z\(Formatting.index([here.n, here.c]))", shape: Array(walk.output.shape.dropFirst(2)),
                focusedOutput.statistics),
        ]
        return ScreenPlan(
            header: header, panels: panels, arithmetic: arithmeticLines(walk, step: step, width: model.size.width),
            status: status,
            legends: showsNumbers
                ? []
                : [
                    (model.scene.inputName, inputSummary.range),
                    ("Z", focusedOutput.range),
                ],
            markKey: ScreenParts.markKey(
                [(.tap, "window tap")] + (g.dilation == HW(square: 1) ? [] : [(.windowGap, "dilation gap")])
                    + (g.padding == HW(square: 0) ? [] : [(.padding, "zero padding")])
                    + [(.current, "current"), (.pending, "pending")], plain: model.capabilities.colorDepth == .none),
            outputPanel: outputIndex,
            stepOfOutputCell: { r, c in grid.step(n: here.n, c: here.c, i: r, j: c) },
            showsNumbers: showsNumbers)
    }

    /// Layer and shapes, then the walk's output-size formulas, symbolically and with numbers.
    static func headerLines(_ walk: ConvForwardWalkthrough, step: ConvForwardStep, title: String, model: AppModel)
        -> [[Span]]
    {
        let layer = walk.layer
        let shapes = [(model.scene.inputName, walk.input.shape), ("W", layer.W.shape), ("Z", walk.output.shape)]
            .map { "\($0.0)\(Formatting.compactShape($0.1))" }.joined(separator: " ")
        let size =
            walk.layer.spatialAxes == 1 ? HW(1, walk.input.shape[2]) : HW(walk.input.shape[2], walk.input.shape[3])
        let skipped = ScreenParts.skippedNote(size: size, geometry: layer.geometry, spatialAxes: layer.spatialAxes)
        return [
            ScreenParts.titleLine(title, step: step.number, of: walk.stepCount, model: model),
            [Span(text: layer.summary, style: .bold), Span(text: "  " + shapes)],
        ]
            + SizeFormulaText.lines(
                walk.sizeFormulas, width: model.size.width,
                note: skipped.isEmpty ? [] : [Span(text: skipped, style: Style(foreground: .indexed(203)))])
            + ScreenParts.parameterBar(model)
    }

    /// Which output channels' kernels and maps are shown, when not all fit: `c` moves the focus.
    static func shownNote(kernels: ChannelWindow, outputs: ChannelWindow, sample: Int) -> [Span] {
        let parts =
            (kernels.isComplete ? [] : [kernels.note("W")])
            + (outputs.isComplete ? [] : [outputs.note("Z", prefix: [sample])])
        return [
            Span(text: parts.joined(separator: ", "), style: Style(foreground: .yellow)),
            Span(text: "  (\(KeyMap.key(.nextChannel)) moves the focus)", style: .dim),
        ]
    }

    /// The sum being made, the per-channel partial sums with the bias (folded to `width`
    /// columns when there are many channels), and the result.
    static func arithmeticLines(_ walk: ConvForwardWalkthrough, step: ConvForwardStep, width: Int) -> [[Span]] {
        let g = walk.layer.geometry
        let out = step.output
        let o = out[1]
        func position(_ index: Int, _ s: Int, _ d: Int, _ tap: String) -> String {
            let start = index * s
            let offset = d == 1 ? tap : "\(d)\(tap)"
            return start == 0 ? offset : "\(start)+\(offset)"
        }
        let definition: String
        if walk.layer.spatialAxes == 2 {
            let row = position(out[2], g.stride.h, g.dilation.h, "p")
            let column = position(out[3], g.stride.w, g.dilation.w, "q")
            definition = "Σ_c Σ_p,q W[\(o),c,p,q]·A_pad[\(out[0]),c,\(row),\(column)] + b[\(o)]"
        } else {
            definition =
                "Σ_c Σ_k W[\(o),c,k]·A_pad[\(out[0]),c,\(position(out[2], g.stride.w, g.dilation.w, "k"))] + b[\(o)]"
        }
        let name = "Z\(Formatting.index(out))"
        let indent = String(repeating: " ", count: name.count + 1)
        let sums = step.channelSums.enumerated().map { (value: $0.element, label: "c\($0.offset)") }
        return [
            [Span(text: name, style: .bold), Span(text: " = " + definition)],
            [Span(text: Formatting.foldedSum(lead: indent + "= ", sums + [(step.bias, "b")], width: width))],
            [
                Span(text: indent + "= "),
                Span(
                    text: Formatting.number(step.result),
                    style: Style(foreground: .black, background: .indexed(220), attributes: .bold)),
            ],
        ]
    }

    /// Text as wide as the widest per-channel sum could print, to size the products panel.
    static func widestSum(kernel: NumberExtent, input: NumberExtent, taps: Int) -> String {
        let (bound, integral) = productBound(kernel: kernel, input: input)
        return Formatting.number(integral ? -bound * Double(taps) : -bound * Double(taps) - 0.5)
    }

    /// The largest |weight · input| there can be, and whether both tensors hold integers,
    /// from the extents of W and A (their largest finite magnitudes; 0 when none is finite).
    static func productBound(kernel: NumberExtent, input: NumberExtent) -> (bound: Double, integral: Bool) {
        func largest(_ e: NumberExtent) -> Double { e.low <= e.high ? max(abs(e.low), abs(e.high)) : 0 }
        return (largest(kernel) * largest(input), kernel.integral && input.integral)
    }

    /// A column wide enough for any product of a weight and an input value.
    static func productNumberFormat(kernel: NumberExtent, input: NumberExtent) -> (width: Int, decimals: Int) {
        let (bound, integral) = productBound(kernel: kernel, input: input)
        return MapView.numberFormat(for: [-bound, integral ? 0 : 0.5])
    }
}
