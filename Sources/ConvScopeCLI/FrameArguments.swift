import ArgumentParser
import ConvScopeApp
import Terminal

/// `--size WxH` and `--display`: the frame a printed screen is drawn in (`render`, `render cnn`).
struct FrameArguments: ParsableArguments {
    @Option(help: ArgumentHelp("Screen size in cells, WIDTHxHEIGHT.", valueName: "WxH"))
    var size = "100x30"

    @Option(help: "numbers, heatmap or auto (numbers when they fit).")
    var display = "auto"

    /// `--size` as cells, each side from 1 to 1000.
    func dimensions() throws -> Size {
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, (1...1000).contains(parts[0]), (1...1000).contains(parts[1]) else {
            throw CLIFailure("--size \(size) is not WIDTHxHEIGHT, e.g. --size 100x30")
        }
        return Size(width: parts[0], height: parts[1])
    }

    /// `--display` as the maps' mode.
    func mode() throws -> MapDisplay {
        guard let mode = ["auto": MapDisplay.automatic, "numbers": .numbers, "heatmap": .heatmap][display] else {
            throw CLIFailure("--display \(display) is not one of auto, numbers, heatmap")
        }
        return mode
    }
}
