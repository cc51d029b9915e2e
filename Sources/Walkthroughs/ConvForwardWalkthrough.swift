import ConvScopeCore

/// One step of a convolution's forward pass: the making of one output element.
public struct ConvForwardStep: Sendable, Equatable {
    /// Position of this step in the walk, from 0.
    public let number: Int
    /// The output element `(n, o, i, j)` (or `(n, o, w)` for Conv1d) being made.
    public let output: [Int]
    /// Every product of the sum, by input channel then kernel tap, as the layer defines them.
    public let terms: [ConvTerm]
    /// The sum of the products of each input channel.
    public let channelSums: [Double]
    /// `b[o]`.
    public let bias: Double
    /// `Z[output]`, the value the layer's forward pass produced.
    public let result: Double
}

/// A convolution's forward pass as a walk over its output elements in row-major order
/// (sample, output channel, row, column). Steps are made on demand from the layer's own
/// receptive-field answers and its output, so nothing is computed a second way and
/// memory does not grow with the number of steps.
public struct ConvForwardWalkthrough: OutputWalk {
    public let layer: ConvFunction
    /// The input A.
    public let input: Tensor
    /// The layer's output Z.
    public let output: Tensor
    /// What forward kept: A and A zero-padded.
    public let record: ConvRecord
    private let extents: Deferred<(input: NumberExtent, kernel: NumberExtent)>
    private let inputs: SummaryTable
    private let paddedInputs: SummaryTable
    private let outputs: SummaryTable

    /// Runs the layer forward on `input`.
    public init(layer: ConvFunction, input: Tensor) throws {
        self.layer = layer
        self.input = input
        let (output, record) = try layer.forward(input)
        (self.output, self.record) = (output, record)
        extents = Deferred { (NumberExtent(input), NumberExtent(layer.W)) }
        inputs = SummaryTable { input }
        paddedInputs = SummaryTable { record.paddedInput }
        outputs = SummaryTable { output }
    }

    /// The extremes of the whole of A and of W, which bound every product (one pass each,
    /// on first use, then kept).
    public var inputExtent: NumberExtent { extents.value.input }
    public var kernelExtent: NumberExtent { extents.value.kernel }

    /// The summaries of `A[leading]` (a sample, a map), `A[:, c]`, `A_pad[leading]` and
    /// `Z[leading]`, each found the first time a screen asks and kept: a frame of a big map
    /// reads them instead of passing over millions of elements.
    public func inputSummary(_ leading: [Int]) -> TensorSummary { inputs.block(leading) }
    public func inputChannelSummary(_ c: Int) -> TensorSummary { inputs.channel(c) }
    public func paddedInputSummary(_ leading: [Int]) -> TensorSummary { paddedInputs.block(leading) }
    public func outputSummary(_ leading: [Int]) -> TensorSummary { outputs.block(leading) }

    /// The products of output element `index`'s sum, by input channel then kernel tap.
    public func receptiveField(of index: [Int]) -> [ConvTerm] {
        layer.receptiveField(of: index, in: record)
    }

    /// The products input element `index` takes part in, by output channel then position.
    public func influence(of index: [Int]) -> [ConvTerm] {
        layer.influence(of: index, in: record)
    }

    /// The full account of step `number`.
    public func step(_ number: Int) -> ConvForwardStep {
        let index = outputIndex(ofStep: number)
        let terms = receptiveField(of: index)
        let perChannel = terms.count / max(layer.inChannels, 1)
        let channelSums = (0..<layer.inChannels).map { c in
            terms[(c * perChannel)..<((c + 1) * perChannel)].reduce(0) { $0 + $1.product }
        }
        return ConvForwardStep(
            number: number, output: index, terms: terms, channelSums: channelSums,
            bias: layer.b.scalars[index[1]], result: output.scalars[number])
    }
}
