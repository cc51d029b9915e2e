import ConvScopeCore

/// An upsampling or downsampling layer walked element by element: forward, each output
/// element's source (an input element, or an inserted zero); backward, each dL/dA element's
/// source in dL/dZ (upsampling picks every k-th, downsampling scatters into zeros of the
/// remembered size). Values come from the layer's forward and backward outputs.
public struct ResamplingWalkthrough {
    public let layer: ResamplingFunction
    public let input: Tensor
    public let output: Tensor
    public let dLdZ: Tensor
    public let dLdA: Tensor

    /// Runs the layer forward on `input` and backward on `dLdZ` (default: `upstream`).
    public init(
        layer: ResamplingFunction, input: Tensor, dLdZ: Tensor? = nil,
        upstream: UpstreamGradient = .ones
    ) throws {
        self.layer = layer
        self.input = input
        let pass = try LayerPass(layer, input: input, dLdZ: dLdZ, upstream: upstream)
        (output, self.dLdZ, dLdA) = (pass.output, pass.dLdZ, pass.gradients.dLdA)
    }

    /// Forward step `number`: output element, where it comes from (nil: an inserted zero), its value.
    public func forwardStep(_ number: Int) -> (output: [Int], source: [Int]?, value: Double) {
        let index = output.index(ofOffset: number)
        return (index, layer.source(ofOutput: index), output.scalars[number])
    }

    /// Backward step `number`: the dL/dA element with its one term (none where the input
    /// was dropped by downsampling... or never, for upsampling).
    public func backwardStep(_ number: Int) -> GradientStep {
        let element = dLdA.index(ofOffset: number)
        let terms =
            layer.destination(ofInput: element).map { output in
                [GradientTerm(output: output, upstream: dLdZ[index: output], through: element, factor: 1)]
            } ?? []
        return GradientStep(number: number, element: element, terms: terms, result: dLdA.scalars[number])
    }
}
