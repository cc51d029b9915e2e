import Foundation
import TensorFiles

/// Writes to stdout with every write checked: `convscope … > /dev/full` or a closed
/// descriptor is a one-line failure (exit 1), never a silent loss of the output.
enum StandardOutput {
    /// Writes `text` and a newline.
    static func print(_ text: String) throws {
        var line = text + "\n"
        let failure = line.withUTF8 { FileAccess.write(UnsafeRawBufferPointer($0), to: STDOUT_FILENO) }
        if let code = failure {
            throw CLIFailure(
                "cannot write to standard output (\(String(cString: strerror(code)))); "
                    + "the output is lost, send it to a file or a terminal that takes it")
        }
    }
}
