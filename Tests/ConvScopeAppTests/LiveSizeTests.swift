import ConvScopeCore
import Terminal
import Testing

@testable import ConvScopeApp

/// The demo's live sizes: `e`/`E` select one, `>`/`<` rebuild the layer with it, sizes
/// that make no layer are explained, and the rows a stride never reaches are pointed out.
@Suite struct LiveSizeTests {
    /// The sizes of a square Conv2d, in the order the sizes line lists them.
    struct Sizes {
        var values: [String: Int]
        static let names = ["kernel", "stride", "pad", "dil", "C_in", "C_out", "input"]
        /// The strided demo scene's sizes, as the README describes it.
        static let strided = Sizes(values: [
            "kernel": 3, "stride": 2, "pad": 1, "dil": 1, "C_in": 2, "C_out": 2, "input": 7,
        ])

        subscript(_ name: String) -> Int { values[name]! }

        /// A layer built from these sizes, apart from the app.
        var layer: Conv2d {
            Conv2d(
                inChannels: self["C_in"], outChannels: self["C_out"], kernelSize: HW(square: self["kernel"]),
                stride: HW(square: self["stride"]), padding: HW(square: self["pad"]), dilation: HW(square: self["dil"]))
        }

        var inputShape: [Int] { [1, self["C_in"], self["input"], self["input"]] }

        /// The header's shapes and output-size formula for these sizes.
        func header() throws -> (shapes: String, formula: String) {
            let Z = try layer.outputShape(forInput: inputShape)
            let (k, d, p) = (self["kernel"], self["dil"], self["pad"])
            let s = self["stride"]
            // (W_in + 2p − d(K − 1) − 1)//s + 1, the padding, dilation and stride terms only where they do something.
            var symbols = "W_in" + (p == 0 ? "" : " + 2p") + (d == 1 ? " − K" : " − d(K − 1) − 1")
            var numbers =
                "\(self["input"])" + (p == 0 ? "" : " + 2·\(p)") + (d == 1 ? " − \(k)" : " − \(d)·(\(k) − 1) − 1")
            if s > 1 { (symbols, numbers) = ("(\(symbols))//s", "(\(numbers))//\(s)") }
            let shapes =
                "A(1,\(self["C_in"]),\(self["input"]),\(self["input"])) W(\(self["C_out"]),\(self["C_in"]),\(k),\(k)) "
                + "Z(\(Z.map(String.init).joined(separator: ",")))"
            return (shapes, "H_out = W_out = \(symbols) + 1 = \(numbers) + 1 = \(Z[2])")
        }
    }

    /// The strided demo scene at 120×40 (at 80 columns a dilated layer's shapes are cut off).
    func strided() throws -> AppModel { try AppFixtures.demo(size: AppFixtures.large).pressing(.tab) }

