import ArgumentParser
import ConvScopeApp
import ConvScopeCore
import Foundation
import TensorFiles
import Terminal
import Walkthroughs

/// `convscope demo` (also what `convscope` alone runs): the built-in animated demo.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract:
            "Open the built-in demo (the default): convolution, stride and padding, dilation, pooling, resampling, "
            + "an MLP as a convolution, a whole CNN learning."
    )

    @Flag(help: "Start paused instead of playing.")
    var paused = false

    @OptionGroup var recording: RecordingArguments

    func run() throws {
        let destination = try recording.destination(inputs: [])
        let model = AppModel(scenes: try Demo.scenes(), size: Size(width: 80, height: 24), playing: !paused)
        try runInteractive(model, recording: destination)
    }
}

/// `--record FILE.cast` and `--force`, for the commands that open a terminal.
struct RecordingArguments: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Record the session into an asciicast v2 file, written as it happens (- for stdout).",
            valueName: "file.cast"))
    var record: String?

    @Flag(help: "Replace the --record file if it exists.")
    var force = false

    /// The checked destination, if recording; call before opening the terminal. `inputs`
    /// are the command's input files by role, which the recording must not replace.
    func destination(inputs: [(role: String, path: String?)]) throws -> CastFile? {
        guard record != "-" else {
            throw CLIFailure(
                "--record - would mix the recording into the screen on stdout; "
                    + "give a file such as session.cast")
        }
        return try record.map { try CastFile(path: $0, force: force, option: "--record", inputs: inputs) }
    }
}

