import ConvScopeCore

/// A convolution's backward pass as three walks — dL/dA one input element at a time,
/// dL/dW one weight tap at a time, dL/db one output channel at a time — plus the taught
/// route to dL/dA (scatter, pad, correlate with the flipped kernel, crop). Every value
/// comes from the layer value: the gradients from `backward`, the terms from its term lists.
/// The gradients are computed when first asked for (a screen that opens on the forward pass
/// never needs them); dL/dZ's shape is checked at once.
public struct ConvBackwardWalkthrough {
    public let forward: ConvForwardWalkthrough
    public let dLdZ: Tensor
    private let backward: Deferred<ParameterGradients>
    private let taughtRoute: TaughtRoute
    private let upstream: SummaryTable
    private let inputGradients: SummaryTable
    private let taughtGradients: SummaryTable
    private let taughtPaddedInputGradients: SummaryTable

    /// The backward pass from `dLdZ`, which must have Z's shape (checked here, as the
    /// layer's backward checks it); the gradients wait until first asked for.
    public init(forward: ConvForwardWalkthrough, dLdZ: Tensor) throws {
        guard dLdZ.shape == forward.record.outputShape else {
            throw LayerError.gradientShape(shape: dLdZ.shape, output: forward.record.outputShape)
        }
        self.forward = forward
        self.dLdZ = dLdZ
        let backward = Deferred<ParameterGradients> {
            // dL/dZ has Z's shape (checked above), the only thing the layer's backward checks.
            try! forward.layer.backward(forward.record, dLdZ)
        }
        self.backward = backward
        let taughtRoute = TaughtRoute(layer: forward.layer, record: forward.record, dLdZ: dLdZ)
        self.taughtRoute = taughtRoute
        taughtGradients = SummaryTable { taughtRoute.value.padded }
        taughtPaddedInputGradients = SummaryTable { taughtRoute.value.paddedInputGradient }
        upstream = SummaryTable { dLdZ }
        inputGradients = SummaryTable { backward.value.dLdA }
    }

    public var layer: ConvFunction { forward.layer }
    /// The layer's backward pass, computed the first time any gradient is asked for.
    public var gradients: ParameterGradients { backward.value }
    public var dLdA: Tensor { gradients.dLdA }
    public var dLdW: Tensor { gradients.dLdW }
    public var dLdb: Tensor { gradients.dLdb }

    /// The summaries of `dLdZ[leading]`, `dLdZ[:, o]` and `dLdA[leading]`, each found the
    /// first time a screen asks and kept.
    public func upstreamSummary(_ leading: [Int]) -> TensorSummary { upstream.block(leading) }
    public func upstreamChannelSummary(_ o: Int) -> TensorSummary { upstream.channel(o) }
    public func inputGradientSummary(_ leading: [Int]) -> TensorSummary { inputGradients.block(leading) }
    /// The same for the taught route's G (dL/dZ scattered and padded) and dL/dA_pad.
    public func taughtGradientSummary(_ leading: [Int]) -> TensorSummary { taughtGradients.block(leading) }
    public func taughtPaddedInputGradientSummary(_ leading: [Int]) -> TensorSummary {
        taughtPaddedInputGradients.block(leading)
    }

    /// The taught route's tensors, computed the first time they are asked for: several
    /// copies of dL/dZ's size that only the taught screen needs.
    public var taught: TaughtInputGradient { taughtRoute.value }

    private var walks: ParameterGradientWalk<ConvFunction> {
        ParameterGradientWalk(layer: layer, record: forward.record, dLdZ: dLdZ, gradients: gradients)
    }

    /// The gradient a backward pass fills in.
    public func gradient(_ pass: Pass) -> Tensor { walks.gradient(pass) }

