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

    /// A model of the scenes opened on the chosen phase.
    func model(_ scenes: [Scene], sceneIndex: Int = 0, size: Size, capabilities: TerminalCapabilities = .full,
               playing: Bool = false) throws -> AppModel {
        guard scenes.indices.contains(sceneIndex) else {
            throw CLIFailure("--scene \(sceneIndex + 1) is out of range: this layer has scenes 1 to \(scenes.count)")
        }
        var model = AppModel(scenes: scenes, size: size, capabilities: capabilities, playing: playing)
        model.sceneIndex = sceneIndex
        let phase = try selectedPhase()
        guard model.scene.phases.contains(phase) else {
            throw CLIFailure("--phase \(phase.rawValue) does not exist for this screen; it has \(model.scene.phases.map(\.rawValue).joined(separator: ", "))")
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
            Same layer names, options and bundle keys as `compute`. Without a bundle, built-in \
            tensors are used; a missing W or b comes from a seeded default. Screens exist for: \
            \(SceneFactory.supported.map(\.rawValue).joined(separator: ", ")).
            """)

    @OptionGroup var layer: LayerArguments

    @Argument(help: ArgumentHelp("An .npz with A and the parameters (optional).", valueName: "bundle.npz"))
    var bundle: String?

    @OptionGroup var screen: ScreenArguments

    @OptionGroup var expectation: ExpectArguments

    @Flag(help: "Start playing instead of paused.")
    var play = false

    func run() throws {
        let (scenes, answer) = try makeScenes(layer, bundle: bundle, upstream: try screen.upstream(), expectation: expectation)
        var model = try screen.model(scenes, size: Size(width: 80, height: 24), playing: play)
        model.answer = answer
        try runInteractive(model)
    }
}

/// `convscope cnn [BUNDLE]`: the whole CNN learning the bundle's batch.
struct CNNCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cnn",
        abstract: "Watch a whole CNN learn a batch: layer by layer forward and backward, SGD steps, the loss falling.",
        discussion: """
            The bundle holds A, (N, C, W) signals or (N, 1, H, W) images read as H channels, and             Y, one-hot (N, classes) or class numbers (N,). Without a bundle, ten built-in 8×8             patterns are used.
            """)

    @Argument(help: ArgumentHelp("An .npz with A and Y (optional).", valueName: "bundle.npz"))
    var bundle: String?

    func run() throws {
        let tensors = try bundle.map { try NPZ.read(contentsOf: URL(fileURLWithPath: $0)) } ?? [:]
        if bundle != nil && (tensors["A"] == nil || tensors["Y"] == nil) {
            throw CLIFailure("\(bundle!): the CNN needs both A (inputs) and Y (labels) in the bundle")
        }
        let scene: Scene
        do {
            scene = try NetworkScene.scene(images: tensors["A"], labels: tensors["Y"])
        } catch let error as LayerError {
            throw CLIFailure("\(bundle ?? "built-in data"): cnn: \(error.message)")
        }
        try runInteractive(AppModel(scenes: [scene], size: Size(width: 80, height: 24)))
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

    @Option(help: "The scene to show, from 1 (a transposed convolution has two: upsample, then convolve).")
    var scene = 1

    @Option(help: ArgumentHelp("Screen size in cells, WIDTHxHEIGHT.", valueName: "WxH"))
    var size = "100x30"

    @Option(help: "numbers, heatmap or auto (numbers when they fit).")
    var display = "auto"

    @OptionGroup var screen: ScreenArguments

    @OptionGroup var expectation: ExpectArguments

    func run() throws {
        let (scenes, answer) = try makeScenes(layer, bundle: bundle, upstream: try screen.upstream(), expectation: expectation)
        guard let dimensions = parseSize(size) else {
            throw CLIFailure("--size \(size) is not WIDTHxHEIGHT, e.g. --size 100x30")
        }
        guard let mode = ["auto": MapDisplay.automatic, "numbers": .numbers, "heatmap": .heatmap][display] else {
            throw CLIFailure("--display \(display) is not one of auto, numbers, heatmap")
        }
        var model = try screen.model(scenes, sceneIndex: scene - 1, size: dimensions, capabilities: .minimal)
        guard (1...model.stepCount).contains(step) else {
            throw CLIFailure("--step \(step) is out of range: the \(model.phase.rawValue) screen has steps 1 to \(model.stepCount)")
        }
        model.step = step - 1
        model.display = mode
        model.answer = answer
        print(model.render().plainText())
    }

    private func parseSize(_ text: String) -> Size? {
        let parts = text.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, (1...1000).contains(parts[0]), (1...1000).contains(parts[1]) else { return nil }
        return Size(width: parts[0], height: parts[1])
    }
}

/// Reads the optional bundle and builds the layer's scenes, turning layer errors into one
/// line; with `--expect`, also checks the user's answer and lays it over the scenes. The
/// answer was computed from a bundle, so one is required, and a missing `b` means zeros
/// there as in `compute` (not the seeded default bias the screens use otherwise).
private func makeScenes(_ layer: LayerArguments, bundle: String?, upstream: UpstreamGradient,
                        expectation: ExpectArguments) throws -> ([Scene], AnswerOverlay?) {
    var tensors = try bundle.map { try NPZ.read(contentsOf: URL(fileURLWithPath: $0)) } ?? [:]
    if expectation.expect != nil {
        guard bundle != nil else { throw CLIFailure("--expect needs the bundle your answer was computed from") }
        if tensors["b"] == nil, let layer = try? layer.spec.makeLayer(from: tensors) as? ParameterizedLayer {
            tensors["b"] = layer.b
        }
    }
    let scenes: [Scene]
    do {
        scenes = try SceneFactory.scenes(for: layer.spec, bundle: tensors, upstream: upstream)
    } catch let error as LayerError {
        throw CLIFailure("\(bundle.map { "\($0): " } ?? "")\(layer.layer.rawValue): \(error.message)")
    }
    try requireSteps(scenes, context: "\(bundle.map { "\($0): " } ?? "")\(layer.layer.rawValue)")
    return (scenes, try expectation.check(layer, bundle: tensors).map { AnswerOverlay($0, scenes: scenes) })
}

/// A screen steps through the elements of what a pass computes, so an empty result (from an
/// empty `A`) has nothing to show; `compute` handles those.
private func requireSteps(_ scenes: [Scene], context: String) throws {
    for scene in scenes {
        for phase in scene.phases where scene.stepCount(phase) == 0 {
            let shape = TensorSummary.shapeText
            throw CLIFailure("\(context): A has shape \(shape(scene.input.shape)), so the \(phase.rawValue) pass "
                             + "makes an empty tensor of shape \(shape(scene.target(phase).shape)) and the screen has "
                             + "nothing to step through; give A at least one element, or use `convscope compute`")
        }
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
