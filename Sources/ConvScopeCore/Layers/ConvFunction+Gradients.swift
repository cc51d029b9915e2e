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
        (0..<weightGradientTermCount(in: record)).map { weightGradientTerm($0, of: element, in: record, dLdZ: dLdZ) }
    }

    /// How many terms each `dL/dW` element has: one per sample and output position.
    public func weightGradientTermCount(in record: ConvRecord) -> Int {
        let out = geometry.outputSize(forInput: spatialSize(record.input.shape))
        return record.input.shape[0] * out.h * out.w
    }

    /// Term `k` of `weightGradientTerms(of: element, …)` made alone (sample, then output row,
    /// then column), so a screen lists the few it shows of a sum of millions.
    public func weightGradientTerm(_ k: Int, of element: [Int], in record: ConvRecord, dLdZ: Tensor) -> GradientTerm {
        let (o, c) = (element[0], element[1])
        let tap = spatial(element)
        let out = geometry.outputSize(forInput: spatialSize(record.input.shape))
        let (n, cell) = k.quotientAndRemainder(dividingBy: out.h * out.w)
        let (i, j) = cell.quotientAndRemainder(dividingBy: out.w)
        let padded = geometry.paddedPosition(output: HW(i, j), tap: tap)
        let output = [n, o] + spatialIndex(HW(i, j))
        let position = HW(padded.h - geometry.padding.h, padded.w - geometry.padding.w)
        return GradientTerm(
            output: output, upstream: dLdZ[index: output], through: [n, c] + spatialIndex(position),
            factor: record.paddedInput[n, c, padded.h, padded.w])
    }

    /// The terms of `dL/db[o]`: every `dL/dZ[n, o, …]`, each with factor 1.
    public func biasGradientTerms(of o: Int, dLdZ: Tensor) -> [GradientTerm] {
        (0..<biasGradientTermCount(dLdZ: dLdZ)).map { biasGradientTerm($0, of: o, dLdZ: dLdZ) }
    }

    /// How many terms each `dL/db` element has: one per sample and output position.
    public func biasGradientTermCount(dLdZ: Tensor) -> Int {
        dLdZ.shape[0] * (dLdZ.count / max(1, dLdZ.shape[0] * outChannels))
    }

    /// Term `k` of `biasGradientTerms(of: o, …)` made alone: sample, then output position.
    public func biasGradientTerm(_ k: Int, of o: Int, dLdZ: Tensor) -> GradientTerm {
        let perChannel = dLdZ.count / max(1, dLdZ.shape[0] * outChannels)
        let (n, k) = k.quotientAndRemainder(dividingBy: perChannel)
        let output = [n, o] + (spatialAxes == 1 ? [k] : [k / dLdZ.shape[3], k % dLdZ.shape[3]])
        return GradientTerm(output: output, upstream: dLdZ[index: output], through: [], factor: 1)
    }
}
