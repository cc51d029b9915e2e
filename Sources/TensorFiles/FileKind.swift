import Foundation

/// What a path names, from `stat` (following links) or `lstat` (the link itself), in the
/// words a user understands. ConvScope reads only regular files: a folder would make the
/// zip reader spin, a FIFO or `/dev/stdin` block, `/dev/zero` never end.
enum FileKind: Equatable {
    case regular, folder, symbolicLink, fifo, characterDevice, blockDevice, socket, other
    /// Nothing is there.
    case missing
    /// `stat` failed otherwise: a link loop, no permission on a folder, a name too long.
    case unreachable(errno: Int32)

    /// The kind of `path`; `followingLinks` false looks at a link itself.
    init(path: String, followingLinks: Bool = true) {
        var info = stat()
        guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else {
            self = errno == ENOENT ? .missing : .unreachable(errno: errno)
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .folder
        case S_IFLNK: self = .symbolicLink
        case S_IFIFO: self = .fifo
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFSOCK: self = .socket
        default: self = .other
        }
    }

    /// "a folder", "a FIFO (named pipe)"…, for "X is …, not a file".
    var words: String {
        switch self {
        case .regular: "a regular file"
        case .folder: "a folder"
        case .symbolicLink: "a symbolic link"
        case .fifo: "a FIFO (a pipe)"
        case .characterDevice: "a character device"
        case .blockDevice: "a block device"
        case .socket: "a socket"
        case .other: "an unusual kind of file"
        case .missing: "missing"
        case .unreachable(let code): Self.reason(code)
        }
    }

    /// Why `stat` failed, in words; a link loop gets its name.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ELOOP: "a loop of symbolic links (too many levels)"
        case EACCES: "not reachable: permission denied on a folder in its path"
        case ENAMETOOLONG: "a name too long for the file system"
        case ENOTDIR: "not reachable: a part of its path is not a folder"
        default: String(cString: strerror(code))
        }
    }
}

/// A file's identity on its device, so two paths naming one file (links, `./x`, `../d/x`)
/// compare equal.
public struct FileIdentity: Equatable, Sendable {
    let device: UInt64
    let inode: UInt64

    /// The identity of the file `path` names after links, or nil when there is none.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
