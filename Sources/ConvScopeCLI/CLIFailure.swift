import ArgumentParser
import ConvScopeCore
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

/// A line for the user that is not a failure — what was written, what was changed — on
/// stderr as `convscope: <line>`, so stdout stays the command's own output.
enum CLINote {
    static func print(_ line: String) {
        FileHandle.standardError.write(Data("convscope: \(line)\n".utf8))
    }
}

extension ConvScopeCommand {
    /// Runs the command line, turning our own errors into one stderr line and exit code 1
    /// (ArgumentParser's own usage errors keep their usual form). `render cnn …` goes to its
    /// own command: ArgumentParser cannot reach a subcommand placed after `render`'s optional
    /// layer argument, and the CNN screen takes other options than a layer's.
    public static func runMain() {
        do {
            let arguments = Array(CommandLine.arguments.dropFirst())
            try suggestSubcommand(for: arguments)
            var command =
                arguments.starts(with: ["render", "cnn"])
                ? try RenderCNNCommand.parseAsRoot(Array(arguments.dropFirst(2))) : try parseAsRoot(arguments)
            try command.run()
        } catch let failure as CLIFailure {
            report(failure.message)
        } catch let failure as TensorFileError {
            report(failure.message)
        } catch  where exitCode(for: error) == .success {
            printHelp(fullMessage(for: error))
        } catch {
            exit(withError: error)
        }
    }

    /// `--help` and `help`: the text on stdout, checked like every other write there
    /// (ArgumentParser's own print would exit 0 even into `/dev/full`).
    private static func printHelp(_ text: String) -> Never {
        do {
            try StandardOutput.print(text)
        } catch {
            report("\(error)")
        }
        Foundation.exit(0)
    }

    /// `convscope conv2d x.npz`: a layer named where a subcommand goes would otherwise run
    /// the default demo's parser and fail on "unexpected arguments"; point to `view` instead.
    static func suggestSubcommand(for arguments: [String]) throws {
        guard let first = arguments.first, LayerKind(rawValue: first) != nil else { return }
        let line = (["convscope", "view"] + arguments).joined(separator: " ")
        throw CLIFailure(
            "\(first) is a layer, not a command: to see it, run `\(line)` "
                + "(or `render`, `compute` in place of `view`)")
    }

    private static func report(_ message: String) -> Never {
        FileHandle.standardError.write(Data("convscope: \(SafeText.visible(message))\n".utf8))
        Foundation.exit(1)
    }
}
