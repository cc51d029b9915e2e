import ConvScopeCore
import Terminal
import Testing
import Walkthroughs

@testable import ConvScopeApp

/// Models and scenes the tests start from.
enum AppFixtures {
    static let small = Size(width: 80, height: 24)
    static let large = Size(width: 120, height: 40)

    /// The built-in demo, paused at its first scene and step.
    static func demo(size: Size = small, capabilities: TerminalCapabilities = .full) throws -> AppModel {
        AppModel(scenes: try Demo.scenes(), size: size, capabilities: capabilities)
    }

    /// The demo's scenes that walk through a layer, without the network at the end (where
    /// playing means training, so it never reaches an end).
    static func walkthroughs(size: Size = small) throws -> AppModel {
        let scenes = try Demo.scenes().filter { if case .network = $0.content { false } else { true } }
        return AppModel(scenes: scenes, size: size)
    }

    /// The one scene the factory makes for `spec` on `bundle`.
    static func factoryScene(_ spec: LayerSpec, _ bundle: [String: Tensor]) throws -> Scene {
        let scenes = try SceneFactory.scenes(for: spec, bundle: bundle)
        try #require(scenes.count == 1)
        return scenes[0]
    }

    /// A model showing just `scene`.
    static func single(_ scene: Scene, size: Size = small) -> AppModel {
        AppModel(scenes: [scene], size: size)
    }

    /// `conv2d` from the factory on a seeded 1×3×224×224 image with two 3×3 kernels.
    static func imageSizedConv() throws -> Scene {
        try factoryScene(
            LayerSpec(kind: .conv2d, stride: [2], padding: [1]),
            [
                "A": Tensor.randomUniform(shape: [1, 3, 224, 224], in: 0...1, seed: 11),
                "W": Tensor.randomNormal(shape: [2, 3, 3, 3], seed: 12),
                "b": Tensor.randomNormal(shape: [2], seed: 13),
            ])
    }

    /// `conv2d` from the factory on a small input holding NaN, +Inf and -Inf, with an
    /// all-ones kernel so the non-finite values spread into the output.
    static func nonFiniteConv() throws -> Scene {
        var input = Tensor.randomUniform(shape: [1, 1, 6, 6], in: -1...1, seed: 21).scalars.map { ($0 * 4).rounded() }
        input[7] = .nan
        input[16] = .infinity
        input[27] = -.infinity
        return try factoryScene(
            LayerSpec(kind: .conv2d),
            [
                "A": Tensor(shape: [1, 1, 6, 6], scalars: input),
                "W": Tensor(shape: [1, 1, 2, 2], repeating: 1),
                "b": Tensor([0]),
            ])
    }
}

extension AppModel {
    /// Applies a message and performs the effects it leads to, as the runner does.
    mutating func update(_ message: Message) {
        self = AppRunner.process(message, self)
    }

    /// Sends each key in turn.
    mutating func press(_ keys: [Key]) {
        for key in keys { update(.key(key)) }
    }

    mutating func press(_ keys: Key...) { press(keys) }

    /// A copy after the keys.
    func pressing(_ keys: [Key]) -> AppModel {
        var copy = self
        copy.press(keys)
        return copy
    }

    func pressing(_ keys: Key...) -> AppModel { pressing(keys) }

    /// The state the user can change, for comparing models (scenes are fixed). A step
    /// never moved reads as 0.
    var state: ModelState {
        let allSteps = scenes.indices.map { s in scenes[s].phases.map { steps[s][$0] ?? 0 } }
        return ModelState(
            sceneIndex: sceneIndex, phase: phase, steps: allSteps, isPlaying: isPlaying,
            speedIndex: speedIndex, display: display, showsHelp: showsHelp, size: size, wantsQuit: wantsQuit)
    }

    /// The step cursor's grid in the current scene and phase.
    var grid: OutputGrid { scene.grid(phase) }

    /// `(n, c, i, j)` of the current step.
    var position: (n: Int, c: Int, i: Int, j: Int) { grid.position(ofStep: step) }
}

/// The comparable part of an `AppModel`.
struct ModelState: Equatable {
    var sceneIndex: Int
    var phase: Pass
    var steps: [[Int]]
    var isPlaying: Bool
    var speedIndex: Int
    var display: MapDisplay
    var showsHelp: Bool
    var size: Size
    var wantsQuit: Bool
}

extension Key {
    /// Keys from a string of characters: `Key.typing("gGv")`.
    static func typing(_ text: String) -> [Key] { text.map(Key.character) }

    /// One key `count` times.
    static func repeated(_ key: Key, _ count: Int) -> [Key] { Array(repeating: key, count: count) }
}

extension AppFixtures {
    /// A batch of three 5×5 samples through a padded 2→3 channel convolution: a 3×3×5×5 output,
    /// so sample and channel moves have somewhere to go.
    static func batchConv() throws -> Scene {
        try factoryScene(
            LayerSpec(kind: .conv2d, padding: [1]),
            [
                "A": Tensor.randomUniform(shape: [3, 2, 5, 5], in: -2...2, seed: 31),
                "W": Tensor.randomNormal(shape: [3, 2, 3, 3], seed: 32),
                "b": Tensor.randomNormal(shape: [3], seed: 33),
            ])
    }
}
