import ConvScopeCore
import Walkthroughs

/// What a scene walks through: one layer's forward pass, step by step.
public enum SceneContent {
    case convolution(ConvForwardWalkthrough)
    case pooling(PoolForwardWalkthrough)
}

/// One screen of the app: a titled walkthrough. The demo is a list of scenes; `view`
/// opens a single one.
public struct Scene {
    /// Shown in the header, e.g. "Influence example: one map, two kernels".
    public var title: String
    public var content: SceneContent

    public init(title: String, content: SceneContent) {
        self.title = title
        self.content = content
    }

    /// One step per output element.
    public var stepCount: Int {
        switch content {
        case .convolution(let walk): walk.stepCount
        case .pooling(let walk): walk.stepCount
        }
    }

    /// The layer's output Z, whose elements the steps make in row-major order.
    public var output: Tensor {
        switch content {
        case .convolution(let walk): walk.output
        case .pooling(let walk): walk.output
        }
    }

    /// The input A.
    public var input: Tensor {
        switch content {
        case .convolution(let walk): walk.input
        case .pooling(let walk): walk.input
        }
    }

    /// The output as a grid of maps: (samples, channels, rows, columns); 1-d outputs
    /// are one row high.
    public var outputGrid: OutputGrid { OutputGrid(shape: output.shape) }
}

/// The shape of an output as samples × channels × rows × columns, and the moves of the
/// output cursor over it. Step `k` is the k-th element in row-major order.
public struct OutputGrid: Equatable, Sendable {
    public let samples: Int
    public let channels: Int
    public let rows: Int
    public let columns: Int

    public init(shape: [Int]) {
        samples = shape[0]
        channels = shape[1]
        rows = shape.count == 4 ? shape[2] : 1
        columns = shape.last!
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
