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

        // Numbers when every column fits side by side (rows may scroll), otherwise heat maps
        // for the two big maps; kernels and products always show numbers.
        let mayScroll = channels * (paddedRows + 2) > body.height
        let rowNote = mayScroll ? " r\(paddedRows)–\(paddedRows)" : ""
        let inputName = g.padding == HW(square: 0) ? "A" : "A_pad"
        let titles = (input: "\(inputName)\(Formatting.index([here.n, channels - 1]))" + rowNote, kernel: "W\(Formatting.index([here.c, channels - 1]))",
                      product: "W⊙A Σ" + widestSum(kernel: layer.W, input: walk.input, taps: perChannel),
                      output: "Z\(Formatting.index([here.n, here.c]))")
        let numbers = (input: Panel.width(columns: paddedColumns, pitch: inputFormat.width + 1, title: titles.input),
                       kernel: Panel.width(columns: g.kernel.w, pitch: kernelFormat.width + 1, title: titles.kernel),
                       product: Panel.width(columns: g.kernel.w, pitch: productFormat.width + 1, title: titles.product),
                       output: Panel.width(columns: grid.columns, pitch: outputFormat.width + 1, title: titles.output))
        let numbersFit = numbers.input + numbers.kernel + numbers.product + numbers.output + 3 <= body.width
        let showsNumbers = model.display == .numbers || (model.display == .automatic && numbersFit)
        let heat = HeatmapMode(model.capabilities)
        let inputMode: MapView.Mode = showsNumbers
            ? .numbers(width: inputFormat.width, decimals: inputFormat.decimals)
            : .heat(heat, range: range(of: walk.input.at([here.n])))
        let outputMode: MapView.Mode = showsNumbers
            ? .numbers(width: outputFormat.width, decimals: outputFormat.decimals)
            : .heat(heat, range: range(of: outputValues))

        // Columns: input | kernels | products | output; products go first when space is short.
        let bigInput = showsNumbers ? numbers.input : Panel.width(columns: paddedColumns, pitch: 1, title: titles.input)
        let bigOutput = showsNumbers ? numbers.output : Panel.width(columns: grid.columns, pitch: 1, title: titles.output)
        let showsProducts = body.width - numbers.kernel - numbers.product - 3 >= 2 * 12
        let smallWidth = numbers.kernel + 1 + (showsProducts ? numbers.product + 1 : 0)
        let room = max(0, body.width - smallWidth - 1)
        let inputWidth = min(bigInput, max(12, room * bigInput / max(1, bigInput + bigOutput)))
        let outputWidth = min(bigOutput, max(0, room - inputWidth))
        let columns = body.splitColumns([.fixed(inputWidth), .fixed(1), .fixed(numbers.kernel), .fixed(1),
                                         .fixed(showsProducts ? numbers.product : 0), .fixed(showsProducts ? 1 : 0),
                                         .fixed(outputWidth)])

        // One band of rows per input channel, as many as fit; a band too short for its map scrolls.
        let naturalBand = max(MapView.lines(paddedRows, inputMode), g.kernel.h) + 2
        let bandHeight = min(naturalBand, max(3, body.height / max(1, channels)))
        let shownChannels = min(channels, max(1, body.height / bandHeight))
        let smallHeight = min(bandHeight, g.kernel.h + 2)
        var panels: [Panel] = []
        for c in 0..<shownChannels {
            let y = body.y + c * bandHeight
            let inputMap = MapView(rows: paddedRows, columns: paddedColumns, value: { sample[c, $0, $1] },
                                   mark: inputMark, mode: inputMode, focus: (windowRows, windowColumns))
            let more = c == shownChannels - 1 && shownChannels < channels ? " +\(channels - shownChannels) more" : ""
            panels.append(Panel(frame: Rect(x: columns[0].x, y: y, width: columns[0].width, height: bandHeight),
                                title: "\(inputName)\(Formatting.index([here.n, c]))\(more)", map: inputMap, isActive: true))
            let kernelMap = MapView(rows: g.kernel.h, columns: g.kernel.w, value: { kernels[c, $0, $1] },
                                    mark: { _, _ in .plain },
                                    mode: .numbers(width: kernelFormat.width, decimals: kernelFormat.decimals),
                                    focus: (0...0, 0...0))
            panels.append(Panel(frame: Rect(x: columns[2].x, y: y, width: columns[2].width, height: smallHeight),
                                title: "W\(Formatting.index([here.c, c]))", map: kernelMap))
            if showsProducts {
                let products = step.terms[(c * perChannel)..<((c + 1) * perChannel)].map(\.product)
                let productMap = MapView(rows: g.kernel.h, columns: g.kernel.w, value: { products[$0 * g.kernel.w + $1] },
                                         mark: { r, q in step.terms[c * perChannel + r * g.kernel.w + q].isPadding ? .padding : .tap },
                                         mode: .numbers(width: productFormat.width, decimals: productFormat.decimals),
                                         focus: (0...0, 0...0))
                panels.append(Panel(frame: Rect(x: columns[4].x, y: y, width: columns[4].width, height: smallHeight),
                                    title: "W⊙A Σ\(Formatting.number(step.channelSums[c]))", map: productMap))
            }
        }
        let outputMap = MapView(rows: grid.rows, columns: grid.columns, value: { outputValues[$0, $1] },
                                mark: outputMark, mode: outputMode, focus: (here.i...here.i, here.j...here.j))
        panels.append(Panel(frame: Rect(x: columns[6].x, y: body.y, width: columns[6].width,
                                        height: min(body.height, MapView.lines(grid.rows, outputMode) + 2)),
                            title: "Z\(Formatting.index([here.n, here.c]))", map: outputMap, isActive: true))
        let outputIndex = panels.count - 1
        // The bias of the current output channel, under the output map when there is room.
        let biasTop = panels[outputIndex].frame.maxY
        if biasTop + 3 <= body.maxY {
            let bias = layer.b.scalars[here.c]
            let biasFormat = MapView.numberFormat(for: [bias])
            panels.append(Panel(frame: Rect(x: columns[6].x, y: biasTop, width: min(columns[6].width, max(12, biasFormat.width + 8)), height: 3),
                                title: "b[\(here.c)]",
                                map: MapView(rows: 1, columns: 1, value: { _, _ in bias }, mark: { _, _ in .plain },
                                             mode: .numbers(width: biasFormat.width, decimals: biasFormat.decimals), focus: (0...0, 0...0))))
        }

        let status = [
            Formatting.statistics("A\(Formatting.index([here.n]))", walk.input.at([here.n])),
            Formatting.statistics("W\(Formatting.index([here.c]))", layer.W.at([here.c])),
            Formatting.statistics("Z\(Formatting.index([here.n, here.c]))", walk.output.at([here.n, here.c])),
        ]
        return ScreenPlan(header: header, panels: panels, arithmetic: arithmeticLines(walk, step: step),
                          status: status,
                          legends: showsNumbers ? [] : [("A", range(of: walk.input.at([here.n]))), ("Z", range(of: outputValues))],
                          markKey: markKey([(.tap, "window tap")] + (g.dilation == HW(square: 1) ? [] : [(.windowGap, "dilation gap")])
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
        let shapes = [("A", walk.input.shape), ("W", layer.W.shape), ("Z", walk.output.shape)]
            .map { "\($0.0)\(Formatting.compactShape($0.1))" }.joined(separator: " ")
        let size = walk.layer.spatialAxes == 1 ? HW(1, walk.input.shape[2]) : HW(walk.input.shape[2], walk.input.shape[3])
        let out = g.outputSize(forInput: size)
        let height = formula("H_out", size.h, g.padding.h, g.kernel.h, g.dilation.h, g.stride.h, out.h)
        let width = formula("W_out", size.w, g.padding.w, g.kernel.w, g.dilation.w, g.stride.w, out.w)
        let formulas = layer.spatialAxes == 1 ? [width]
            : height.dropFirst(5) == width.dropFirst(5) ? ["H_out = " + width] : [height, width]
        let skipped = skippedNote(size: size, geometry: g, spatialAxes: layer.spatialAxes)
        return [
            titleLine(title, step: step.number, of: walk.stepCount, model: model),
            [Span(text: layer.summary, style: .bold), Span(text: "  " + shapes)],
            [Span(text: formulas.joined(separator: "   "), style: Style(foreground: .cyan)), Span(text: skipped, style: Style(foreground: .indexed(203)))],
        ] + parameterBar(model)
    }

    /// Points out the trailing rows and columns of the padded input that no window reaches,
    /// when the stride does not divide what is left after the first window.
    static func skippedNote(size: HW, geometry g: ConvGeometry, spatialAxes: Int) -> String {
        let unreached = g.unreachedExtent(forInput: size)
        var parts: [String] = []
        if spatialAxes == 2 && unreached.h > 0 { parts.append("\(unreached.h) row\(unreached.h == 1 ? "" : "s")") }
        if unreached.w > 0 { parts.append("\(unreached.w) col\(unreached.w == 1 ? "" : "s")") }
        return parts.isEmpty ? "" : "  stride skips last " + parts.joined(separator: ", ")
    }

    /// The live sizes of a scene built from a recipe, the selected one highlighted.
    static func parameterBar(_ model: AppModel) -> [[Span]] {
        guard let recipe = model.scene.recipe else { return [] }
        let selected = model.parameterIndex % recipe.parameters.count
        var spans = [Span(text: "sizes ", style: .dim)]
        for (i, parameter) in recipe.parameters.enumerated() {
            let text = "\(parameter.name) \(parameter.value)"
            spans.append(Span(text: i == selected ? "‹\(text)›" : " \(text) ",
                              style: i == selected ? Style(foreground: .black, background: .cyan, attributes: .bold) : .plain))
        }
        spans.append(Span(text: "  e < >", style: .dim))
        return [spans]
    }

    /// `W_out = (7 + 2·1 − 3)//2 + 1 = 4`, with a dilation term only when d > 1.
    static func formula(_ name: String, _ n: Int, _ p: Int, _ k: Int, _ d: Int, _ s: Int, _ result: Int) -> String {
        let reach = d == 1 ? "\(k)" : "\(d)·(\(k)−1) − 1"
        let padding = p == 0 ? "" : " + 2·\(p)"
        return "\(name) = (\(n)\(padding) − \(reach))//\(s) + 1 = \(result)"
    }

    /// The sum being made, the per-channel partial sums with the bias, and the result.
    static func arithmeticLines(_ walk: ConvForwardWalkthrough, step: ConvForwardStep) -> [[Span]] {
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
            [Span(text: indent + "= " + Formatting.signedSum(sums + [(step.bias, "b")]))],
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

/// Shared by the screens.
extension ConvScreen {
    /// The first header line: app, scene, step counter and playback state.
    static func titleLine(_ title: String, step: Int, of count: Int, model: AppModel) -> [Span] {
        let scene = model.scenes.count > 1 ? " \(model.sceneIndex + 1)/\(model.scenes.count)" : ""
        let play = model.isPlaying ? "▶ \(Formatting.number(model.speed))/s" : "❚❚ paused"
        return [Span(text: "ConvScope\(scene)", style: Style(foreground: .cyan, attributes: .bold)),
                Span(text: " · step \(step + 1)/\(count) \(play) · "),
                Span(text: title, style: .bold)]
    }

    /// The finite range of a tensor's values, for heat-map colours.
    static func range(of tensor: Tensor) -> ClosedRange<Double> {
        let statistics = TensorStatistics(tensor)
        guard let low = statistics.min, let high = statistics.max else { return 0...1 }
        return low...high
    }

    /// A key to the cell marks: a sample of each mark's style and what it means.
    /// Without colour (`plain`), each sample carries the character `render` puts after
    /// marked numbers instead, since a colour swatch would not show.
    static func markKey(_ marks: [(CellMark, String)], plain: Bool = false) -> [Span] {
        marks.compactMap { mark, meaning -> [Span]? in
            if plain {
                guard let glyph = MarkStyle.textMark(mark) ?? (mark == .pending ? "·" : nil) else { return nil }
                return [Span(text: mark == .pending ? " ·  " : " 0\(glyph) "), Span(text: meaning + "  ")]
            }
            return [Span(text: mark == .pending ? " · " : " 0 ", style: MarkStyle.numberStyle(mark, value: 0)), Span(text: " \(meaning)  ")]
        }.flatMap { $0 }
    }
}
