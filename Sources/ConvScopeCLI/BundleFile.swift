import ConvScopeCore
import Foundation
import TensorFiles

/// Reads the bundle a layer command was given: an `.npz` of named arrays, or a lone `.npy`
/// (by its extension) read as `A`. Either way the result must hold `A`, and a lone array
/// cannot stand for a layer with weights; both mistakes are one line naming what to write.
enum BundleFile {
    static func read(_ path: String, for kind: LayerKind) throws -> [String: Tensor] {
        let url = URL(fileURLWithPath: path)
        let prefix = "\(path): \(kind.rawValue):"
        guard url.pathExtension.lowercased() != "npy" else {
            let weights = kind.descriptor.parameterKeys.filter { $0 != "b" }
            guard weights.isEmpty else {
                let keys = ["A"] + kind.descriptor.parameterKeys
                let example = keys.map { "\($0)=\($0)" }.joined(separator: ", ")
                throw CLIFailure(
                    "\(prefix) a lone .npy is read as A, but \(kind.rawValue) also needs "
                        + "\(weights.joined(separator: ", ")): write an .npz with "
                        + "\(keys.joined(separator: ", ")), e.g. np.savez('bundle.npz', \(example))")
            }
            return ["A": try NPY.read(contentsOf: url)]
        }
        let tensors = try NPZ.read(contentsOf: url)
        guard tensors["A"] != nil else {
            let has = tensors.isEmpty ? "it holds no arrays" : "it has " + tensors.keys.sorted().joined(separator: ", ")
            let hint =
                tensors.keys.contains("arr_0")
                ? "; np.savez(path, x) names arrays arr_0, arr_1…: pass them as A=x" : ""
            throw CLIFailure(
                "\(prefix) the bundle has no 'A' (\(has)); "
                    + "\(kind.rawValue) expects \(expectedKeys(kind))\(hint)")
        }
        return tensors
    }

    /// The keys a bundle for `kind` holds, e.g. `A (N, C_in, W), W, b (optional), dLdZ (optional)`.
    static func expectedKeys(_ kind: LayerKind) -> String {
        let parameters = kind.descriptor.parameterKeys.map { $0 == "b" ? "b (optional)" : $0 }
        return (["A \(kind.descriptor.inputLayout)"] + parameters + ["dLdZ (optional)"]).joined(separator: ", ")
    }
}