    /// The shape of the gradient a backward pass fills in (A's, W's or b's), without
    /// computing it.
    public func shape(_ pass: Pass) -> [Int] {
        switch pass {
        case .dLdA, .taught: forward.input.shape
        case .dLdW: layer.W.shape
        case .dLdb: layer.b.shape
        case .forward: preconditionFailure("the forward pass is walked by the forward walkthrough")
        }
    }

    public func stepCount(_ pass: Pass) -> Int { Tensor.count(of: shape(pass)) }

    /// Step `number` of a backward pass's walk, elements in row-major order.
    public func step(_ number: Int, of pass: Pass) -> GradientStep { walks.step(number, of: pass) }

    /// Step `number` of a backward pass with only its first `limit` terms listed and
    /// `termCount` saying how many there are: what a screen draws of a dL/dW or dL/db sum,
    /// which has a term per sample and output position (a million on a big map). Each listed
    /// term is the layer's own, as in `step(_:of:)`; dL/dA's few terms are all listed.
    public func step(_ number: Int, of pass: Pass, listing limit: Int) -> GradientStep {
        let element = gradient(pass).index(ofOffset: number)
        let count: Int
        switch pass {
        case .dLdW: count = layer.weightGradientTermCount(in: forward.record)
        case .dLdb: count = layer.biasGradientTermCount(dLdZ: dLdZ)
        default: return step(number, of: pass)
        }
        return GradientStep(
            number: number, element: element,
            terms: (0..<min(max(0, limit), count)).map { term($0, ofStep: number, of: pass) },
            result: gradient(pass).scalars[number], termCount: count)
    }

    /// Term `k` of a dL/dW or dL/db step, made alone by the layer.
    public func term(_ k: Int, ofStep number: Int, of pass: Pass) -> GradientTerm {
        let element = gradient(pass).index(ofOffset: number)
        switch pass {
        case .dLdW: return layer.weightGradientTerm(k, of: element, in: forward.record, dLdZ: dLdZ)
        case .dLdb: return layer.biasGradientTerm(k, of: element[0], dLdZ: dLdZ)
        default: preconditionFailure("only dL/dW and dL/db terms are made one at a time")
        }
    }

    /// The taught step's terms summed per output channel: what each flipped kernel adds.
    public func taughtChannelSums(_ step: GradientStep) -> [Double] {
        Self.channelSums(step.terms, channels: layer.outChannels)
    }

    /// `terms` (dL/dA terms, `through[0]` the output channel) summed per channel in one pass,
    /// each channel's in the terms' order: linear in terms + channels, however many channels.
    public static func channelSums<Terms: Sequence<GradientTerm>>(_ terms: Terms, channels: Int) -> [Double] {
        var sums = [Double](repeating: 0, count: channels)
        for term in terms { sums[term.through[0]] += term.product }
        return sums
    }

    /// The taught route's account of dL/dA step `number`: the element of the padded-input
    /// gradient it is cropped from, its terms, and that element's value.
    public func taughtStep(_ number: Int) -> GradientStep {
        let element = dLdA.index(ofOffset: number)
        let p = layer.geometry.padding
        let padded =
            layer.spatialAxes == 1
            ? [element[0], element[1], 0, element[2] + p.w]
            : [element[0], element[1], element[2] + p.h, element[3] + p.w]
        return GradientStep(
            number: number, element: padded, terms: taught.terms(ofPadded: padded),
            result: taught.paddedInputGradient[index: padded])
    }
}

/// Computes the taught dL/dA once, on first use. A class so that copies of the
/// walkthrough share one computation.
private final class TaughtRoute {
    private let layer: ConvFunction
    private let record: ConvRecord
    private let dLdZ: Tensor

    init(layer: ConvFunction, record: ConvRecord, dLdZ: Tensor) {
        self.layer = layer
        self.record = record
        self.dLdZ = dLdZ
    }

    /// The layer's own shape checks already passed when backward ran, so this cannot fail.
    lazy var value: TaughtInputGradient = try! layer.taughtInputGradient(record, dLdZ: dLdZ)
}
