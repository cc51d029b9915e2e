import ArgumentParser
import ConvScopeApp
import ConvScopeCore
import Foundation
import Terminal
import TensorFiles

/// `convscope demo` (also what `convscope` alone runs): the built-in animated demo.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open the built-in demo: convolution, stride and padding, dilation, pooling (the default).")

    @Flag(help: "Start paused instead of playing.")
    var paused = false

    func run() throws {
        let model = AppModel(scenes: try Demo.scenes(), size: Size(width: 80, height: 24), playing: !paused)
        try runInteractive(model)
    }
}

/// `convscope view LAYER [BUNDLE]`: the layer's screen on the user's tensors.
struct ViewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "view",
        abstract: "Open a layer's screen on your tensors (or built-in ones).",
        discussion: """
            Same layer names, options and bundle keys as `compute`. Without a bundle, built-in \
            tensors are used; a missing W or b comes from a seeded default. Screens exist for: \
            \(SceneFactory.supported.map(\.rawValue).joined(separator: ", ")).
            """)

    @OptionGroup var layer: LayerArguments

    @Argument(help: ArgumentHelp("An .npz with A and the parameters (optional).", valueName: "bundle.npz"))
    var bundle: String?

    @Flag(help: "Start playing instead of paused.")
    var play = false

    func run() throws {
        let scene = try makeScene(layer, bundle: bundle)
        try runInteractive(AppModel(scenes: [scene], size: Size(width: 80, height: 24), playing: play))
    }
}

/// `convscope render LAYER [BUNDLE] --step K --size WxH`: one screen as plain text.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print one step of a layer's screen as plain text (no terminal needed).")

    @OptionGroup var layer: LayerArguments

    @Argument(help: ArgumentHelp("An .npz with A and the parameters (optional).", valueName: "bundle.npz"))
    var bundle: String?

    @Option(help: "The step to show, from 1.")
    var step = 1

    @Option(help: ArgumentHelp("Screen size in cells, WIDTHxHEIGHT.", valueName: "WxH"))
    var size = "100x30"

    @Option(help: "numbers, heatmap or auto (numbers when they fit).")
    var display = "auto"

    func run() throws {
        let scene = try makeScene(layer, bundle: bundle)
        guard let dimensions = parseSize(size) else {
            throw CLIFailure("--size \(size) is not WIDTHxHEIGHT, e.g. --size 100x30")
        }
        guard (1...scene.stepCount).contains(step) else {
            throw CLIFailure("--step \(step) is out of range: this screen has steps 1 to \(scene.stepCount)")
        }
        guard let mode = ["auto": MapDisplay.automatic, "numbers": .numbers, "heatmap": .heatmap][display] else {
            throw CLIFailure("--display \(display) is not one of auto, numbers, heatmap")
        }
        var model = AppModel(scenes: [scene], size: dimensions, capabilities: .minimal)
        model.step = step - 1
        model.display = mode
        print(model.render().plainText())
    }

    private func parseSize(_ text: String) -> Size? {
        let parts = text.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, (1...1000).contains(parts[0]), (1...1000).contains(parts[1]) else { return nil }
        return Size(width: parts[0], height: parts[1])
    }
}

/// Reads the optional bundle and builds the layer's scene, turning layer errors into one line.
private func makeScene(_ layer: LayerArguments, bundle: String?) throws -> Scene {
    let tensors = try bundle.map { try NPZ.read(contentsOf: URL(fileURLWithPath: $0)) } ?? [:]
    do {
        return try SceneFactory.scene(for: layer.spec, bundle: tensors)
    } catch let error as LayerError {
        throw CLIFailure("\(bundle.map { "\($0): " } ?? "")\(layer.layer.rawValue): \(error.message)")
    }
}

/// Opens the terminal (or explains why it cannot) and runs the app until the user quits.
private func runInteractive(_ model: AppModel) throws {
    let backend: NcursesBackend
    do {
        backend = try NcursesBackend()
    } catch let error as TerminalError {
        throw CLIFailure(error.description)
    }
    AppRunner.run(model, on: backend)
}