    @Test func eAndShiftESelectEachSizeInTurn() throws {
        for (key, names) in [
            (Key.character("e"), Sizes.names.dropFirst() + ["kernel"]), (.character("E"), Sizes.names.reversed()),
        ] {
            var model = try strided()
            #expect(model.render().plainTextLines()[3].contains("‹kernel 3›"))
            for name in names {
                model.press(key)
                #expect(
                    model.render().plainTextLines()[3].contains("‹\(name) \(Sizes.strided[name])›"), "\(key): \(name)")
            }
        }
    }

    /// Each size one up, then two down (padding stops at 0, the others at 1): the header
    /// matches an independently built layer.
    @Test(arguments: 0..<7) func aChangedSizeRebuildsTheLayer(index: Int) throws {
        var model = try strided().pressing(Key.repeated(.character("e"), index))
        var sizes = Sizes.strided
        let name = Sizes.names[index]
        for (key, delta) in [(Key.character(">"), 1), (.character("<"), -1), (.character(","), -1)] {
            model.press(key)
            sizes.values[name] = max(sizes[name] + delta, name == "pad" ? 0 : 1)
            let lines = model.render().plainTextLines()
            let expected = try sizes.header()
            #expect(lines[1].hasSuffix(expected.shapes), "\(name) \(sizes[name]): \(lines[1])")
            #expect(lines[2].hasPrefix(expected.formula), "\(name) \(sizes[name]): \(lines[2])")
            #expect(lines[3].contains("‹\(name) \(sizes[name])›"))
            let outputs = Tensor.count(of: try sizes.layer.outputShape(forInput: sizes.inputShape))
            #expect(model.step == 0 && model.stepCount == outputs)
        }
    }

    /// The influence scene (6×6, kernel 3) shrunk to a 2×2 input: the library's reason on
    /// screen, every key harmless, and the layer back when the input grows to 3×3.
    @Test func impossibleSizesAreExplainedUntilChangedBack() throws {
        var model = try AppFixtures.demo().pressing(Key.repeated(.character("e"), 6) + Key.repeated(.character("<"), 4))
        let reason = #expect(throws: LayerError.self) {
            try Conv2d(inChannels: 1, outChannels: 2, kernelSize: HW(square: 3)).outputShape(forInput: [1, 1, 2, 2])
        }
        let screen = ScreenText(buffer: model.render())
        #expect(screen.line(1) == "these sizes make no layer")
        #expect(screen.line(2).contains("‹input 2›"))
        let panel = try #require(screen.panel(titled: "impossible"))
        let explanation = (panel.y..<panel.maxY).map {
            screen.words(inRow: $0, of: panel).map(\.text).joined(separator: " ")
        }
        #expect(explanation.joined(separator: " ").hasPrefix(try #require(reason?.message)), "\(explanation)")

        for key in [Key.right, .character("b"), .character("v"), .character("c"), .down, .character("G")] {
            let pressed = model.pressing(key)
            #expect(pressed.render().plainTextLines()[1] == "these sizes make no layer", "\(key)")
        }
        model.update(.mouse(MouseEvent(button: .left, x: panel.x + 2, y: panel.y)))
        model.press(.character(">"))
        let lines = model.render().plainTextLines()
        #expect(lines[0].contains("step 1/2"))
        #expect(lines[2] == "H_out = W_out = W_in − K + 1 = 3 − 3 + 1 = 1")
    }

    @Test func poolingWithAKernelLargerThanItsInputIsExplained() throws {
        // Max pooling 3×3 of 7×7: the kernel grown to 8.
        let model = try AppFixtures.demo().pressing(Key.repeated(.tab, 3) + Key.repeated(.character(">"), 5))
        let reason = #expect(throws: LayerError.self) {
            try MaxPool2d(kernel: 8, stride: 2).outputShape(forInput: [1, 1, 7, 7])
        }
        let text = model.render().plainText()
        #expect(text.contains("these sizes make no layer"))
        #expect(text.contains(try #require(reason?.message.split(separator: ":").first)))
    }

    /// `(H + 2p − d(K−1) − 1) % s` rows (and as many columns) are never read, and said so exactly then.
    @Test func theSkippedRowsAreNotedExactlyWhenTheStrideLeavesSome() throws {
        for (input, kernel, stride, padding, dilation) in [
            (5, 3, 2, 0, 1), (6, 3, 2, 0, 1), (7, 2, 3, 1, 2), (8, 3, 3, 1, 1),
            (7, 3, 2, 1, 1), (9, 2, 4, 0, 2), (6, 1, 4, 0, 1), (6, 3, 1, 2, 2),
        ] {
            let recipe = Recipe.convolution(
                inChannels: 1, outChannels: 1, kernel: kernel, stride: stride, padding: padding,
                dilation: dilation, inputSize: input)
            // The formula and its note, however many lines they take above the sizes line.
            let lines = AppFixtures.single(try recipe.scene(title: "skip")).render().plainTextLines()
            let sizesLine = try #require(lines.firstIndex { $0.hasPrefix("sizes ") })
            let formula = lines[2..<sizesLine].map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            let left = (input + 2 * padding - dilation * (kernel - 1) - 1) % stride
            let note =
                left == 0
                ? nil : "stride skips last \(left) row\(left == 1 ? "" : "s"), \(left) col\(left == 1 ? "" : "s")"
            #expect(
                formula.hasSuffix(note ?? " + 1 = \((input + 2 * padding - dilation * (kernel - 1) - 1) / stride + 1)"),
                "H \(input) K \(kernel) s \(stride) p \(padding) d \(dilation): \(formula)")
            #expect(formula.contains("skips") == (left != 0))
        }
    }
}
