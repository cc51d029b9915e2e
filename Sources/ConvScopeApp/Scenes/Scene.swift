import ConvScopeCore
import Walkthroughs

/// What a scene walks through: one layer's forward pass and its backward pass.
public enum SceneContent {
    case convolution(ConvForwardWalkthrough, ConvBackwardWalkthrough)
    case pooling(PoolForwardWalkthrough, PoolBackwardWalkthrough)
    case resampling(ResamplingWalkthrough)
    case elementwise(ElementwiseWalkthrough)
    case linear(LinearWalkthrough)
    case scanning(ScanningWalkthrough)
    /// A whole CNN learning from a batch: one step per layer, forward then backward.
    case network(NetworkState)
}

/// One screen of the app: a titled layer with its forward and backward walks. The demo is
/// a list of scenes; `view` opens a single one.
public struct Scene {
    /// Shown in the header, e.g. "influence: 1 map, 2 kernels → 2 maps".
    public var title: String
    public var content: SceneContent
    /// The sizes keys can change live, for scenes built from sizes (the demo, built-in tensors).
    public var recipe: Recipe?
    /// Why the recipe's current sizes make no layer; the content is then the last good one.
    public var problem: String?
    /// What the screens call the input: `A`, or `A↑` for the upsampled map a transposed
    /// convolution's second stage convolves (its gradient is then `dLdA↑`).
    public var inputName = "A"
    /// The passes in the homework's loops, once built (`w`, `--walk loop`).
    public var loops: LoopWalks?
    /// Whether the scene shows its loop walk rather than one element per step.
    public var showsLoops = false

    public init(title: String, content: SceneContent, recipe: Recipe? = nil) {
        self.title = title
        self.content = content
        self.recipe = recipe
    }

    /// A convolution scene; its backward pass starts from `dLdZ` (default: `upstream`).
    public static func convolution(
        _ title: String, layer: ConvFunction, input: Tensor, dLdZ: Tensor? = nil,
        upstream: UpstreamGradient = .ones
    ) throws -> Scene {
        let forward = try ConvForwardWalkthrough(layer: layer, input: input)
        let backward = try ConvBackwardWalkthrough(
            forward: forward, dLdZ: dLdZ ?? upstream.tensor(shape: forward.output.shape))
        return Scene(title: title, content: .convolution(forward, backward))
    }

    /// A pooling scene; its backward pass starts from `dLdZ` (default: `upstream`) and is
    /// computed when first shown.
    public static func pooling(
        _ title: String, layer: PoolFunction, input: Tensor, dLdZ: Tensor? = nil,
        upstream: UpstreamGradient = .ones
    ) throws -> Scene {
        let forward = try PoolForwardWalkthrough(layer: layer, input: input)
        let backward = try PoolBackwardWalkthrough(forward: forward, dLdZ: dLdZ, made: upstream)
        return Scene(title: title, content: .pooling(forward, backward))
    }

    /// The walks of the scene's family, which answer everything below.
    var walk: any SceneWalk {
        switch content {
        case .convolution(let forward, let backward): ConvolutionWalk(forward: forward, backward: backward)
        case .pooling(let forward, let backward): PoolingWalk(forward: forward, backward: backward)
        case .resampling(let walk): walk
        case .elementwise(let walk): walk
        case .linear(let walk): walk
        case .scanning(let walk): walk
        case .network(let state): state
        }
    }

    /// The phases this scene has, in the order the phase key cycles through them.
    public var phases: [Pass] { loopWalks?.phases ?? walk.phases }

    /// The loop walks, when the scene shows them.
    var loopWalks: LoopWalks? { showsLoops ? loops : nil }

    /// The loop walk of `phase`, when the scene shows its loop walk.
    public func loopWalk(_ phase: Pass) -> LoopWalk? { loopWalks?.walks[phase] }

    /// The scene with its loop walks built, shown or not as `shown` says.
    public func showingLoops(_ shown: Bool) throws -> Scene {
        var scene = self
        if shown && scene.loops == nil { scene.loops = try LoopWalks(walk) }
        scene.showsLoops = shown && scene.loops != nil
        return scene
    }

    /// The shape a phase steps over, one element per step: that of Z, dL/dA, dL/dW or
    /// dL/db; for a scanning MLP, one step per window; for the CNN, one per layer and the loss.
    public func stepShape(_ phase: Pass) -> [Int] { walk.stepShape(phase) }

    /// The tensor a phase fills in: Z, dL/dA, dL/dW or dL/db.
    public func target(_ phase: Pass) -> Tensor { walk.target(phase) }

    /// Steps in a phase: one per element, or one per loop iteration in the loop walk.
    public func stepCount(_ phase: Pass) -> Int { loopWalk(phase)?.stepCount ?? Tensor.count(of: stepShape(phase)) }

    /// The cursor grid of a phase's steps.
    public func grid(_ phase: Pass) -> OutputGrid { OutputGrid(shape: stepShape(phase)) }

    /// The input A.
    public var input: Tensor { walk.input }

    /// Carries a selection across a phase switch: the forward step of an output maps to its
    /// window's first real input element, and a dL/dA step maps to the first output that
    /// input feeds. Other switches keep `kept`, the step last shown in that phase.
    func step(_ step: Int, from old: Pass, to new: Pass, keeping kept: Int) -> Int {
        walk.step(step, from: old, to: new, keeping: kept)
    }
}

/// The shape of an output as samples × channels × rows × columns, and the moves of the
/// output cursor over it. Step `k` is the k-th element in row-major order.
public struct OutputGrid: Equatable, Sendable {
    public let samples: Int
    public let channels: Int
    public let rows: Int
    public let columns: Int

    /// `(N, C, H, W)` or `(N, C, W)`; a 2-d shape `(N, F)` is one map of N rows; a 1-d
    /// shape `(K,)` is one row of K cells.
    public init(shape: [Int]) {
        samples = shape.count >= 3 ? shape[0] : 1
        channels = shape.count >= 3 ? shape[1] : 1
        rows = shape.count == 4 ? shape[2] : shape.count == 2 ? shape[0] : 1
        columns = shape.last ?? 1
    }

    public var mapSize: Int { rows * columns }
    public var stepCount: Int { samples * channels * mapSize }

    /// `(n, c, i, j)` of a step.
    public func position(ofStep step: Int) -> (n: Int, c: Int, i: Int, j: Int) {
        let cell = step % mapSize
        let map = step / mapSize
        return (map / channels, map % channels, cell / columns, cell % columns)
    }

    /// The step of `(n, c, i, j)`.
    public func step(n: Int, c: Int, i: Int, j: Int) -> Int {
        ((n * channels + c) * rows + i) * columns + j
    }
}
