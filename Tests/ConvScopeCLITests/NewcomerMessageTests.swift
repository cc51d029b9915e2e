import ConvScopeCore
import Foundation
import TensorFiles
import Testing

/// What a new user meets first (issue 13): options laid over a sample, a lone .npy or a
/// bundle without A, and the confirmations of what was written.
@Suite struct NewcomerMessageTests {
    static let note =
        "convscope: note: sample random-conv2d: its dLdZ (2, 8, 8, 8) does not fit conv2d's Z (2, 8, 16, 16) "
        + "with these options and is left out"

    /// The rendered screen without its first line (the title, which names the sample).
    static func body(_ screen: String) -> [Substring] {
        Array(screen.split(separator: "\n", omittingEmptySubsequences: false).dropFirst())
    }

    @Test(arguments: [("ones", "ones"), ("random", "seeded random")])
    func optionsThatChangeTheShapesReplaceTheSamplesGradient(_ gradient: String, _ named: String) throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let options = ["--stride", "1", "--phase", "dLdA", "--step", "300", "--gradient", gradient, "--size", "120x40"]
        let result = try ConvscopeProcess.run(["render", "--sample", "random-conv2d"] + options)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == Self.note + "; the backward pass starts from the default gradient (\(named))\n")
        #expect(result.stdout.split(separator: "\n").first?.hasSuffix("sample random-conv2d · default dLdZ") == true)
        // The same screen as the sample's tensors without their dLdZ, where the default is the rule.
        var tensors = try NPZ.read(contentsOf: samplesFolder.appendingPathComponent("random-conv2d.npz"))
        tensors["dLdZ"] = nil
        let bundle = scratch.appendingPathComponent("bundle.npz")
        try NPZ.write(tensors, to: bundle)
        let plain = try ConvscopeProcess.run(["render", "conv2d", bundle.path, "--padding", "1"] + options)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(Self.body(result.stdout) == Self.body(plain.stdout))
    }

    @Test func computeRunsForwardOnlyWhenTheSamplesGradientDoesNotFit() throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out.npz")
        let result = try ConvscopeProcess.run(["compute", "--sample", "random-conv2d", "--stride", "1", "-o", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == Self.note + "; only the forward pass runs\nconvscope: wrote \(out.path): Z\n")
        let sample = try NPZ.read(contentsOf: samplesFolder.appendingPathComponent("random-conv2d.npz"))
        let layer = try LayerSpec(kind: .conv2d, stride: [1], padding: [1]).makeLayer(from: sample)
        #expect(try NPZ.read(contentsOf: out) == ["Z": try layer.forward(sample["A"]!)])
        // Options that keep the shapes keep the sample's gradient, silently.
        let same = try ConvscopeProcess.run(["compute", "--sample", "random-conv2d", "--stride", "2", "-o", "-"])
        #expect(same.status == 0 && same.stderr.isEmpty && same.stdout.contains("dLdA"), "\(same.stderr)")
    }

    @Test func aLoneNpyIsReadAsA() throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let A = Tensor.randomNormal(shape: [1, 2, 9], seed: 7)
        let (npy, out) = (scratch.appendingPathComponent("a.npy"), scratch.appendingPathComponent("out.npz"))
        try NPY.write(A, to: npy)
        let relu = try ConvscopeProcess.run(["compute", "relu", npy.path, "-o", out.path])
        #expect(relu.status == 0, "\(relu.stderr)")
        #expect(try NPZ.read(contentsOf: out)["Z"] == A.map { max($0, 0) })
        let render = try ConvscopeProcess.run(["render", "relu", npy.path])
        #expect(render.status == 0 && render.stdout.contains("A (1,2,9)"), "\(render.stderr)")
        let weighted = [
            ["compute", "conv1d", npy.path, "-o", "-"], ["render", "conv2d", npy.path],
            ["view", "linear", npy.path],
        ]
        for command in weighted {
            try expectOneLineFailure(
                try ConvscopeProcess.run(command),
                phrase: "a lone .npy is read as A, but \(command[1]) also needs W: "
                    + "write an .npz with A, W, b, e.g. np.savez('bundle.npz', A=A, W=W, b=b)")
        }
        try expectOneLineFailure(
            try ConvscopeProcess.run(["compute", "scan-mlp-simple", npy.path, "-o", "-"]),
            phrase: "also needs w1, w2, w3: write an .npz with A, w1, w2, w3")
        try expectOneLineFailure(
            try ConvscopeProcess.run(["cnn", npy.path]),
            phrase: "the CNN needs both A (inputs) and Y (labels), and this has A")
    }

    @Test(arguments: [["compute", "-o", "-"], ["render"], ["view"]])
    func aBundleWithoutAListsItsKeys(_ command: [String]) throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let bundle = scratch.appendingPathComponent("x.npz")
        try NPZ.write(["arr_0": Tensor(shape: [1, 2, 9]), "a": Tensor(shape: [3])], to: bundle)
        let result = try ConvscopeProcess.run([command[0], "conv1d", bundle.path] + command.dropFirst())
        try expectOneLineFailure(
            result,
            phrase: "\(bundle.path): conv1d: the bundle has no 'A' (it has a, arr_0); "
                + "conv1d expects A (N, C, W), W, b (optional), dLdZ (optional); "
                + "np.savez(path, x) names arrays arr_0, arr_1…")
    }

    @Test func writingConfirmsPathAndKeys() throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out.npz")
        let result = try ConvscopeProcess.run(["compute", "--sample", "random-conv1d", "-o", out.path])
        #expect(result.status == 0)
        #expect(result.stderr == "convscope: wrote \(out.path): Z, dLdA, dLdW, dLdb\n")
        #expect(Set(try NPZ.read(contentsOf: out).keys) == ["Z", "dLdA", "dLdW", "dLdb"])
        // A summary on stdout is not a file: nothing to confirm.
        #expect(try ConvscopeProcess.run(["compute", "--sample", "random-conv1d", "-o", "-"]).stderr.isEmpty)
    }

    @Test func castConfirmsPathFramesAndMarkers() throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let cast = scratch.appendingPathComponent("steps.cast")
        let result = try ConvscopeProcess.run([
            "render", "--sample", "digits-box", "--cast", cast.path,
            "--steps", "2..5",
        ])
        #expect(result.status == 0 && result.stdout.isEmpty)
        let recording = try CastTests.Recording(contentsOf: cast)
        let frames = recording.outputs.filter { !$0.data.isEmpty }.count
        #expect(frames == 4 && recording.markers.count == 4)
        #expect(result.stderr == "convscope: wrote \(cast.path): 4 frames, 4 step markers\n")
    }
}
