import ConvScopeCore
import Foundation
import Terminal
import Testing
import Walkthroughs

@testable import ConvScopeApp

/// Conv1d screens name one spatial axis (`[n,c,w]`, `[o,c,k]`, shapes `(N, C, W)`), the
/// taught route pads dL/dZ by K − 1 on each axis, and every term index starts with n.
@Suite struct OneDimensionalTextTests {
    /// A Conv1d(2 → 2, K, stride 2, padding 1) on a seeded (2, 2, 11) input, dL/dZ random.
    static func conv1d(kernel: Int) throws -> Scene {
        let geometry = ConvGeometry(kernel: HW(1, kernel), stride: HW(1, 2), padding: HW(0, 1))
        let layer = ConvFunction(
            inChannels: 2, outChannels: 2, spatialAxes: 1, geometry: geometry,
            W: Tensor.randomNormal(shape: [2, 2, kernel], seed: 31), b: Tensor([0, 0]))
        return try Scene.convolution(
            "conv1d", layer: layer, input: Tensor.randomNormal(shape: [2, 2, 11], seed: 32),
            upstream: .random(seed: 33))
    }

    /// A Conv2d(1 → 2) with a kH × kW kernel on a (1, 1, 6, 6) input.
    static func conv2d(kernel: HW) throws -> Scene {
        let layer = ConvFunction(
            inChannels: 1, outChannels: 2, spatialAxes: 2, geometry: ConvGeometry(kernel: kernel),
            W: Tensor.randomNormal(shape: [2, 1, kernel.h, kernel.w], seed: 34), b: Tensor([0, 0]))
        return try Scene.convolution(
            "conv2d", layer: layer, input: Tensor.randomNormal(shape: [1, 1, 6, 6], seed: 35),
            upstream: .random(seed: 36))
    }

    static func text(_ scene: Scene, _ phase: Pass, step: Int) -> [String] {
        ShownValues.screen(scene, phase: phase, step: step).buffer.plainTextLines()
    }

    /// Every match of `pattern` in `lines`.
    static func matches(_ pattern: String, in lines: [String]) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern)
        return lines.flatMap { line in
            regex.matches(in: line, range: NSRange(line.startIndex..., in: line)).map {
                String(line[Range($0.range, in: line)!])
            }
        }
    }

    /// Finds the term labels `term` matches in `lines` (at least one) and checks each matches `all` whole.
    static func expectTerms(
        _ term: String, in lines: [String], all: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let terms = try matches(term, in: lines)
        #expect(!terms.isEmpty, sourceLocation: sourceLocation)
        for label in terms {
            #expect(try matches(all, in: [label]).count == 1, "\(label)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [2, 4, 5]) func taughtRoutePadsByKMinusOne(kernel: Int) throws {
        let lines = Self.text(try Self.conv1d(kernel: kernel), .taught, step: 3)
        #expect(lines[1].contains("G = dLdZ ↑2 pad \(kernel - 1), flip W, crop"), "\(lines[1])")
        #expect(lines[2].hasPrefix("dLdA_pad[n,c,x] = Σ_o Σ_k G[n,o,x+k]·flip(W)[o,c,k]"))
        // Padded width 11 + 2·1; the crop is the forward padding, 1.
        #expect(lines.contains { $0.contains("crop 1 from each side of dLdA_pad (13,) gives dLdA") })
        #expect(lines.contains { $0.hasPrefix("dLdA[0,0,3] = dLdA_pad[0,0,4] = ") })
        // W[:, 0] in NumPy drops the input-channel axis: (O, K).
        #expect(lines.contains { $0.hasPrefix("flip(W)[:,0] (2, \(kernel))") })
        #expect(lines.contains { $0.hasPrefix("dLdA_pad[0,0] (13,)") })
        #expect(try Self.matches(#"\[\d+(,\d+){3}\]"#, in: lines).isEmpty, "a 4-d index on a Conv1d screen")
    }

    @Test func rectangularKernelsPadByEachAxis() throws {
        let lines = Self.text(try Self.conv2d(kernel: HW(3, 2)), .taught, step: 0)
        #expect(lines[1].contains("pad (2, 1), flip W"), "\(lines[1])")
        let square = Self.text(try Self.conv2d(kernel: HW(3, 3)), .taught, step: 0)
        #expect(square[1].contains("pad 2, flip W"), "\(square[1])")
    }

    @Test func inputGradientTermsNameOneAxisAndTheSample() throws {
        let scene = try Self.conv1d(kernel: 4)
        // Sample 1, channel 1, w 5: step (1·2 + 1)·11 + 5.
        let lines = Self.text(scene, .dLdA, step: 38)
        #expect(lines[2].hasPrefix("dLdA[n,c,w] = Σ_o Σ_k dLdZ[n,o,w']·W[o,c,k]"))
        try Self.expectTerms(#"dLdZ\[[\d,]*\]·W\[[\d,]*\]"#, in: lines, all: #"^dLdZ\[1,[01],\d+\]·W\[[01],1,[0-3]\]$"#)
    }

    @Test func twoDimensionalInputGradientTermsKeepTheSample() throws {
        try Self.expectTerms(
            #"dLdZ\[[\d,]*\]·W\[[\d,]*\]"#, in: Self.text(try Self.conv2d(kernel: HW(3, 2)), .dLdA, step: 14),
            all: #"^dLdZ\[0,[01],\d+,\d+\]·W\[[01],0,\d,\d\]$"#)
    }

    @Test func weightAndBiasGradientsUseOneDimensionalNames() throws {
        let scene = try Self.conv1d(kernel: 4)
        let weight = Self.text(scene, .dLdW, step: 2)
        #expect(weight[2].hasPrefix("dLdW[o,c,k] = Σ_n Σ_w dLdZ[n,o,w] · A_pad[n,c,w·s+k·d]"))
        try Self.expectTerms(
            #"dLdZ\[[\d,]*\]·(A\[[\d,]*\]|pad)"#, in: weight, all: #"^dLdZ\[[01],0,\d+\]·(A\[[01],0,\d+\]|pad)$"#)
        #expect(Self.text(scene, .dLdb, step: 1)[2].hasPrefix("dLdb[o] = Σ_n Σ_w dLdZ[n,o,w]"))
    }
}
