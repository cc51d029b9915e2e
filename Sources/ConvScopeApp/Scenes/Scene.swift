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
    case network(NetworkSession)
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

    public init(title: String, content: SceneContent, recipe: Recipe? = nil) {
        self.title = title
        self.content = content
        self.recipe = recipe
    }

    /// A convolution scene; its backward pass starts from `dLdZ` (default: `upstream`).
    public static func convolution(_ title: String, layer: ConvFunction, input: Tensor, dLdZ: Tensor? = nil,
                                   upstream: UpstreamGradient = .ones) throws -> Scene {
        let forward = try ConvForwardWalkthrough(layer: layer, input: input)
        let backward = try ConvBackwardWalkthrough(forward: forward, dLdZ: dLdZ ?? upstream.tensor(shape: forward.output.shape))
        return Scene(title: title, content: .convolution(forward, backward))
    }

    /// A pooling scene; its backward pass starts from `dLdZ` (default: `upstream`).
    public static func pooling(_ title: String, layer: PoolFunction, input: Tensor, dLdZ: Tensor? = nil,
                               upstream: UpstreamGradient = .ones) throws -> Scene {
        let forward = try PoolForwardWalkthrough(layer: layer, input: input)
        let backward = try PoolBackwardWalkthrough(forward: forward, dLdZ: dLdZ ?? upstream.tensor(shape: forward.output.shape))
        return Scene(title: title, content: .pooling(forward, backward))
    }

    /// The phases this scene has, in the order the phase key cycles through them.
    public var phases: [Pass] {
        switch content {
        case .convolution: Pass.allCases
        case .linear: [.forward, .dLdA, .dLdW, .dLdb]
        case .pooling, .resampling, .elementwise: [.forward, .dLdA]
        case .scanning: [.forward]
        case .network: [.forward, .dLdA]
        }
    }

    /// The shape a phase steps over, one element per step: that of Z, dL/dA, dL/dW or
    /// dL/db; for a scanning MLP, one step per window.
    public func stepShape(_ phase: Pass) -> [Int] {
        if case .scanning(let walk) = content { return [walk.positions] }
        if case .network(let session) = content { return [session.cnn.layers.count + 1] }
        return target(phase).shape
    }

    /// The tensor a phase fills in: Z, dL/dA, dL/dW or dL/db.
    public func target(_ phase: Pass) -> Tensor {
        switch (content, phase) {
        case (.convolution(let f, _), .forward): f.output
        case (.convolution(_, let b), .dLdA), (.convolution(_, let b), .taught): b.dLdA
        case (.convolution(_, let b), .dLdW): b.dLdW
        case (.convolution(_, let b), .dLdb): b.dLdb
        case (.pooling(let f, _), .forward): f.output
        case (.pooling(_, let b), _): b.dLdA
        case (.resampling(let walk), .forward): walk.output
        case (.resampling(let walk), _): walk.dLdA
        case (.elementwise(let walk), .forward): walk.output
        case (.elementwise(let walk), _): walk.dLdA
        case (.linear(let walk), .forward): walk.output
        case (.linear(let walk), .dLdW): walk.dLdW
        case (.linear(let walk), .dLdb): walk.dLdb
        case (.linear(let walk), _): walk.dLdA
        case (.scanning(let walk), _): walk.output
        case (.network(let session), _): session.activations.last!
        }
    }

    public func stepCount(_ phase: Pass) -> Int { Tensor.count(of: stepShape(phase)) }

    /// The cursor grid of a phase's steps.
    public func grid(_ phase: Pass) -> OutputGrid { OutputGrid(shape: stepShape(phase)) }

    /// The input A.
    public var input: Tensor {
        switch content {
        case .convolution(let walk, _): walk.input
        case .pooling(let walk, _): walk.input
        case .resampling(let walk): walk.input
        case .elementwise(let walk): walk.input
        case .linear(let walk): walk.input
        case .scanning(let walk): walk.input
        case .network(let session): session.images
        }
    }

    /// Carries a selection across the forward/backward switch: the forward step of an
    /// output maps to its window's first real input element, and a dL/dA step maps to the
    /// first output that input feeds. Other switches keep `step` as it is for that phase.
    func step(_ step: Int, from old: Pass, to new: Pass, keeping kept: Int) -> Int {
        let inputSide: Set<Pass> = [.dLdA, .taught]
        switch content {
        case .convolution(let forward, let backward):
            if old == .forward && inputSide.contains(new) {
                let output = forward.outputIndex(ofStep: step)
                guard let term = forward.receptiveField(of: output).first(where: { !$0.isPadding }) else { return kept }
                return backward.dLdA.offset(of: term.input)
            }
            if inputSide.contains(old) && new == .forward {
                let input = backward.dLdA.index(ofOffset: step)
                guard let term = forward.influence(of: input).first else { return kept }
                return forward.stepNumber(ofOutput: term.output)
            }
            return inputSide.contains(old) && inputSide.contains(new) ? step : kept
        case .pooling(let forward, let backward):
            if old == .forward && new == .dLdA {
                return backward.dLdA.offset(of: forward.step(step).argmax ?? forward.step(step).window[0])
            }
            if old == .dLdA && new == .forward {
                let input = backward.dLdA.index(ofOffset: step)
                guard let output = forward.outputsReading(input: input).first else { return kept }
                return forward.stepNumber(ofOutput: output)
            }
            return kept
        case .resampling(let walk):
            if old == .forward && new == .dLdA, let source = walk.forwardStep(step).source { return walk.dLdA.offset(of: source) }
            if old == .dLdA && new == .forward, let output = walk.layer.destination(ofInput: walk.dLdA.index(ofOffset: step)) {
                return walk.output.offset(of: output)
            }
            return kept
        case .elementwise(let walk):
            if old == .forward && new == .dLdA { return walk.dLdA.offset(of: walk.forwardStep(step).source) }
            if old == .dLdA && new == .forward { return walk.output.offset(of: walk.destination(ofInput: walk.dLdA.index(ofOffset: step))) }
            return kept
        case .linear, .scanning, .network:
            return kept
        }
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
