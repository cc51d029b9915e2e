import ConvScopeCore
import Foundation
import TensorFiles
import Testing

/// `convscope render` of backward passes and transposed-convolution stages, and its one-line
/// errors for a pass a screen does not have and a step out of range. Expected numbers come
/// from layers built here on the same bundle.
@Suite struct RenderCommandTests {
    static let A = Tensor.randomNormal(shape: [1, 2, 6, 5], seed: 51)
    static let W = Tensor.randomNormal(shape: [3, 2, 2, 3], seed: 52)
    static let b = Tensor.randomNormal(shape: [3], seed: 53)
    /// The bundle's dLdZ, shaped like Z of the stride-2, padding-1 layer: (1, 3, 4, 3).
    static let dLdZ = Tensor.randomNormal(shape: [1, 3, 4, 3], seed: 54)

    /// Runs `convscope render ARGS` on a bundle of `tensors` written to a scratch folder.
    func render(_ layer: String, _ tensors: [String: Tensor], _ options: [String]) throws -> ConvscopeProcess.Result {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let bundle = scratch.appendingPathComponent("bundle.npz")
        try NPZ.write(tensors, to: bundle)
        return try ConvscopeProcess.run(["render", layer, bundle.path] + options)
    }

    func expectOneLineFailure(
        _ result: ConvscopeProcess.Result, _ message: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(result.status == 1, sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(result.stderr == "convscope: \(message)\n", sourceLocation: sourceLocation)
    }

    @Test(arguments: [1, 17, 36]) func weightGradientStep(step: Int) throws {
        let conv = try Conv2d(weight: Self.W, bias: Self.b, stride: HW(square: 2), padding: HW(square: 1))
        _ = try conv.forward(Self.A)
        _ = try conv.backward(Self.dLdZ)
        let result = try render(
            "conv2d", ["A": Self.A, "W": Self.W, "b": Self.b, "dLdZ": Self.dLdZ],
            ["--stride", "2", "--padding", "1", "--phase", "dLdW", "--step", "\(step)", "--size", "120x40"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.components(separatedBy: "\n")
        #expect(lines[0].contains("step \(step)/\(conv.dLdW.count)"))
        let element = conv.dLdW.index(ofOffset: step - 1)
        let name = "dLdW[" + element.map(String.init).joined(separator: ",") + "] = "
        let row = try #require(lines.firstIndex { $0.hasPrefix(name) }, "no \(name) in\n\(result.stdout)")
        let shown = try #require(
            lines[row + 1].split(separator: " ").dropFirst().first.flatMap { Double($0) }, "\(lines[row + 1])")
        #expect(
            abs(shown - conv.dLdW.scalars[step - 1]) <= 0.5e-4, "\(lines[row + 1]) vs \(conv.dLdW.scalars[step - 1])")
    }

    @Test func secondSceneOfATransposedConvolution() throws {
        let (A, W) = (
            Tensor.randomNormal(shape: [1, 2, 5], seed: 55), Tensor.randomNormal(shape: [3, 2, 2], seed: 56)
        )
        let Z = try ConvTranspose1d(weight: W, bias: nil, upsamplingFactor: 3).forward(A)
        let result = try render("convtranspose1d", ["A": A, "W": W], ["--factor", "3", "--scene", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        let header = result.stdout.prefix { $0 != "\n" }
        #expect(header.hasPrefix("ConvScope 2/2 · step 1/\(Z.count) "), "\(header)")
        #expect(header.hasSuffix("ConvTranspose1d stage 2/2: Z = conv(A↑), stride 1"), "\(header)")
        expectOneLineFailure(
            try render("convtranspose1d", ["A": A, "W": W], ["--scene", "3"]),
            "--scene 3 is out of range: this layer has scenes 1 to 2")
    }

    @Test func aPassTheScreenDoesNotHaveIsOneLine() throws {
        expectOneLineFailure(
            try render("relu", ["A": Self.A], ["--phase", "dLdW"]),
            "--phase dLdW does not exist for this screen; it has forward, dLdA")
    }

    @Test(arguments: [0, 37]) func aStepOutOfRangeIsOneLine(step: Int) throws {
        let options = ["--stride", "2", "--padding", "1", "--phase", "dLdW", "--step", "\(step)"]
        expectOneLineFailure(
            try render("conv2d", ["A": Self.A, "W": Self.W], options),
            "--step \(step) is out of range: the dLdW screen has steps 1 to 36")
    }
}
