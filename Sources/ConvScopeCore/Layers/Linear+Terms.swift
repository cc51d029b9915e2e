extension LinearFunction: GradientTermListing {
    /// The products of `Z[n, o]`'s sum, `W[o, i] · A[n, i]` for every input feature, before
    /// the bias.
    public func productTerms(of output: [Int], in record: LinearRecord) -> [ConvTerm] {
        let (n, o) = (output[0], output[1])
        return (0..<inFeatures).map { i in
            ConvTerm(
                output: output, input: [n, i], weight: [o, i], isPadding: false,
                weightValue: W[o, i], inputValue: record.input[n, i])
        }
    }

    /// The terms of `dL/dA[n, i]`: `dL/dZ[n, o] · W[o, i]` for every output feature.
    public func inputGradientTerms(of element: [Int], in record: LinearRecord, dLdZ: Tensor) -> [GradientTerm] {
        let (n, i) = (element[0], element[1])
        return (0..<outFeatures).map { o in
            GradientTerm(output: [n, o], upstream: dLdZ[n, o], through: [o, i], factor: W[o, i])
        }
    }

    /// The terms of `dL/dW[o, i]`: `dL/dZ[n, o] · A[n, i]` for every sample.
    public func weightGradientTerms(of element: [Int], in record: LinearRecord, dLdZ: Tensor) -> [GradientTerm] {
        let (o, i) = (element[0], element[1])
        return (0..<record.input.shape[0]).map { n in
            GradientTerm(output: [n, o], upstream: dLdZ[n, o], through: [n, i], factor: record.input[n, i])
        }
    }

    /// The terms of `dL/db[o]`: `dL/dZ[n, o]` for every sample.
    public func biasGradientTerms(of o: Int, dLdZ: Tensor) -> [GradientTerm] {
        (0..<dLdZ.shape[0]).map { n in GradientTerm(output: [n, o], upstream: dLdZ[n, o], through: [], factor: 1) }
    }
}
