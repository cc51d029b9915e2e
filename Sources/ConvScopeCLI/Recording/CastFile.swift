import Foundation
import TensorFiles
import Terminal

/// Where a recording goes, and the stream into it. Checked before anything runs — an
/// existing file needs `--force`, the folder must exist and be writable, an input file, a
/// link or a folder is never the target — then created when recording starts and written event by event, so
/// memory stays flat however long the session and an interrupted one keeps what was
/// recorded. `-` streams to stdout.
final class CastFile {
    let path: String
    let force: Bool
    private var descriptor: Int32 = -1

    /// `option` is how the path was given (`--record`, `--cast`); `inputs` are the command's
    /// input files by role, which the recording must not overwrite.
    init(path: String, force: Bool, option: String, inputs: [(role: String, path: String?)]) throws {
        self.path = path
        self.force = force
        guard path != "-" else { return }
        try refuseToOverwrite()
        try OutputGuard.requireDistinct(path, option: option, from: inputs)
        var isFolder: ObjCBool = false
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw CLIFailure("\(path): there is no folder \(folder) to write the recording into")
        }
        guard access(folder, W_OK) == 0 else {
            throw CLIFailure(
                "\(path): cannot record into \(folder) (\(String(cString: strerror(errno)))); "
                    + "nothing was started, choose a folder you can write to")
        }
        _ = try FileAccess.destination(URL(fileURLWithPath: path))
    }

    deinit {
        if descriptor > STDERR_FILENO { close(descriptor) }
    }

    /// Creates the file (unless it is stdout) and writes the recording's header line.
    func open(_ header: Asciicast) throws {
        if path == "-" {
            descriptor = STDOUT_FILENO
        } else {
            try refuseToOverwrite()
            let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (force ? O_TRUNC : O_EXCL)
            #if canImport(Glibc)
                descriptor = Glibc.open(path, flags, 0o644)
            #else
                descriptor = Darwin.open(path, flags, 0o644)
            #endif
            guard descriptor >= 0 else {
                throw CLIFailure(
                    "\(path): cannot create the recording (\(String(cString: strerror(errno)))); "
                        + "check the folder's permissions")
            }
        }
        try append(header.headerLine())
    }

    /// Writes one line of the recording at once (one `write` call, so a signal never splits it).
    func append(_ line: String) throws {
        var text = line + "\n"
        if let code = text.withUTF8({ FileAccess.write(UnsafeRawBufferPointer($0), to: descriptor) }) {
            throw CLIFailure(
                "\(path == "-" ? "standard output" : path): writing the recording failed "
                    + "(\(String(cString: strerror(code)))); what was recorded before it is kept")
        }
    }

    private func refuseToOverwrite() throws {
        var isFolder: ObjCBool = false
        if !force && FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue {
            throw CLIFailure("\(path) already exists; add --force to replace it")
        }
    }
}
