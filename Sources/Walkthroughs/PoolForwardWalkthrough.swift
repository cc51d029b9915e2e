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
/// built on demand from the layer's windows, argmax cache and output.
public struct PoolForwardWalkthrough: OutputWalk {
    public let layer: PoolLayer
    public let input: Tensor
    public let output: Tensor

    /// Runs the layer forward on `input`.
    public init(layer: PoolLayer, input: Tensor) throws {
        self.layer = layer
        self.input = input
        self.output = try layer.forward(input)
    }

    public func step(_ number: Int) -> PoolForwardStep {
        let index = outputIndex(ofStep: number)
        let window = layer.receptiveField(of: index)
        return PoolForwardStep(number: number, output: index, window: window,
                               values: window.map { input[index: $0] },
                               argmax: layer.argmax(of: index), result: output.scalars[number])
    }
}
