import TensorFiles

/// Refuses an output path that names one of the command's input files — by device and
/// inode, so `./b.npz`, a hard link or a symlink to the bundle are caught too — before
/// anything runs: writing it would destroy the tensors (or the answers `--expect` checks).
enum OutputGuard {
    /// `option` is how the output was given (`-o`, `--cast`); `inputs` pairs each input's
    /// role (`the input bundle`) with its path, nil when not given.
    static func requireDistinct(_ output: String, option: String, from inputs: [(role: String, path: String?)]) throws {
        guard let written = FileIdentity(path: output) else { return }
        for (role, path) in inputs {
            guard let path, FileIdentity(path: path) == written else { continue }
            throw CLIFailure(
                "\(option) \(output) is \(role) \(path) itself; writing there would destroy it, "
                    + "so nothing was run: choose another output file")
        }
    }
}
