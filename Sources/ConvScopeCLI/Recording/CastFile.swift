import Foundation
import Terminal
import TensorFiles

/// Where a recording goes. Checked before anything runs — an existing file needs
/// `--force`, the folder must exist — and written at the end in one piece (a temporary
/// file renamed into place), so a failed or interrupted run leaves no partial file.
struct CastFile {
    let url: URL
    let force: Bool

    init(path: String, force: Bool) throws {
        url = URL(fileURLWithPath: path)
        self.force = force
        try refuseToOverwrite()
        var isFolder: ObjCBool = false
        let folder = url.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw CLIFailure("\(path): there is no folder \(folder.path) to write the recording into")
        }
    }

    /// Writes the recording, unless the file appeared in the meantime and `force` is off.
    func write(_ cast: Asciicast) throws {
        try refuseToOverwrite()
        try FileAccess.replace(url) { try Data(cast.encoded().utf8).write(to: $0) }
    }

    private func refuseToOverwrite() throws {
        if !force && FileManager.default.fileExists(atPath: url.path) {
            throw CLIFailure("\(url.path) already exists; add --force to replace it")
        }
    }
}

extension Asciicast {
    /// The pictures a player shows: output events that draw something (not the final hold).
    var frameCount: Int { events.filter { $0.code == .output && !$0.data.isEmpty }.count }
    /// The step markers a player can seek to.
    var markerCount: Int { events.filter { $0.code == .marker }.count }
}
