extension ConvFunction: GradientTermListing {
    /// The terms of `dL/dA[input]`: for every output element this input fed (across all
    /// output channels), `dL/dZ[output] · W[tap]`. They sum to `backward`'s dL/dA there.
    public func inputGradientTerms(of element: [Int], in record: ConvRecord, dLdZ: Tensor) -> [GradientTerm] {
        influence(of: element, in: record).map { term in
            GradientTerm(
                output: term.output, upstream: dLdZ[index: term.output], through: term.weight,
                factor: term.weightValue)
        }
    }

    /// The terms of `dL/dW[o, c, p(, q)]`: for every sample and output position, the
    /// input value under that tap times `dL/dZ` there (a correlation of A with dL/dZ).
    /// Taps that fall in the zero padding contribute 0 and are included.
    public func weightGradientTerms(of element: [Int], in record: ConvRecord, dLdZ: Tensor) -> [GradientTerm] {
        let (o, c) = (element[0], element[1])
        let tap = spatial(element)
        let out = geometry.outputSize(forInput: spatialSize(record.input.shape))
        var terms: [GradientTerm] = []
        terms.reserveCapacity(record.input.shape[0] * out.h * out.w)
        for n in 0..<record.input.shape[0] {
            for i in 0..<out.h {
                for j in 0..<out.w {
                    let padded = geometry.paddedPosition(output: HW(i, j), tap: tap)
                    let output = [n, o] + spatialIndex(HW(i, j))
                    let position = HW(padded.h - geometry.padding.h, padded.w - geometry.padding.w)
                    terms.append(
                        GradientTerm(
                            output: output, upstream: dLdZ[index: output],
                            through: [n, c] + spatialIndex(position),
                            factor: record.paddedInput[n, c, padded.h, padded.w]))
                }
            }
        }
        return terms
    }

    /// The terms of `dL/db[o]`: every `dL/dZ[n, o, …]`, each with factor 1.
    public func biasGradientTerms(of o: Int, dLdZ: Tensor) -> [GradientTerm] {
        let perChannel = dLdZ.count / max(1, dLdZ.shape[0] * outChannels)
        return (0..<dLdZ.shape[0]).flatMap { n in
            (0..<perChannel).map { k in
                let output = [n, o] + (spatialAxes == 1 ? [k] : [k / dLdZ.shape[3], k % dLdZ.shape[3]])
                return GradientTerm(output: output, upstream: dLdZ[index: output], through: [], factor: 1)
            }
        }
    }
}
