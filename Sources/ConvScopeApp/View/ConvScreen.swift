import ConvScopeCore
import Terminal
import Walkthroughs

/// The convolution forward screen: every input channel of the current sample with its
/// zero padding and the window of the current step, the kernels of the current output
/// channel, the products of the step, and the output map filling in.
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
        let taps = Set(step.terms.prefix(perChannel).map { term -> Int in
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
        func outputMark(_ r: Int, _ c: Int) -> CellMark {
            let cell = grid.step(n: here.n, c: here.c, i: r, j: c)
            return cell == number ? .current : cell < number ? .done : .pending
        }

        let sample = padded.at([here.n])
        let outputValues = walk.output.reshaped([grid.samples, grid.channels, grid.rows, grid.columns]).at([here.n, here.c])
        let kernels = kernel.at([here.c])
        let inputFormat = MapView.numberFormat(for: sample.scalars)
        let kernelFormat = MapView.numberFormat(for: kernels.scalars)
        let outputFormat = MapView.numberFormat(for: outputValues.scalars)
        let productFormat = productNumberFormat(kernel: layer.W, input: walk.input)

        let header = headerLines(walk, step: step, title: title, model: model)
        let body = Bands(size: model.size, headerLines: header.count, arithmeticLines: 3, statusLines: 4).body

        // Columns: input channels | their kernels | the products | output, each kernel and
        // product beside its input channel. Columns keep the width their widest title could
        // need (the last channel, a scrolled row range, the widest sum), so nothing moves from
        // step to step. Numbers when all columns fit side by side (rows may scroll), otherwise
        // heat maps for the two big maps; kernels and products always show numbers, and the
        // products give way first when space is short.
        let mayScroll = channels * (paddedRows + 2) > body.height
        let rowNote = mayScroll ? " r\(paddedRows)–\(paddedRows)" : ""
        let inputName = g.padding == HW(square: 0) ? model.scene.inputName : "A_pad"
        let widest = (input: "\(inputName)\(Formatting.index([here.n, channels - 1]))" + rowNote,
                      kernel: "W\(Formatting.index([here.c, channels - 1]))",
                      product: "W⊙\(model.scene.inputName) Σ" + widestSum(kernel: layer.W, input: walk.input, taps: perChannel))
        let heat = HeatmapMode(model.capabilities)
        func layout(numbers: Bool, products: Bool) -> [(panels: [Panel], flexible: Bool)] {
            let inputMode: MapView.Mode = numbers
                ? .numbers(width: inputFormat.width, decimals: inputFormat.decimals)
                : .heat(heat, range: ScreenParts.range(of: walk.input.at([here.n])))
            let outputMode: MapView.Mode = numbers
                ? .numbers(width: outputFormat.width, decimals: outputFormat.decimals)
                : .heat(heat, range: ScreenParts.range(of: outputValues))
            // One band of rows per input channel, tall enough for its map and its kernel.
            let band = max(MapView.lines(paddedRows, inputMode), g.kernel.h) + 2
            var inputs: [Panel] = [], kernelPanels: [Panel] = [], productPanels: [Panel] = []
            for c in 0..<channels {
                let inputMap = MapView(rows: paddedRows, columns: paddedColumns, value: { sample[c, $0, $1] },
                                       mark: inputMark, mode: inputMode, focus: (windowRows, windowColumns))
                inputs.append(Panel(title: "\(inputName)\(Formatting.index([here.n, c]))", map: inputMap,
                                    isActive: true, reservedWidth: Panel.titleWidth(widest.input), slotHeight: band))
                let kernelMap = MapView(rows: g.kernel.h, columns: g.kernel.w, value: { kernels[c, $0, $1] },
                                        mode: .numbers(width: kernelFormat.width, decimals: kernelFormat.decimals))
                kernelPanels.append(Panel(title: "W\(Formatting.index([here.c, c]))", map: kernelMap,
                                          reservedWidth: Panel.titleWidth(widest.kernel), slotHeight: band))
                let term = { (r: Int, q: Int) in step.terms[c * perChannel + r * g.kernel.w + q] }
                let productMap = MapView(rows: g.kernel.h, columns: g.kernel.w, value: { term($0, $1).product },
                                         mark: { term($0, $1).isPadding ? .padding : .tap },
                                         mode: .numbers(width: productFormat.width, decimals: productFormat.decimals))
                productPanels.append(Panel(title: "W⊙\(model.scene.inputName) Σ\(Formatting.number(step.channelSums[c]))", map: productMap,
                                           reservedWidth: Panel.titleWidth(widest.product), slotHeight: band))
            }
            let outputMap = MapView(rows: grid.rows, columns: grid.columns, value: { outputValues[$0, $1] },
                                    mark: outputMark, mode: outputMode, focus: (here.i...here.i, here.j...here.j))
            let output = Panel(title: "Z\(Formatting.index([here.n, here.c]))", map: outputMap, isActive: true)
            return [(inputs, true), (kernelPanels, false), (products ? productPanels : [], false), ([output], true)]
        }
        let full = layout(numbers: true, products: true)
        // The products stay only where the input and output columns keep room for their titles.
        let titles = Panel.titleWidth(widest.input) + Panel.titleWidth("Z" + Formatting.index([here.n, here.c]))
        let roomForProducts = body.width - ColumnLayout.naturalWidth(of: full[1].panels)
            - ColumnLayout.naturalWidth(of: full[2].panels) - 3 >= max(2 * 12, titles)
        // Numbers first: the products give way when that lets every map show its numbers.
        let numbersFit = [roomForProducts, false].first { ColumnLayout.fits(layout(numbers: true, products: $0), in: body) }
        let showsNumbers = model.display == .numbers || (model.display == .automatic && numbersFit != nil)
        let showsProducts = roomForProducts && (!showsNumbers || (numbersFit ?? true))
        var panels = ColumnLayout.arrange(layout(numbers: showsNumbers, products: showsProducts), in: body)
        // The last input channel shown says how many more there are.
        let shownChannels = panels.prefix { $0.frame.x == body.x }.count
        if shownChannels < channels { panels[shownChannels - 1].notes.append("+\(channels - shownChannels) more") }
        let outputIndex = panels.count - 1
        // The bias of the current output channel, under the output map when there is room.
        let outputFrame = panels[outputIndex].frame
        if outputFrame.maxY + 3 <= body.maxY {
            let bias = layer.b.scalars[here.c]
            let biasFormat = MapView.numberFormat(for: [bias])
            let width = min(outputFrame.width, max(12, biasFormat.width + 8))
            panels.append(Panel(frame: Rect(x: outputFrame.x, y: outputFrame.maxY, width: width, height: 3),
                                title: "b[\(here.c)]",
                                map: MapView(rows: 1, columns: 1, value: { _, _ in bias },
                                             mode: .numbers(width: biasFormat.width, decimals: biasFormat.decimals))))
        }

        let status = [
            Formatting.statistics("\(model.scene.inputName)\(Formatting.index([here.n]))", walk.input.at([here.n])),
            Formatting.statistics("W\(Formatting.index([here.c]))", layer.W.at([here.c])),
            Formatting.statistics("Z\(Formatting.index([here.n, here.c]))", walk.output.at([here.n, here.c])),
        ]
        return ScreenPlan(header: header, panels: panels, arithmetic: arithmeticLines(walk, step: step, width: model.size.width),
                          status: status,
                          legends: showsNumbers ? [] : [(model.scene.inputName, ScreenParts.range(of: walk.input.at([here.n]))), ("Z", ScreenParts.range(of: outputValues))],
                          markKey: ScreenParts.markKey([(.tap, "window tap")] + (g.dilation == HW(square: 1) ? [] : [(.windowGap, "dilation gap")])
                                           + (g.padding == HW(square: 0) ? [] : [(.padding, "zero padding")])
                                           + [(.current, "current"), (.pending, "pending")], plain: model.capabilities.colorDepth == .none),
                          outputPanel: outputIndex,
                          stepOfOutputCell: { r, c in grid.step(n: here.n, c: here.c, i: r, j: c) },
                          showsNumbers: showsNumbers)
    }

    /// Layer and shapes, then the output-size formula with the current numbers.
    static func headerLines(_ walk: ConvForwardWalkthrough, step: ConvForwardStep, title: String, model: AppModel) -> [[Span]] {
        let layer = walk.layer
        let g = layer.geometry
        let shapes = [(model.scene.inputName, walk.input.shape), ("W", layer.W.shape), ("Z", walk.output.shape)]
            .map { "\($0.0)\(Formatting.compactShape($0.1))" }.joined(separator: " ")
        let size = walk.layer.spatialAxes == 1 ? HW(1, walk.input.shape[2]) : HW(walk.input.shape[2], walk.input.shape[3])
        let out = g.outputSize(forInput: size)
        let height = formula("H_out", size.h, g.padding.h, g.kernel.h, g.dilation.h, g.stride.h, out.h)
        let width = formula("W_out", size.w, g.padding.w, g.kernel.w, g.dilation.w, g.stride.w, out.w)
        let formulas = layer.spatialAxes == 1 ? [width]
            : height.dropFirst(5) == width.dropFirst(5) ? ["H_out = " + width] : [height, width]
        let skipped = ScreenParts.skippedNote(size: size, geometry: g, spatialAxes: layer.spatialAxes)
        return [
            ScreenParts.titleLine(title, step: step.number, of: walk.stepCount, model: model),
            [Span(text: layer.summary, style: .bold), Span(text: "  " + shapes)],
            [Span(text: formulas.joined(separator: "   "), style: Style(foreground: .cyan)), Span(text: skipped, style: Style(foreground: .indexed(203)))],
        ] + ScreenParts.parameterBar(model)
    }

    /// `W_out = (7 + 2·1 − 3)//2 + 1 = 4`, with a dilation term only when d > 1.
    static func formula(_ name: String, _ n: Int, _ p: Int, _ k: Int, _ d: Int, _ s: Int, _ result: Int) -> String {
        let reach = d == 1 ? "\(k)" : "\(d)·(\(k)−1) − 1"
        let padding = p == 0 ? "" : " + 2·\(p)"
        return "\(name) = (\(n)\(padding) − \(reach))//\(s) + 1 = \(result)"
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
            definition = "Σ_c Σ_p,q W[\(o),c,p,q]·A_pad[\(out[0]),c,\(position(out[2], g.stride.h, g.dilation.h, "p")),\(position(out[3], g.stride.w, g.dilation.w, "q"))] + b[\(o)]"
        } else {
            definition = "Σ_c Σ_k W[\(o),c,k]·A_pad[\(out[0]),c,\(position(out[2], g.stride.w, g.dilation.w, "k"))] + b[\(o)]"
        }
        let name = "Z\(Formatting.index(out))"
        let indent = String(repeating: " ", count: name.count + 1)
        let sums = step.channelSums.enumerated().map { (value: $0.element, label: "c\($0.offset)") }
        return [
            [Span(text: name, style: .bold), Span(text: " = " + definition)],
            [Span(text: Formatting.foldedSum(lead: indent + "= ", sums + [(step.bias, "b")], width: width))],
            [Span(text: indent + "= "), Span(text: Formatting.number(step.result), style: Style(foreground: .black, background: .indexed(220), attributes: .bold))],
        ]
    }

    /// Text as wide as the widest per-channel sum could print, to size the products panel.
    static func widestSum(kernel: Tensor, input: Tensor, taps: Int) -> String {
        let (bound, integral) = productBound(kernel: kernel, input: input)
        return Formatting.number(integral ? -bound * Double(taps) : -bound * Double(taps) - 0.5)
    }

    /// The largest |weight · input| there can be, and whether both tensors hold integers.
    static func productBound(kernel: Tensor, input: Tensor) -> (bound: Double, integral: Bool) {
        func scan(_ t: Tensor) -> (Double, Bool) {
            var largest = 0.0, integral = true
            for x in t.scalars where x.isFinite {
                largest = max(largest, abs(x))
                if integral && x != x.rounded() { integral = false }
            }
            return (largest, integral)
        }
        let (k, kIntegral) = scan(kernel), (a, aIntegral) = scan(input)
        return (k * a, kIntegral && aIntegral)
    }

    /// A column wide enough for any product of a weight and an input value.
    static func productNumberFormat(kernel: Tensor, input: Tensor) -> (width: Int, decimals: Int) {
        let (bound, integral) = productBound(kernel: kernel, input: input)
        return MapView.numberFormat(for: [-bound, integral ? 0 : 0.5])
    }
}
