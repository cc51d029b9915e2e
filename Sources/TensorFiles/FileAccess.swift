import Foundation

/// Reading whole files and writing results safely, with errors in TensorFileError's style.
/// Only regular files are read. Results replace a regular file atomically, go straight
/// into a character device or FIFO (`-o /dev/stdout`), and never through a link or over
/// anything else.
public enum FileAccess {
    /// Refuses, before anything opens it, a path that is not a regular file: a folder, a
    /// FIFO, a device such as `/dev/zero` or `/dev/stdin`, a link loop, a missing file.
    public static func requireRegularFile(_ url: URL) throws {
        let kind = FileKind(path: url.path)
        guard kind != .regular else { return }
        let fix = kind == .missing ? "check the path" : "save the tensors to a file and give its path"
        let what =
            kind == .missing
            ? "there is no file at \(url.path)"
            : "\(url.path) is \(kind.words), not a file ConvScope can read"
        throw TensorFileError("\(url.lastPathComponent): \(what); \(fix)")
    }

    /// The bytes of a regular file (memory-mapped when possible).
    static func contents(of url: URL) throws -> Data {
        try requireRegularFile(url)
        do {
            return try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw TensorFileError(
                "\(url.lastPathComponent): cannot read the file at \(url.path) "
                    + "(\(reason(error))); check the path and its permissions")
        }
    }

    /// How output reaches a path: a regular (or new) file is replaced, a character device
    /// or FIFO is written straight into.
    public enum Destination: Sendable {
        case file, stream
    }

    /// How output would reach `url`; a symbolic link to anything but a device or FIFO, a
    /// folder or another kind of node is refused, since writing there would replace it.
    public static func destination(_ url: URL) throws -> Destination {
        let name = url.lastPathComponent
        let own = FileKind(path: url.path, followingLinks: false)
        switch (own, own == .symbolicLink ? FileKind(path: url.path) : own) {
        case (.regular, _), (.missing, _):
            return .file
        case (_, .characterDevice), (_, .fifo):
            return .stream
        case (.symbolicLink, _):
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) ?? "?"
            throw TensorFileError(
                "\(name): \(url.path) is a symbolic link (to \(target)); ConvScope does not write "
                    + "through links, so nothing was written: give the real file's path")
        case (let kind, _):
            throw TensorFileError(
                "\(name): \(url.path) is \(kind.words), not a file ConvScope can write; "
                    + "nothing was written, give the path of a file")
        }
    }

    /// Lets `write` fill a temporary file, then puts it at `url` (see ``destination(_:)``):
    /// renamed over a regular (or new) file, so readers see the old file or the complete new
    /// one; copied into a character device or FIFO. On any error or interrupting signal the
    /// temporary file is removed and `url` is untouched.
    public static func replace(_ url: URL, write: (URL) throws -> Void) throws {
        switch try destination(url) {
        case .file:
            let directory = url.deletingLastPathComponent()
            try written(temporaryIn: directory, for: url, by: write) { temporary in
                guard rename(temporary.path, url.path) == 0 else {
                    throw TensorFileError(
                        "\(url.lastPathComponent): cannot replace the file at \(url.path) "
                            + "(\(String(cString: strerror(errno)))); nothing was written, "
                            + "check the folder's permissions")
                }
            }
        case .stream:
            try written(temporaryIn: FileManager.default.temporaryDirectory, for: url, by: write) { temporary in
                try copy(temporary, into: url)
            }
        }
    }

    /// Writes `bytes` to the open descriptor `fd`, retrying short writes; the errno of a failure.
    public static func write(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            #if canImport(Glibc)
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            #else
                let n = Darwin.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            #endif
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return nil
    }

    /// A short temporary name in `directory` (`.cs-` and 8 hex digits: a destination name
    /// near the 255-byte limit still fits), filled by `write`, handed to `finish`, then removed
    /// if still there. Interrupting signals remove it too.
    private static func written(
        temporaryIn directory: URL, for url: URL, by write: (URL) throws -> Void,
        finish: (URL) throws -> Void
    ) throws {
        let tag = String(UInt32.random(in: .min ... .max), radix: 16)
        let temporary = directory.appendingPathComponent(".cs-\(tag).tmp")
        defer { try? FileManager.default.removeItem(at: temporary) }
        try InterruptCleanup.removing(temporary.path) {
            do {
                try write(temporary)
            } catch let error as TensorFileError {
                throw error
            } catch {
                throw writeFailure(url, in: directory, error)
            }
            try finish(temporary)
        }
    }

    /// Copies the file `source` into the device or FIFO `url`; a FIFO nobody reads is refused, not waited on.
    private static func copy(_ source: URL, into url: URL) throws {
        let name = url.lastPathComponent
        let fd = open(url.path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let why = errno == ENXIO ? "no process is reading that pipe" : String(cString: strerror(errno))
            throw TensorFileError("\(name): cannot open \(url.path) for writing (\(why)); nothing was written")
        }
        defer { close(fd) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        let data = try Data(contentsOf: source, options: .alwaysMapped)
        if let code = data.withUnsafeBytes({ write($0, to: fd) }) {
            throw TensorFileError(
                "\(name): writing to \(url.path) failed (\(String(cString: strerror(code)))); "
                    + "the output is incomplete, write it to a file instead")
        }
    }

    /// A failed write in words: a full disk is named as such, other errors by their reason.
    private static func writeFailure(_ url: URL, in directory: URL, _ error: Error) -> TensorFileError {
        var info = statvfs()
        if statvfs(directory.path, &info) == 0, UInt64(info.f_bavail) * UInt64(info.f_bsize) < 1 << 20 {
            return TensorFileError(
                "\(url.lastPathComponent): the disk holding \(directory.path) is full; nothing was "
                    + "written and any old file is unchanged, free some space or write elsewhere")
        }
        return TensorFileError(
            "\(url.lastPathComponent): cannot write to \(directory.path) (\(reason(error))); "
                + "nothing was written, check that the folder exists and is writable")
    }

    /// The most specific description Foundation offers for a file-system error.
    private static func reason(_ error: Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        return (underlying ?? error as NSError).localizedDescription
    }
}
