import ConvScopeCore
import Foundation
import TensorFiles
import Testing

/// `convscope compute` end to end: the binary, real files, exit codes and stderr.
@Suite struct ComputeCommandTests {
    /// The golden fixtures written by `scripts/make_layer_fixtures.py`.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("ConvScopeCoreTests/Fixtures")

    /// A conv2d bundle with stride, padding and dilation whose expected outputs NumPy computed.
    @Test func conv2dReproducesTheGoldenFixture() throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let fixture = Self.fixtures.appendingPathComponent("conv2d_pairs.npz")
        let expected = try NPZ.read(contentsOf: fixture)
        let out = scratch.appendingPathComponent("out.npz")
        let stride = expected["stride"]!.scalars.map { String(Int($0)) }.joined(separator: ",")
        let padding = expected["padding"]!.scalars.map { String(Int($0)) }.joined(separator: ",")
        let dilation = expected["dilation"]!.scalars.map { String(Int($0)) }.joined(separator: ",")
        let result = try ConvscopeProcess.run([
            "compute", "conv2d", fixture.path, "--stride", stride,
            "--padding", padding, "--dilation", dilation, "-o", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let got = try NPZ.read(contentsOf: out)
        #expect(Set(got.keys) == ["Z", "dLdA", "dLdW", "dLdb"])
        for key in got.keys {
            #expect(got[key]!.shape == expected[key]!.shape, "\(key)")
            #expect(got[key]!.maxAbsDifference(expected[key]!) < 1e-12, "\(key)")
        }
    }

    @Test func forwardOnlyWhenTheBundleHasNoGradient() throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let bundle = scratch.appendingPathComponent("in.npz")
        try NPZ.write(["A": Tensor(shape: [1, 1, 5], scalars: [1, 2, 3, 4, 5])], to: bundle)
        let out = scratch.appendingPathComponent("out.npz")
        let result = try ConvscopeProcess.run(["compute", "downsample1d", bundle.path, "--factor", "2", "-o", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let got = try NPZ.read(contentsOf: out)
        #expect(got == ["Z": Tensor(shape: [1, 1, 3], scalars: [1, 3, 5])])
    }

    @Test func dashPrintsASummary() throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let bundle = scratch.appendingPathComponent("in.npz")
        try NPZ.write(
            ["A": Tensor(shape: [1, 3], scalars: [-1, 0, 2]), "dLdZ": Tensor(shape: [1, 3], repeating: 1)], to: bundle)
        let result = try ConvscopeProcess.run(["compute", "relu", bundle.path, "-o", "-"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("Z     (1, 3)  min +0") && lines[0].contains("max +2"))
        #expect(lines[1].hasPrefix("dLdA  (1, 3)  min +0") && lines[1].contains("max +1"))
    }
}
