import ConvScopeCore

/// A convolution's backward pass as three walks — dL/dA one input element at a time,
/// dL/dW one weight tap at a time, dL/db one output channel at a time — plus the taught
/// route to dL/dA (scatter, pad, correlate with the flipped kernel, crop). Every value
/// comes from the layer: the gradients from `backward`, the terms from its term lists.
public struct ConvBackwardWalkthrough {
    public let forward: ConvForwardWalkthrough
    public let dLdZ: Tensor
    public let dLdA: Tensor
    public let dLdW: Tensor
    public let dLdb: Tensor
    private let taughtRoute: TaughtRoute

    /// Runs the layer backward on `dLdZ` (which must have Z's shape).
    public init(forward: ConvForwardWalkthrough, dLdZ: Tensor) throws {
        self.forward = forward
        self.dLdZ = dLdZ
        let layer = forward.layer
        dLdA = try layer.backward(dLdZ)
        dLdW = layer.dLdW
        dLdb = layer.dLdb
        taughtRoute = TaughtRoute(layer: layer, dLdZ: dLdZ)
    }

    public var layer: ConvLayer { forward.layer }

    /// The taught route's tensors, computed the first time they are asked for: several
    /// copies of dL/dZ's size that only the taught screen needs.
    public var taught: TaughtInputGradient { taughtRoute.value }

    private var walks: ParameterGradientWalk {
        ParameterGradientWalk(layer: layer, dLdZ: dLdZ, dLdA: dLdA, dLdW: dLdW, dLdb: dLdb)
    }

    /// The gradient tensor a walk fills in.
    public func gradient(_ kind: GradientKind) -> Tensor { walks.gradient(kind) }

    public func stepCount(_ kind: GradientKind) -> Int { gradient(kind).count }

    /// Step `number` of the walk over `kind`, elements in row-major order.
    public func step(_ number: Int, of kind: GradientKind) -> GradientStep { walks.step(number, of: kind) }

    /// The taught step's terms summed per output channel: what each flipped kernel adds.
    public func taughtChannelSums(_ step: GradientStep) -> [Double] {
        (0..<layer.outChannels).map { o in step.terms.filter { $0.through[0] == o }.reduce(0) { $0 + $1.product } }
    }

    /// The taught route's account of dL/dA step `number`: the element of the padded-input
    /// gradient it is cropped from, its terms, and that element's value.
    public func taughtStep(_ number: Int) -> GradientStep {
        let element = dLdA.index(ofOffset: number)
        let p = layer.geometry.padding
        let padded = layer.spatialAxes == 1
            ? [element[0], element[1], 0, element[2] + p.w]
            : [element[0], element[1], element[2] + p.h, element[3] + p.w]
        return GradientStep(number: number, element: padded, terms: taught.terms(ofPadded: padded),
                            result: taught.paddedInputGradient[index: padded])
    }
}

/// Computes the taught dL/dA once, on first use. A class so that copies of the
/// walkthrough share one computation.
private final class TaughtRoute {
    private let layer: ConvLayer
    private let dLdZ: Tensor

    init(layer: ConvLayer, dLdZ: Tensor) {
        self.layer = layer
        self.dLdZ = dLdZ
    }

    /// The layer's own shape checks already passed when backward ran, so this cannot fail.
    lazy var value: TaughtInputGradient = try! layer.taughtInputGradient(dLdZ: dLdZ)
}
