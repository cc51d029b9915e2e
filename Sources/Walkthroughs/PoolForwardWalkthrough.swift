import ConvScopeCore

/// One step of a pooling forward pass: the window of one output element.
public struct PoolForwardStep: Sendable, Equatable {
    public let number: Int
    /// The output element `(n, c, i, j)`.
    public let output: [Int]
    /// The input elements of its window, row-major.
    public let window: [[Int]]
    /// `A` at each window element.
    public let values: [Double]
    /// Max pooling: the element the layer picked (the first maximum). Nil for mean pooling.
    public let argmax: [Int]?
    /// `Z[output]`, the value the layer produced (the max, or the window mean).
    public let result: Double
}

/// A pooling layer's forward pass as a walk over its output elements in row-major order,
/// built on demand from the layer's windows, its forward record's argmax and its output.
public struct PoolForwardWalkthrough: OutputWalk {
    public let layer: PoolFunction
    public let input: Tensor
    public let output: Tensor
    /// What forward kept: the shapes and each window's argmax.
    public let record: PoolRecord
    private let extents: Deferred<(input: NumberExtent, output: NumberExtent)>

    /// Runs the layer forward on `input`.
    public init(layer: PoolFunction, input: Tensor) throws {
        self.layer = layer
        self.input = input
        let (output, record) = try layer.forward(input)
        (self.output, self.record) = (output, record)
        extents = Deferred { (NumberExtent(input), NumberExtent(output)) }
    }

    /// The extremes of A and Z that their number columns are sized by, found on first use
    /// (one pass over each) and kept, so a big map's frames do not rescan every element.
    public var inputExtent: NumberExtent { extents.value.input }
    public var outputExtent: NumberExtent { extents.value.output }

    /// Every output `(n, c, i, j)` whose window holds input `index`, row-major.
    public func outputsReading(input index: [Int]) -> [[Int]] {
        layer.outputsReading(input: index, in: record)
    }

    public func step(_ number: Int) -> PoolForwardStep {
        let index = outputIndex(ofStep: number)
        let window = layer.receptiveField(of: index)
        return PoolForwardStep(
            number: number, output: index, window: window,
            values: window.map { input[index: $0] },
            argmax: layer.argmax(of: index, in: record), result: output.scalars[number])
    }
}