/// Which pass a screen opens on and where its backward pass starts.
struct ScreenArguments: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The pass to open: forward, backward (= dLdA), dLdA, dLdA-taught, dLdW or dLdb.", valueName: "pass"))
    var phase = "forward"

    @Option(
        help: ArgumentHelp(
            "dLdZ when the bundle has none: ones, random (seeded normal) or integers (the demo's seeded small "
                + "integers).",
            valueName: "ones|random|integers"))
    var gradient = "ones"

    @Option(help: "Seed for --gradient random or integers.")
    var seed: UInt64 = 1

    @Option(
        help: ArgumentHelp(
            "element (one output element per step) or loop (the homework's loops: one np.tensordot, "
                + "pooling window or slicing statement per step; stages as the homework composes them).",
            valueName: "element|loop"))
    var walk = "element"

    /// Whether `--walk` asks for the homework's loops.
    func walksLoops() throws -> Bool {
        guard ["element", "loop"].contains(walk) else { throw CLIFailure("--walk \(walk) is not element or loop") }
        return walk == "loop"
    }

    /// The phase named by `--phase`.
    func selectedPhase() throws -> Pass {
        if phase == "backward" { return .dLdA }
        guard let value = Pass(rawValue: phase) else {
            throw CLIFailure(
                "--phase \(phase) is not one of forward, backward, "
                    + "\(Pass.allCases.dropFirst().map(\.rawValue).joined(separator: ", "))"
            )
        }
        return value
    }

    /// The upstream gradient named by `--gradient`.
    func upstream() throws -> UpstreamGradient {
        switch gradient {
        case "ones": return .ones
        case "random": return .random(seed: seed)
        case "integers": return .integers(seed: seed)
        default: throw CLIFailure("--gradient \(gradient) is not ones, random or integers")
        }
    }

    /// A model of the scenes opened on the chosen phase.
    func model(
        _ scenes: [Scene], sceneIndex: Int = 0, size: Size, capabilities: TerminalCapabilities = .full,
        playing: Bool = false
    ) throws -> AppModel {
        guard scenes.indices.contains(sceneIndex) else {
            throw CLIFailure("--scene \(sceneIndex + 1) is out of range: this layer has scenes 1 to \(scenes.count)")
        }
        let loops = try walksLoops()
        var model = AppModel(
            scenes: try loops ? scenes.map(Self.inLoops) : scenes, size: size,
            capabilities: capabilities, playing: playing)
        model.sceneIndex = sceneIndex
        let phase = try selectedPhase()
        // The loop walk numbers stages over all scenes: open the first scene with the pass.
        if loops, let first = model.scenes.firstIndex(where: { $0.phases.contains(phase) }) { model.sceneIndex = first }
        if loops && phase == .taught {
            throw CLIFailure(
                "--phase dLdA-taught belongs to the element walk; the loop walk's dLdA is the taught route: "
                    + "use --phase dLdA")
        }
        guard model.scene.phases.contains(phase) else {
            throw CLIFailure(
                "--phase \(phase.rawValue) does not exist for this screen; it has "
                    + "\(model.scene.phases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        model.phase = phase
        return model
    }

    /// The scene walked in loops, or a one-line refusal for layers without a loop walk.
    private static func inLoops(_ scene: Scene) throws -> Scene {
        let looped: Scene
        do {
            looped = try scene.showingLoops(true)
        } catch let error as LayerError {
            throw CLIFailure("--walk loop: \(error.message)")
        }
        guard looped.showsLoops else {
            throw CLIFailure(
                "--walk loop covers convolution, pooling and resampling; \(scene.title) has no loop walk "
                    + "(use --walk element)")
        }
        return looped
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
            \(LayerKind.allCases.map(\.rawValue).joined(separator: ", ")).
            """)

    @OptionGroup var layer: LayerArguments

    @Argument(help: ArgumentHelp("An .npz with A and the parameters (optional).", valueName: "bundle.npz"))
    var bundle: String?

    @OptionGroup var screen: ScreenArguments

    @OptionGroup var expectation: ExpectArguments

    @OptionGroup var mytorch: MytorchArguments

    @Flag(help: "Start playing instead of paused.")
    var play = false

    @OptionGroup var recording: RecordingArguments

    func run() throws {
        let destination = try recording.destination(inputs: [
            ("the input bundle", bundle),
            ("the --expect file", expectation.expect),
        ])
        let (scenes, answer) = try makeScenes(
            layer, bundle: bundle, upstream: try screen.upstream(),
            expectation: expectation, mytorch: mytorch)
        var model = try screen.model(scenes, size: Size(width: 80, height: 24), playing: play)
        model.answer = answer.map { AnswerOverlay($0, scenes: scenes) }
        if mytorch.mytorch != nil, let answer { model.openFirstWrongCell(of: answer) }
        try runInteractive(model, recording: destination)
    }
}

/// `convscope cnn [BUNDLE]`: the whole CNN learning the bundle's batch.
struct CNNCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cnn",
        abstract: "Watch a whole CNN learn a batch: layer by layer forward and backward, SGD steps, the loss falling.",
        discussion: """
            The bundle holds A, (N, C, W) signals or (N, 1, H, W) images read as H channels, and \
            Y, one-hot (N, classes) or class numbers (N,). Without a bundle, ten built-in 8×8 \
            patterns are used. --sample assignment-cnn is the assignment's CNN (its architecture \
            is the sample's options); --channels, --kernels, --strides, --activations and --lr \
            set the architecture (each unset one from the sample, else from the assignment's).
            """)

    @Argument(help: ArgumentHelp("An .npz with A and Y (optional).", valueName: "bundle.npz"))
    var bundle: String?

    @Option(
        help: ArgumentHelp(
            "A shipped labelled batch instead of a bundle, e.g. assignment-cnn or digits-train "
                + "(see `convscope samples`).", valueName: "name"))
    var sample: String?

    @OptionGroup var architecture: CNNArguments

    @OptionGroup var recording: RecordingArguments

    func run() throws {
        let input = try CNNInput.load(bundle: bundle, sample: sample, arguments: architecture)
        let destination = try recording.destination(inputs: [("the input bundle", bundle)])
        try runInteractive(AppModel(scenes: [input.scene], size: Size(width: 80, height: 24)), recording: destination)
    }
}

/// `convscope render LAYER [BUNDLE] --step K --size WxH`: one screen as plain text.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract:
            "Print one step of a layer's screen as plain text, or record steps as an asciicast (no terminal needed).",
        discussion:
            "`convscope render cnn [BUNDLE] [--sample NAME]` prints the CNN screen (see `convscope render cnn --help`)."
    )

    @OptionGroup var layer: LayerArguments

    @Argument(help: ArgumentHelp("An .npz with A and the parameters (optional).", valueName: "bundle.npz"))
    var bundle: String?

    // Unconditional, so `--step -1` is read as a value and gets the range error, not "missing value".
    @Option(parsing: .unconditional, help: "The step to show, from 1.")
    var step = 1

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "The scene to show, from 1 (a transposed convolution has two: upsample, then convolve); "
                + "with --walk loop, the stage (pad, the stride-1 loop, downsample, …; default: the "
                + "loop), --step counting within it."))
    var scene: Int?

    @OptionGroup var frame: FrameArguments

    @OptionGroup var screen: ScreenArguments

    @OptionGroup var expectation: ExpectArguments

    @OptionGroup var mytorch: MytorchArguments

    @Option(
        help: ArgumentHelp(
            "Instead of printing, record --steps into an asciicast v2 file (- for stdout), "
                + "one step every \(Self.pace) s with a marker each.", valueName: "file.cast"))
    var cast: String?

    @Option(help: ArgumentHelp("The steps --cast records, from A to B (default: all).", valueName: "A..B"))
    var steps: String?

    @Flag(help: "Replace the --cast file if it exists.")
    var force = false

    /// Seconds between the steps of a --cast recording.
    static let pace = 0.5

    func run() throws {
        guard cast != nil || steps == nil else { throw CLIFailure("--steps goes with --cast FILE") }
        let destination = try cast.map {
            try CastFile(
                path: $0, force: force, option: "--cast",
                inputs: [("the input bundle", bundle), ("the --expect file", expectation.expect)])
        }
        let (scenes, answer) = try makeScenes(
            layer, bundle: bundle, upstream: try screen.upstream(),
            expectation: expectation, mytorch: mytorch)
        let loops = try screen.walksLoops()
        var model = try screen.model(
            scenes, sceneIndex: loops ? 0 : (scene ?? 1) - 1, size: try frame.dimensions(),
            capabilities: frame.capabilities())
        model.display = try frame.mode()
        model.answer = answer.map { AnswerOverlay($0, scenes: scenes) }
        let stage = loops ? try loopStage(in: model) : nil
        if let stage { model.sceneIndex = stage.scene }
        let (first, count) = stage.map { ($0.first, $0.count) } ?? (0, model.stepCount)
        if let destination { return try record(model, from: first, count: count, into: destination) }
        guard (1...count).contains(step) else {
            throw CLIFailure("--step \(step) is out of range: the \(screenName(model, stage)) has steps 1 to \(count)")
        }
        model.step = first + step - 1
        try StandardOutput.print(model.render(keyHints: false).plainText())
    }

    /// The loop walk's stage `--scene` names, by default its loop: the stage with the most steps
    /// (the last of equals, so dL/db's default is its sum, not the downsample's scatter).
    private func loopStage(in model: AppModel) throws -> LoopStagePlace {
        let stages = model.loopStages(model.phase)
        guard let scene else { return stages.reduce(stages[0]) { $1.count >= $0.count ? $1 : $0 } }
        guard stages.indices.contains(scene - 1) else {
            let names = stages.map(\.title).joined(separator: "; ")
            throw CLIFailure(
                "--scene \(scene) is out of range: the \(model.phase.rawValue) loop walk has stages 1 to "
                    + "\(stages.count) (\(names))")
        }
        return stages[scene - 1]
    }

    /// How a range error names the steps: `forward screen`, or the loop stage.
    private func screenName(_ model: AppModel, _ stage: LoopStagePlace?) -> String {
        guard let stage else { return "\(model.phase.rawValue) screen" }
        let number = (model.loopStages(model.phase).firstIndex(of: stage) ?? 0) + 1
        return "\(model.phase.rawValue) loop walk's stage \(number) (\(stage.title))"
    }

    /// Streams the steps named by `--steps` into `file`, one frame and marker each, `pace` seconds apart.
    private func record(_ model: AppModel, from first: Int, count: Int, into file: CastFile) throws {
        let range = try stepRange(count: count, phase: model.phase)
        var model = model
        let recorder = try CastRecorder(size: model.size, into: file)
        for (index, step) in range.enumerated() {
            model.step = first + step - 1
            try recorder.record(model, at: Double(index) * Self.pace)
        }
        try recorder.hold(until: Double(range.count) * Self.pace)
        recorder.confirm()
    }

    /// `--steps A..B` (or one step `A`) checked against the screen's steps; all of them by default.
    private func stepRange(count: Int, phase: Pass) throws -> ClosedRange<Int> {
        let all = 1...count
        guard let steps else { return all }
        let ends = steps.components(separatedBy: "..").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard (1...2).contains(ends.count), let first = ends.first!, let last = ends.last!, first <= last else {
            throw CLIFailure("--steps \(steps) is not A..B with A ≤ B, e.g. --steps 1..\(count)")
        }
        guard all.contains(first), all.contains(last) else {
            throw CLIFailure("--steps \(steps) is out of range: the \(phase.rawValue) screen has steps 1 to \(count)")
        }
        return first...last
    }
}

/// Reads the bundle or sample and builds the layer's scenes, turning layer errors into one
/// line; with `--expect`, also checks the user's answer and lays it over the scenes. The
/// answer was computed from a bundle (or sample), so one is required, and a missing `b`
/// means zeros there as in `compute` (not the seeded default bias the screens use otherwise).
/// A sample names the scenes: `sample NAME`, before the stage names of a transposed convolution.
/// With `--mytorch`, the answer is the user's class run on the same tensors (and dLdZ).
private func makeScenes(
    _ layer: LayerArguments, bundle: String?, upstream: UpstreamGradient,
    expectation: ExpectArguments, mytorch: MytorchArguments
) throws -> ([Scene], AnswerCheck?) {
    let input = try layer.input(bundle: bundle)
    try input.requireMemory(within: layer.maxMemory, backward: true, writing: false)
    let gradient = upstream == .ones ? "ones" : "seeded random"
    input.announceNote("the backward pass starts from the default gradient (\(gradient))")
    var tensors = input.tensors
    if mytorch.mytorch != nil {
        guard expectation.expect == nil else { throw CLIFailure("give --expect MINE.npz or --mytorch DIR, not both") }
        guard input.source != nil else {
            throw CLIFailure("--mytorch needs the bundle (or --sample) to run your code on")
        }
        tensors = try MytorchArguments.completed(input, upstream: upstream)
    } else if expectation.expect != nil {
        guard input.source != nil else {
            throw CLIFailure("--expect needs the bundle (or --sample) your answer was computed from")
        }
        if tensors["b"] == nil, let layer = try? input.spec.makeLayer(from: tensors) as? ParameterizedLayer {
            tensors["b"] = layer.b
        }
    }
    var scenes: [Scene]
    do {
        scenes = try SceneFactory.scenes(for: input.spec, bundle: tensors, upstream: upstream)
    } catch {
        throw input.failure(error)
    }
    if let name = layer.sample {
        let sample = "sample \(name)" + (input.note == nil ? "" : " · default dLdZ")
        for index in scenes.indices {
            scenes[index].title = scenes.count == 1 ? sample : "\(sample) · \(scenes[index].title)"
        }
    }
    try requireSteps(
        scenes,
        context: "\(layer.sample.map { "sample \($0): " } ?? bundle.map { "\($0): " } ?? "")\(input.spec.kind.rawValue)"
    )
    let name = layer.layer ?? LayerName(kind: input.spec.kind)
    let mine = try mytorch.check(name, spec: input.spec, bundle: tensors, tolerance: expectation.tolerance)
    return (scenes, try mine?.answer ?? expectation.check(input.spec, bundle: tensors))
}

/// A screen steps through the elements of what a pass computes, so an empty result (from an
/// empty `A`) has nothing to show; `compute` handles those.
private func requireSteps(_ scenes: [Scene], context: String) throws {
    for scene in scenes {
        for phase in scene.phases where scene.stepCount(phase) == 0 {
            let shape = TensorSummary.shapeText
            throw CLIFailure(
                "\(context): A has shape \(shape(scene.input.shape)), so the \(phase.rawValue) pass "
                    + "makes an empty tensor of shape \(shape(scene.target(phase).shape)) and the screen has "
                    + "nothing to step through; give A at least one element, or use `convscope compute`")
        }
    }
}

/// Opens the terminal (or explains why it cannot) and runs the app until the user quits;
/// with a destination, streams the session into it frame by frame, so signals (Ctrl-C,
/// SIGTERM, SIGHUP), which end the process at once, keep what was recorded. A failed
/// write stops the recording (the session goes on) and is reported on the way out.
private func runInteractive(_ model: AppModel, recording: CastFile?) throws {
    let backend: NcursesBackend
    do {
        backend = try NcursesBackend()
    } catch let error as TerminalError {
        throw CLIFailure(error.description)
    }
    guard let recording else { return AppRunner.run(model, on: backend) }
    var recorder: CastRecorder?
    var failure: Error?
    do {
        recorder = try CastRecorder(size: backend.size, into: recording)
    } catch {
        backend.shutdown()
        throw error
    }
    let start = ContinuousClock.now
    AppRunner.run(model, on: backend) { model in
        guard failure == nil else { return }
        let elapsed = (ContinuousClock.now - start).components
        do {
            try recorder?.record(model, at: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
        } catch {
            failure = error
        }
    }
    if let failure { throw failure }
    recorder?.confirm()
}
