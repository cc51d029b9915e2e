import ArgumentParser
import ConvScopeApp
import ConvScopeCore
import Foundation
import Terminal
import TensorFiles
import Walkthroughs

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

/// Which pass a screen opens on and where its backward pass starts.
struct ScreenArguments: ParsableArguments {
    @Option(help: ArgumentHelp("The pass to open: forward, backward (= dLdA), dLdA, dLdA-taught, dLdW or dLdb.", valueName: "pass"))
    var phase = "forward"

    @Option(help: ArgumentHelp("dLdZ when the bundle has none: ones, or random (seeded normal).", valueName: "ones|random"))
    var gradient = "ones"

    @Option(help: "Seed for --gradient random.")
    var seed: UInt64 = 1

    /// The phase named by `--phase`.
    func selectedPhase() throws -> Phase {
        if phase == "backward" { return .dLdA }
        guard let value = Phase(rawValue: phase) else {
            throw CLIFailure("--phase \(phase) is not one of forward, backward, \(Phase.allCases.dropFirst().map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    /// The upstream gradient named by `--gradient`.
    func upstream() throws -> UpstreamGradient {
        switch gradient {
        case "ones": return .ones
        case "random": return .random(seed: seed)
        default: throw CLIFailure("--gradient \(gradient) is not ones or random")
        }
    }

    /// A model of one scene opened on the chosen phase.
    func model(_ scene: Scene, size: Size, capabilities: TerminalCapabilities = .full, playing: Bool = false) throws -> AppModel {
        var model = AppModel(scenes: [scene], size: size, capabilities: capabilities, playing: playing)
        let phase = try selectedPhase()
        guard scene.phases.contains(phase) else {
            throw CLIFailure("--phase \(phase.rawValue) does not exist for this layer; it has \(scene.phases.map(\.rawValue).joined(separator: ", "))")
        }
        model.phase = phase
        return model
    }
}

/// `convscope view LAYER [BUNDLE]`: the layer's screen on the user's tensors.
struct ViewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "view",
        abstract: "Open a layer's screen on your tensors (or built-in ones).",
        discussion: """
            Same layer names, options and bundle keys as `compute`; --sample NAME opens a shipped \
            sample instead. Without a bundle, built-in tensors are used; a missing W or b comes \
            from a seeded default. Screens exist for: \
            \(SceneFactory.supported.map(\.rawValue).joined(separator: ", ")).
            """)

    @OptionGroup var layer: LayerArguments

    @Argument(help: ArgumentHelp("An .npz with A and the parameters (optional).", valueName: "bundle.npz"))
    var bundle: String?

    @OptionGroup var screen: ScreenArguments

    @Flag(help: "Start playing instead of paused.")
    var play = false

    func run() throws {
        let scene = try makeScene(layer, bundle: bundle, upstream: try screen.upstream())
        try runInteractive(try screen.model(scene, size: Size(width: 80, height: 24), playing: play))
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

    @OptionGroup var screen: ScreenArguments

    func run() throws {
        let scene = try makeScene(layer, bundle: bundle, upstream: try screen.upstream())
        guard let dimensions = parseSize(size) else {
            throw CLIFailure("--size \(size) is not WIDTHxHEIGHT, e.g. --size 100x30")
        }
        guard let mode = ["auto": MapDisplay.automatic, "numbers": .numbers, "heatmap": .heatmap][display] else {
            throw CLIFailure("--display \(display) is not one of auto, numbers, heatmap")
        }
        var model = try screen.model(scene, size: dimensions, capabilities: .minimal)
        guard (1...model.stepCount).contains(step) else {
            throw CLIFailure("--step \(step) is out of range: the \(model.phase.rawValue) screen has steps 1 to \(model.stepCount)")
        }
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

/// Builds the layer's scene on the bundle or sample, turning layer errors into one line.
private func makeScene(_ layer: LayerArguments, bundle: String?, upstream: UpstreamGradient) throws -> Scene {
    let input = try layer.input(bundle: bundle)
    do {
        var scene = try SceneFactory.scene(for: input.spec, bundle: input.tensors, upstream: upstream)
        if let name = layer.sample { scene.title = "sample \(name)" }
        return scene
    } catch let error as LayerError {
        throw input.failure(error)
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
