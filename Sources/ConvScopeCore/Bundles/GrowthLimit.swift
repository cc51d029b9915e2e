extension LayerSpec {
    /// The most elements a padded or upsampled input may hold (2 GiB of Double). Larger
    /// padding or upsampling factors are refused before anything is allocated.
    public static let maxGrownElementCount = 1 << 28

    /// Refuses options that would grow `A` past `maxGrownElementCount`: padding adds to the
    /// spatial extents, a factor multiplies them. Checked arithmetic, so no value can overflow.
    /// A rank too small to grow is left for the layer to explain.
    func requireBoundedGrowth(of A: Tensor) throws {
        let option: LayerOption
        let values: [Int]
        let spatial: [(Int) -> (Int, Bool)]
        switch kind.descriptor.growth {
        case .padding(let axes):
            (option, values) = (.padding, padding ?? [0])
            let pads = axes == 1 ? [paddingValue.w] : [paddingValue.h, paddingValue.w]
            spatial = pads.map { pad in
                { extent in
                    let (twice, o1) = pad.multipliedReportingOverflow(by: 2)
                    let (sum, o2) = extent.addingReportingOverflow(twice)
                    return (sum, o1 || o2)
                }
            }
        case .factor(let axes):
            (option, values) = (.factor, [factorValue])
            spatial = Array(repeating: { $0.multipliedReportingOverflow(by: factorValue) }, count: axes)
        case .none:
            return
        }
        guard A.rank > spatial.count else { return }
        var shape = A.shape
        var count = Tensor.count(of: shape.dropLast(spatial.count))
        var overflow = false
        for (offset, grow) in spatial.enumerated() {
            let axis = A.rank - spatial.count + offset
            let (extent, o1) = grow(shape[axis])
            let (product, o2) = count.multipliedReportingOverflow(by: extent)
            shape[axis] = extent
            count = product
            overflow = overflow || o1 || o2
        }
        guard overflow || count > Self.maxGrownElementCount else { return }
        throw LayerSpecError.growthTooLarge(
            option, values: values, input: A.shape, grown: overflow ? nil : shape,
            limit: Self.maxGrownElementCount)
    }
}
