import ArgumentParser
import Foundation
import TensorFiles

/// A one-line failure for the user: printed to stderr as `convscope: <message>`,
/// then the process exits with status 1. Control characters in it (from file names or
/// contents) are shown as escapes.
struct CLIFailure: Error, CustomStringConvertible {
    let message: String

    init(_ message: String) {
        self.message = message
    }

    var description: String { message }
}

extension ConvScopeCommand {
    /// Runs the command line, turning our own errors into one stderr line and exit code 1
    /// (ArgumentParser's own usage errors keep their usual form). `render cnn …` goes to its
    /// own command: ArgumentParser cannot reach a subcommand placed after `render`'s optional
    /// layer argument, and the CNN screen takes other options than a layer's.
    public static func runMain() {
        do {
            let arguments = Array(CommandLine.arguments.dropFirst())
            var command = arguments.starts(with: ["render", "cnn"])
                ? try RenderCNNCommand.parseAsRoot(Array(arguments.dropFirst(2))) : try parseAsRoot(arguments)
            try command.run()
        } catch let failure as CLIFailure {
            report(failure.message)
        } catch let failure as TensorFileError {
            report(failure.message)
        } catch {
            exit(withError: error)
        }
    }

    private static func report(_ message: String) -> Never {
        FileHandle.standardError.write(Data("convscope: \(SafeText.visible(message))\n".utf8))
        Foundation.exit(1)
    }
}
