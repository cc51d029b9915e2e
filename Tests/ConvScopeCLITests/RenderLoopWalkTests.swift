import ConvScopeCore
import Foundation
import TensorFiles
import Testing

/// `convscope render … --walk loop`: one iteration of the homework's loop, stages picked by
/// `--scene` with `--step` counting inside them, and one-line errors for what has no loop.
/// Expected numbers come from the library's layers on the same tensors.
@Suite struct RenderLoopWalkTests {
    static let A = Tensor(shape: [1, 2, 7, 7]) { Double(($0 * 7) % 10) - 3 }
    static let W = Tensor(shape: [3, 2, 3, 3]) { Double(($0 * 5) % 7) - 3 }
    static let b = Tensor([1, -2, 0.5])

    func render(_ layer: String, _ tensors: [String: Tensor], _ options: [String]) throws -> ConvscopeProcess.Result {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let bundle = scratch.appendingPathComponent("bundle.npz")
        try NPZ.write(tensors, to: bundle)
        return try ConvscopeProcess.run(
            ["render", layer, bundle.path, "--walk", "loop", "--size", "160x50", "--ascii"] + options)
    }

    /// `--step K` is iteration K of the stride-1 loop (the default stage): its result row is
    /// the column `Z[0, :, i, j]` of the library's Conv2d_stride1 on the padded input.
    @Test(arguments: [1, 12, 49]) func stepKIsIterationKOfTheLoop(step: Int) throws {
        let padded = Self.A.padded([(0, 0), (0, 0), (1, 1), (1, 1)])
        let core = try Conv2d(weight: Self.W, bias: Self.b).forward(padded)
        let result = try render(
            "conv2d", ["A": Self.A, "W": Self.W, "b": Self.b],
            ["--stride", "2", "--padding", "1", "--step", "\(step)"])
        #expect(result.status == 0, "\(result.stderr)")
        let (i, j) = ((step - 1) / 7, (step - 1) % 7)
        let lines = result.stdout.components(separatedBy: "\n")
        #expect(
            lines[2].hasPrefix("stage 2/3 Conv2d_stride1 on the padded input · 2 loops, H_out·W_out = 49 iterations"))
        #expect(
            result.stdout.contains("i = \(i), j = \(j) · A[:, :, \(i):\(i + 3), \(j):\(j + 3)] → Z[:, :, \(i), \(j)]"))
        let title = "+- Z[:, :, \(i), \(j)] -"
        let top = try #require(lines.firstIndex { $0.contains(title) }, "no result panel in\n\(result.stdout)")
        // The result panel's inside starts one past its left border.
        let border = lines[top].distance(
            from: lines[top].startIndex, to: try #require(lines[top].range(of: title)).lowerBound)
        let inside = lines[top + 1].dropFirst(border + 1).prefix { $0 != "|" }
        // Each value is followed by `<`, the plain-text mark of cells written now.
        let shown = inside.split { $0 == " " || $0 == "<" }.compactMap { Double($0) }
        #expect(shown.count == 3, "\(lines[top + 1])")
        for (o, value) in shown.enumerated() {
            #expect(abs(value - core[0, o, i, j]) <= 0.005, "o \(o): \(value) vs \(core[0, o, i, j])")
        }
    }

    @Test func sceneSelectsAStage() throws {
        let tensors = ["A": Self.A, "W": Self.W, "b": Self.b]
        let pad = try render("conv2d", tensors, ["--stride", "2", "--padding", "1", "--scene", "1"])
        #expect(pad.stdout.contains("stage 1/3 Pad the input by 1 with zeros · 1 step"), "\(pad.stdout)")
        #expect(pad.stdout.contains("A_pad = np.pad(A, ((0, 0), (0, 0), (1, 1), (1, 1)))"))
        let down = try render("conv2d", tensors, ["--stride", "2", "--padding", "1", "--scene", "3"])
        #expect(down.stdout.contains("stage 3/3 Downsample2d(2) · 1 step"), "\(down.stdout)")
        #expect(down.stdout.contains("Z = A[:, :, ::2, ::2]"))
        let dLdb = try render("conv2d", tensors, ["--stride", "2", "--padding", "1", "--phase", "dLdb"])
        #expect(dLdb.stdout.contains("dLdb = np.sum(dLdZ, axis=(0, 2, 3))"), "the default stage of dLdb is its sum")
    }

    @Test func poolingWalksItsWindowsThenDownsamples() throws {
        let result = try render("maxpool2d", ["A": Self.A], ["--kernel", "3", "--stride", "2", "--step", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("stage 1/2 MaxPool2d_stride1(3) · 2 loops, H_out·W_out = 25 iterations"))
        // Window (0, 1) of channel 0 is A[0, 0, 0:3, 1:4]; its first maximum, by the definition.
        let window = (0..<3).flatMap { r in (1..<4).map { c in (Self.A[0, 0, r, c], r * 3 + c - 1) } }
        let best = window.reduce(window[0]) { $1.0 > $0.0 ? $1 : $0 }
        #expect(result.stdout.contains("c0: max \(Int(best.0)) at idx \(best.1)"), "\(result.stdout)")
    }

    @Test func meanPoolingWritesEachWindowsSumAndMean() throws {
        let result = try render("meanpool2d", ["A": Self.A], ["--kernel", "2", "--step", "3"])
        #expect(result.status == 0, "\(result.stderr)")
        // Window (0, 2) of channel 1, by the definition: the four cells A[0, 1, 0:2, 2:4].
        let sum = [(0, 2), (0, 3), (1, 2), (1, 3)].reduce(0.0) { $0 + Self.A[0, 1, $1.0, $1.1] }
        try #require(sum.truncatingRemainder(dividingBy: 4) == 0, "the mean of these integers is whole: \(sum)")
        #expect(result.stdout.contains("c1: sum \(Int(sum)) / 4 = \(Int(sum) / 4)"), "\(result.stdout)")
    }

    @Test func whatHasNoLoopWalkIsRefusedInOneLine() throws {
        let cases: [([String], String)] = [
            (
                ["relu"],
                "--walk loop covers convolution, pooling and resampling; relu on built-in tensors has no loop walk "
                    + "(use --walk element)"
            ),
            (["conv2d", "--walk", "banana"], "--walk banana is not element or loop"),
            (
                ["conv2d", "--phase", "dLdA-taught"],
                "--phase dLdA-taught belongs to the element walk; the loop walk's dLdA is the taught route: use "
                    + "--phase dLdA"
            ),
            (
                ["conv2d", "--scene", "3"],
                "--scene 3 is out of range: the forward loop walk has stages 1 to 1 (Conv2d_stride1)"
            ),
            (
                ["conv2d", "--step", "26"],
                "--step 26 is out of range: the forward loop walk's stage 1 (Conv2d_stride1) has steps 1 to 25"
            ),
        ]
        for (arguments, message) in cases {
            let result = try ConvscopeProcess.run(
                ["render"] + arguments + (arguments.contains("--walk") ? [] : ["--walk", "loop"]))
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr == "convscope: \(message)\n", "\(arguments)")
        }
    }
}
