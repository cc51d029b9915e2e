import ConvScopeCore
import Foundation
import TensorFiles

/// The shipped samples: `index.json` and the bundles beside it.
///
/// The folder is `$CONVSCOPE_SAMPLES` when set, else the first `samples/` holding an
/// `index.json` in or above the executable's folder (a package checkout's `.build/…`),
/// else in or above the current directory.
struct SampleCatalog {
    static let environmentVariable = "CONVSCOPE_SAMPLES"

    let folder: URL
    let samples: [Sample]

    /// Finds the folder and reads its index.
    static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SampleCatalog {
        let folder = try locate(environment: environment)
        let index = folder.appendingPathComponent("index.json")
        do {
            let decoded = try JSONDecoder().decode(Index.self, from: Data(contentsOf: index))
            return SampleCatalog(folder: folder, samples: decoded.samples)
        } catch {
            throw CLIFailure("\(index.path): cannot read the sample index (\(error.localizedDescription))")
        }
    }

    private struct Index: Decodable {
        let samples: [Sample]
    }

    private static func locate(environment: [String: String]) throws -> URL {
        if let path = environment[environmentVariable], !path.isEmpty {
            let folder = URL(fileURLWithPath: path)
            guard hasIndex(folder) else {
                throw CLIFailure("\(environmentVariable)=\(path): there is no index.json in that folder")
            }
            return folder
        }
        let starts: [String?] = [
            Bundle.main.executableURL?.deletingLastPathComponent().path, FileManager.default.currentDirectoryPath,
        ]
        for start in starts.compactMap({ $0 }) {
            var directory = start
            while true {
                let folder = URL(fileURLWithPath: directory).appendingPathComponent("samples")
                if hasIndex(folder) { return folder }
                let parent = (directory as NSString).deletingLastPathComponent
                if parent == directory || parent.isEmpty { break }
                directory = parent
            }
        }
        throw CLIFailure(
            "cannot find the samples (a samples/index.json above the executable or the current directory); "
                + "set \(environmentVariable) to the samples folder")
    }

    private static func hasIndex(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.json").path)
    }

    /// The sample called `name`; an unknown name is an error that lists them all.
    func sample(named name: String) throws -> Sample {
        guard let sample = samples.first(where: { $0.name == name }) else {
            throw CLIFailure(
                "there is no sample \(name); the samples are \(samples.map(\.name).joined(separator: ", "))")
        }
        return sample
    }

    /// The tensors of a sample's bundle.
    func tensors(of sample: Sample) throws -> [String: Tensor] {
        try NPZ.read(contentsOf: folder.appendingPathComponent(sample.file))
    }
}
