import Foundation

/// Reading whole files and replacing them atomically, with errors in TensorFileError's style.
public enum FileAccess {
    /// The bytes of a file (memory-mapped when possible).
    static func contents(of url: URL) throws -> Data {
        do {
            return try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw TensorFileError("\(url.lastPathComponent): cannot read the file at \(url.path) "
                                  + "(\(reason(error))); check the path and its permissions")
        }
    }

    /// Lets `write` create a temporary file next to `url`, then renames it over `url`,
    /// so readers see either the old file or the complete new one. On any error the
    /// temporary file is removed and `url` is untouched.
    public static func replace(_ url: URL, write: (URL) throws -> Void) throws {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try write(temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw TensorFileError("\(url.lastPathComponent): cannot replace the file at \(url.path) "
                                      + "(\(String(cString: strerror(errno)))); check the directory's permissions")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if error is TensorFileError { throw error }
            throw TensorFileError("\(url.lastPathComponent): cannot write to \(directory.path) "
                                  + "(\(reason(error))); check that the directory exists and is writable")
        }
    }

    /// The most specific description Foundation offers for a file-system error.
    private static func reason(_ error: Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        return (underlying ?? error as NSError).localizedDescription
    }
}
