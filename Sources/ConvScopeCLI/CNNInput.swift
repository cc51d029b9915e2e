import ConvScopeApp
import ConvScopeCore
import Foundation
import TensorFiles

/// The labelled batch and network `cnn` and `render cnn` open: from a bundle, a sample or the
/// built-in patterns, with the architecture of `CNNArguments` when one is named.
struct CNNInput {
    let session: NetworkSession
    let title: String

    /// Reads the batch and builds the network; every problem is one line naming the source.
    static func load(bundle: String?, sample: String?, arguments: CNNArguments) throws -> CNNInput {
        if bundle != nil && sample != nil { throw CLIFailure("give either a bundle or --sample, not both") }
        let source = sample.map { "sample \($0)" } ?? bundle ?? "built-in data"
        var tensors: [String: Tensor] = [:]
        var options: Sample.Options?
        if let sample {
            let catalog = try SampleCatalog.load()
            let chosen = try catalog.sample(named: sample)
            guard chosen.layer == Sample.networkLayer else {
                throw CLIFailure(
                    "sample \(sample) is for \(chosen.layer), not a labelled batch for the CNN; "
                        + "open it with `convscope view --sample \(sample)`")
            }
            tensors = try catalog.tensors(of: chosen)
            options = chosen.options
        } else if let bundle {
            let url = URL(fileURLWithPath: bundle)
            // A lone .npy is read as A, so the message below says what else to write.
            let isArray = url.pathExtension.lowercased() == "npy"
            tensors = isArray ? ["A": try NPY.read(contentsOf: url)] : try NPZ.read(contentsOf: url)
        }
        if (bundle != nil || sample != nil) && (tensors["A"] == nil || tensors["Y"] == nil) {
            let has = tensors.isEmpty ? "no arrays" : tensors.keys.sorted().joined(separator: ", ")
            throw CLIFailure(
                "\(source): the CNN needs both A (inputs) and Y (labels), and this has \(has): "
                    + "write an .npz with both, e.g. np.savez('batch.npz', A=A, Y=Y)")
        }
        let title = sample.map { "the whole CNN learning \($0)" } ?? "the whole CNN learning"
        do {
            let session: NetworkSession
            if let architecture = try arguments.architecture(sample: options) {
                let data = (tensors["A"], tensors["Y"])
                guard let images = data.0, let labels = data.1 else {
                    throw CLIFailure(
                        "the architecture options need a labelled batch: give a bundle with A and Y, "
                            + "or --sample assignment-cnn")
                }
                session = try NetworkScene.session(
                    architecture: architecture, seed: arguments.weightSeed,
                    images: images, labels: labels)
            } else {
                let scene = try NetworkScene.scene(images: tensors["A"], labels: tensors["Y"], title: title)
                guard case .network(let built) = scene.content else {
                    preconditionFailure("a network scene holds a session")
                }
                session = built.session
            }
            return CNNInput(session: session, title: title)
        } catch let error as LayerError {
            throw CLIFailure("\(source): cnn: \(error.message)")
        }
    }

    /// The scene on the session.
    var scene: Scene { Scene(title: title, content: .network(session.state)) }
}
