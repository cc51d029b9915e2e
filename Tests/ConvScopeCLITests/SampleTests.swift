import ConvScopeCore
import Foundation
import TensorFiles
import Testing

/// `convscope samples` and `--sample NAME` on compute, view and render, against the
/// shipped samples/ folder.
@Suite struct SampleTests {
    struct Entry: Decodable, CustomTestStringConvertible, Sendable {
        let name: String
        let file: String
        let layer: String
        let about: String
        var testDescription: String { name }
    }

    static let entries: [Entry] = {
        struct Index: Decodable { let samples: [Entry] }
        let data = try! Data(contentsOf: samplesFolder.appendingPathComponent("index.json"))
        return try! JSONDecoder().decode(Index.self, from: data).samples
    }()

    @Test func theIndexAndTheFolderAgreeAndStaySmall() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: samplesFolder.path)
        #expect(Set(files) == Set(Self.entries.map(\.file) + ["index.json"]))
        #expect(Set(Self.entries.map(\.name)).count == Self.entries.count, "sample names are unique")
        let total = try files.reduce(0) { sum, file in
            sum
                + (try FileManager.default.attributesOfItem(atPath: samplesFolder.appendingPathComponent(file).path)[
                    .size] as! Int)
        }
        #expect(total < 1_000_000)
        #expect(
            Set(Self.entries.map(\.layer)).isSuperset(of: LayerKind.allCases.map(\.rawValue)),
            "every layer has a sample")
    }

    @Test func samplesListsEveryEntryWithItsShapes() throws {
        // From another directory, so only the walk up from the executable can find them.
        let result = try ConvscopeProcess.run(["samples"], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.hasPrefix("NAME") == true)
        // Every line but the one naming the folder, whose length is the checkout's.
        #expect(lines.allSatisfy { $0.count <= 100 || $0.contains(samplesFolder.path) }, "fits 100 columns")
        for entry in Self.entries {
            let start = try #require(lines.firstIndex { $0.hasPrefix(entry.name + " ") }, "\(entry.name) is listed")
            #expect(lines[start].split(separator: " ")[1] == entry.layer)
            // The row, its continuation lines, then the description wrapped on indented lines.
            let rest = lines[(start + 1)...].prefix { $0.hasPrefix(" ") }
            let continued = rest.prefix { $0.hasPrefix(String(repeating: " ", count: 20)) }
            let about = rest.dropFirst(continued.count).map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(about.joined(separator: " ") == entry.about)
        }
        /// Every tensor listed for a sample, whatever line it lands on.
        func tensors(of name: String) throws -> String {
            let start = try #require(lines.firstIndex { $0.hasPrefix(name + " ") })
            let continued = lines[(start + 1)...].prefix { $0.hasPrefix(String(repeating: " ", count: 20)) }
            return ([lines[start]] + continued).joined(separator: " ")
        }
        let digits = try tensors(of: "digits-sobel-x")
        #expect(["--padding 1", "A (4, 1, 8, 8)", "W (1, 1, 3, 3)"].allSatisfy(digits.contains))
        let scan = try tensors(of: "scan-mlp-simple")
        #expect(["A (1, 24, 128)", "w1 (192, 8)", "w2 (8, 16)", "w3 (16, 4)"].allSatisfy(scan.contains))
        let train = try tensors(of: "digits-train")
        #expect(train.contains("A (40, 1, 8, 8)") && train.contains("Y (40,)") && !train.contains("W ("))
    }

    /// The samples of single layers; `cnn` samples are labelled batches for the CNN screen.
    static let layerEntries = entries.filter { $0.layer != "cnn" }

    @Test(arguments: layerEntries)
    func computeRunsOnTheSample(_ entry: Entry) throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out.npz")
        let result = try ConvscopeProcess.run(["compute", "--sample", entry.name, "-o", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let outputs = try NPZ.read(contentsOf: out)
        let bundle = try NPZ.read(contentsOf: samplesFolder.appendingPathComponent(entry.file))
        #expect(outputs["Z"] != nil)
        #expect((outputs["dLdA"] != nil) == (bundle["dLdZ"] != nil), "backward runs when the sample has dLdZ")
    }

    @Test func theCNNSampleIsALabelledBatchThatComputePointsToCNN() throws {
        let entry = try #require(Self.entries.first { $0.layer == "cnn" })
        let bundle = try NPZ.read(contentsOf: samplesFolder.appendingPathComponent(entry.file))
        let (A, Y) = (try #require(bundle["A"]), try #require(bundle["Y"]))
        #expect(A.rank == 4 && A.shape[1] == 1 && Y.shape == [A.shape[0]])
        #expect(Set(Y.scalars) == Set((0..<10).map(Double.init)), "every digit class is in the batch")
        let result = try ConvscopeProcess.run(["compute", "--sample", entry.name, "-o", "-"])
        #expect(result.status == 1 && result.stderr.contains("convscope cnn --sample \(entry.name)"))
    }

    @Test func renderOpensTheSampleWithItsOptions() throws {
        let result = try ConvscopeProcess.run(["render", "--sample", "digits-sobel-x", "--step", "10"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("sample digits-sobel-x"))
        #expect(result.stdout.contains("Conv2d(1, 1, kernel 3, padding 1)"))
        #expect(result.stdout.contains("(4,1,8,8)"))
    }

    @Test func givenOptionsOverrideTheSamples() throws {
        let result = try ConvscopeProcess.run([
            "render", "conv2d", "--sample", "digits-sobel-x", "--padding", "0", "--stride", "2",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Conv2d(1, 1, kernel 3, stride 2)"))
        #expect(result.stdout.contains("(4,1,3,3)"))
    }

    @Test func anotherLayerTakesOnlyTheSamplesTensors() throws {
        let result = try ConvscopeProcess.run(["render", "maxpool2d", "--sample", "digits-sobel-x"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("MaxPool2d(kernel 2, stride 2)") && result.stdout.contains("(4,1,4,4)"))
        #expect(!result.stdout.contains("padding"))
    }

    @Test func viewLoadsTheSampleBeforeAskingForATerminal() throws {
        let result = try ConvscopeProcess.run(["view", "--sample", "image-sobel"])
        try expectOneLineFailure(result, phrase: "terminal")
    }

    @Test(arguments: [
        ["compute", "--sample", "nope", "-o", "-"], ["view", "--sample", "nope"], ["render", "--sample", "nope"],
    ])
    func anUnknownSampleIsOneLineListingTheNames(_ arguments: [String]) throws {
        let result = try ConvscopeProcess.run(arguments)
        try expectOneLineFailure(result, phrase: "there is no sample nope; the samples are digits-sobel-x, ")
        #expect(Self.entries.allSatisfy { result.stderr.contains($0.name) })
    }

    @Test func aBundleAndASampleTogetherAreRefused() throws {
        let result = try ConvscopeProcess.run(["compute", "conv2d", "bundle.npz", "--sample", "digits-box", "-o", "-"])
        try expectOneLineFailure(result, phrase: "not both")
    }

    @Test func theEnvironmentVariableNamesTheFolder() throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.copyItem(
            at: samplesFolder.appendingPathComponent("random-relu.npz"),
            to: scratch.appendingPathComponent("mine.npz"))
        try Data(
            #"{"samples": [{"name": "mine", "file": "mine.npz", "layer": "relu", "options": {}, "about": "my own"}]}"#
                .utf8
        )
        .write(to: scratch.appendingPathComponent("index.json"))
        let listed = try ConvscopeProcess.run(["samples"], environment: ["CONVSCOPE_SAMPLES": scratch.path])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.split(separator: "\n").filter { $0.hasPrefix("mine ") }.count == 1)
        #expect(!listed.stdout.contains("digits-"))
        let empty = scratch.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: false)
        let missing = try ConvscopeProcess.run(["samples"], environment: ["CONVSCOPE_SAMPLES": empty.path])
        try expectOneLineFailure(missing, phrase: "CONVSCOPE_SAMPLES")
    }
}
