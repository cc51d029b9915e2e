/// Why a tensor file could not be read or written. The description is one line that
/// names the file (and member or line where it helps), what is wrong, and how to fix it;
/// file content in it is shown through ``SafeText`` (no control characters).
public struct TensorFileError: Error, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = SafeText.visible(message)
    }

    public var description: String { message }
}
