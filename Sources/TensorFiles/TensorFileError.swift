/// Why a tensor file could not be read or written. The description is one line that
/// names the file (and member or line where it helps), what is wrong, and how to fix it.
public struct TensorFileError: Error, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
