import ConvScopeCore

/// A convolution's backward pass as three walks — dL/dA one input element at a time,
/// dL/dW one weight tap at a time, dL/db one output channel at a time — plus the taught
/// route to dL/dA (scatter, pad, correlate with the flipped kernel, crop). Every value
/// comes from the layer value: the gradients from `backward`, the terms from its term lists.
public struct ConvBackwardWalkthrough {
    public let forward: ConvForwardWalkthrough
    public let dLdZ: Tensor
    public let gradients: ParameterGradients
    private let taughtRoute: TaughtRoute

    /// Runs the layer backward on the forward record and `dLdZ` (which must have Z's shape).
    public init(forward: ConvForwardWalkthrough, dLdZ: Tensor) throws {
        self.forward = forward
        self.dLdZ = dLdZ
        gradients = try forward.layer.backward(forward.record, dLdZ)
        taughtRoute = TaughtRoute(layer: forward.layer, record: forward.record, dLdZ: dLdZ)
    }

    public var layer: ConvFunction { forward.layer }
    public var dLdA: Tensor { gradients.dLdA }
    public var dLdW: Tensor { gradients.dLdW }
    public var dLdb: Tensor { gradients.dLdb }

    /// The taught route's tensors, computed the first time they are asked for: several
    /// copies of dL/dZ's size that only the taught screen needs.
    public var taught: TaughtInputGradient { taughtRoute.value }

    private var walks: ParameterGradientWalk<ConvFunction> {
        ParameterGradientWalk(layer: layer, record: forward.record, dLdZ: dLdZ, gradients: gradients)
    }

    /// The gradient a backward pass fills in.
    public func gradient(_ pass: Pass) -> Tensor { walks.gradient(pass) }

    public func stepCount(_ pass: Pass) -> Int { gradient(pass).count }

    /// Step `number` of a backward pass's walk, elements in row-major order.
    public func step(_ number: Int, of pass: Pass) -> GradientStep { walks.step(number, of: pass) }

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
