import Terminal
import Walkthroughs

/// How maps are drawn.
public enum MapDisplay: Hashable, Sendable {
    /// Numbers when they fit the panel, otherwise a heat map.
    case automatic
    case numbers
    case heatmap
}

/// The whole state of the app. `update` changes it in response to messages and `render`
/// draws it; both are pure, so every screen can be produced without a terminal.
public struct AppModel: Equatable {
    public var scenes: [Scene]
    public var sceneIndex = 0
    /// The pass and gradient on screen; switching keeps each phase's place.
    public var phase = Pass.forward
    /// The current step of each scene, phase and walk (switching keeps one's place).
    public var steps: [SceneSteps]
    /// The batch sample and the output channel the loop walk's maps show (`n`, `c`); each
    /// loop step computes every sample and channel at once, so these are not in the step.
    public var loopSample = 0
    public var loopChannel = 0
    public var isPlaying: Bool
    /// Index into `AppModel.speeds`.
    public var speedIndex = 3
    /// What playback last achieved, as the runner measured it (`Message.measuredRate`).
    public var measuredRate: MeasuredRate?
    public var display = MapDisplay.automatic
    public var showsHelp = false
    /// The list of screens, while it is open (`m`).
    public var menu: Menu?
    /// The size that `<` and `>` change, an index into the scene's recipe parameters.
    public var parameterIndex = 0
    /// Where the last switch from the forward pass to dL/dA started and landed, so that
    /// going back without moving returns to the same output.
    private var backwardEntry: BackwardEntry?
    private struct BackwardEntry: Equatable {
        let scene: Int
        let forwardStep: Int
        let inputStep: Int
    }
    public var size: Size
    public var capabilities: TerminalCapabilities
    public var wantsQuit = false
    /// The user's own answer laid over the screens (`--expect`), if any.
    public var answer: AnswerOverlay?
    /// Why the last effect failed (a diverging loss, a layer that could not be built), shown
    /// in place of the key hints until the next key.
    public var notice: String?

    /// Playback speeds in steps per second.
    public static let speeds: [Double] = [0.5, 1, 2, 4, 8, 16, 32, 64, 256]

    public init(scenes: [Scene], size: Size, capabilities: TerminalCapabilities = .full, playing: Bool = false) {
        precondition(!scenes.isEmpty, "the app needs at least one scene")
        self.scenes = scenes
        self.steps = Array(repeating: [:], count: scenes.count)
        self.size = size
        self.capabilities = capabilities
        self.isPlaying = playing
    }

    public var scene: Scene { scenes[sceneIndex] }

    /// The current step of the current scene and phase.
    public var step: Int {
        get { steps[sceneIndex][phase, loop: scene.showsLoops] ?? 0 }
        set { steps[sceneIndex][phase, loop: scene.showsLoops] = min(max(newValue, 0), stepCount - 1) }
    }

    /// Steps in the current scene and phase.
    public var stepCount: Int { scene.stepCount(phase) }

    /// Switches to another phase of the current scene, carrying the selected cell over
    /// between the forward pass and dL/dA.
    public mutating func switchPhase(to new: Pass) {
        guard scene.phases.contains(new), new != phase else { return }
        let kept = steps[sceneIndex][new, loop: scene.showsLoops] ?? 0
        guard !scene.showsLoops else {
            // A loop step covers every element at once: each pass keeps its own place.
            phase = new
            isPlaying = false
            return
        }
        var carried = scene.step(step, from: phase, to: new, keeping: kept)
        let inputSide: Set<Pass> = [.dLdA, .taught]
        if phase == .forward && inputSide.contains(new) {
            backwardEntry = BackwardEntry(scene: sceneIndex, forwardStep: step, inputStep: carried)
        } else if inputSide.contains(phase) && new == .forward, let entry = backwardEntry,
            entry.scene == sceneIndex, entry.inputStep == step
        {
            // Back on the element `b` arrived at: return to the output it came from.
            carried = entry.forwardStep
        }
        phase = new
        step = carried
        isPlaying = false
    }

    public var speed: Double { AppModel.speeds[speedIndex] }

    /// Milliseconds between animation ticks while playing.
    public var tickInterval: Int { Int((1000 / speed).rounded()) }
}
