/// A layer named by kind, with the options the user gave: everything needed, together
/// with a bundle of tensors, to build the layer. Unset options take the defaults below.
public struct LayerSpec: Sendable, Equatable {
    public var kind: LayerKind
    /// Resampling / transposed-conv factor k (default 2).
    public var factor: Int?
    /// Each of these is one value, or an `(h, w)` pair for 2-d layers.
    public var stride: [Int]?
    public var padding: [Int]?
    public var dilation: [Int]?
    /// Pooling window K (default 2).
    public var kernel: Int?

    public init(
        kind: LayerKind, factor: Int? = nil, stride: [Int]? = nil, padding: [Int]? = nil,
        dilation: [Int]? = nil, kernel: Int? = nil
    ) {
        self.kind = kind
        self.factor = factor
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.kernel = kernel
    }

    /// The options that were given, by name.
    private var given: [(LayerOption, [Int])] {
        [
            (.factor, factor.map { [$0] }), (.stride, stride), (.padding, padding),
            (.dilation, dilation), (.kernel, kernel.map { [$0] }),
        ]
        .compactMap { option, value in value.map { (option, $0) } }
    }

    /// The largest value any option takes: far beyond any real layer, small enough that no
    /// size computed from it can overflow.
    public static let maxOptionValue = 1 << 20

    /// Checks that every given option applies to the layer and has a sensible value.
    public func validate() throws {
        for (option, values) in given {
            let descriptor = kind.descriptor
            guard descriptor.options.contains(option) else {
                throw LayerSpecError.optionDoesNotApply(option, kind: kind)
            }
            let pairAllowed = descriptor.pairOptions.contains(option)
            guard values.count == 1 || (values.count == 2 && pairAllowed) else {
                throw LayerSpecError.optionArity(option, kind: kind, pairAllowed: pairAllowed, values: values)
            }
            let least = option == .padding ? 0 : 1
            if let bad = values.first(where: { $0 < least }) {
                throw LayerSpecError.optionTooSmall(option, least: least, value: bad)
            }
            if let bad = values.first(where: { $0 > Self.maxOptionValue }) {
                throw LayerSpecError.optionTooLarge(option, most: Self.maxOptionValue, value: bad)
            }
        }
    }

    /// A one- or two-value option as an `(h, w)` pair.
    private static func pair(_ values: [Int]?, default value: Int) -> HW {
        guard let values else { return HW(square: value) }
        return values.count == 2 ? HW(values[0], values[1]) : HW(square: values[0])
    }

    public var factorValue: Int { factor ?? 2 }
    public var kernelValue: Int { kernel ?? 2 }
    /// Stride as `(h, w)`; pooling defaults to its kernel (as PyTorch), convolution to 1.
    public var strideValue: HW {
        LayerSpec.pair(stride, default: kind.descriptor.family == .pooling ? kernelValue : 1)
    }
    public var paddingValue: HW { LayerSpec.pair(padding, default: 0) }
    public var dilationValue: HW { LayerSpec.pair(dilation, default: 1) }
}
