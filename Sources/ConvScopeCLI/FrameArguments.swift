import ArgumentParser
import ConvScopeApp
import Foundation
import Terminal

/// `--size WxH`, `--display` and `--ascii`: the frame a printed screen is drawn in (`render`, `render cnn`).
struct FrameArguments: ParsableArguments {
    @Option(help: ArgumentHelp("Screen size in cells, WIDTHxHEIGHT, from 64x20 to 1000x1000.", valueName: "WxH"))
    var size = "100x30"

    @Option(help: "numbers, heatmap or auto (numbers when they fit).")
    var display = "auto"

    @Flag(help: "Draw boxes and marks in ASCII (the default in a locale that is not UTF-8).")
    var ascii = false

    /// The largest `--size` on either axis.
    static let maxSide = 1000

    /// `--size` as cells: at least the smallest screen and at most `maxSide` on each axis.
    func dimensions() throws -> Size {
        let parts = size.lowercased().split(separator: "x", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2, let width = parts[0], let height = parts[1] else {
            throw CLIFailure("--size \(size) is not WIDTHxHEIGHT, e.g. --size 100x30")
        }
        guard width <= Self.maxSide, height <= Self.maxSide else {
            throw CLIFailure("--size \(size) is too large: the maximum is \(Self.maxSide)x\(Self.maxSide)")
        }
        let least = ScreenLayout.minimumSize
        guard width >= least.width, height >= least.height else {
            throw CLIFailure("--size \(size) is too small: a screen needs at least \(least.width)x\(least.height)")
        }
        return Size(width: width, height: height)
    }

    /// `--display` as the maps' mode.
    func mode() throws -> MapDisplay {
        guard let mode = ["auto": MapDisplay.automatic, "numbers": .numbers, "heatmap": .heatmap][display] else {
            throw CLIFailure("--display \(display) is not one of auto, numbers, heatmap")
        }
        return mode
    }

    /// Plain text without colour, in Unicode when the locale is UTF-8 and `--ascii` is not given.
    func capabilities(environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalCapabilities {
        TerminalCapabilities(colorDepth: .none, unicode: !ascii && TerminalCapabilities.localeNamesUTF8(environment))
    }
}
