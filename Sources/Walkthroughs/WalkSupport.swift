import ConvScopeCore

/// A walk over the elements of an output tensor in row-major order, one step each.
public protocol OutputWalk {
    var output: Tensor { get }
}

extension OutputWalk {
    /// One step per output element.
    public var stepCount: Int { output.count }

    /// The output element made at step `number`.
    public func outputIndex(ofStep number: Int) -> [Int] {
        output.index(ofOffset: number)
    }

    /// The step that makes output element `index`.
    public func stepNumber(ofOutput index: [Int]) -> Int {
        output.offset(of: index)
    }
}

/// A layer's forward output and its backward answer to an upstream gradient (the given
/// `dLdZ`, else one made by `upstream` in Z's shape): what every backward walk starts from.
func forwardAndBackward(_ layer: Layer, input: Tensor, dLdZ: Tensor?, upstream: UpstreamGradient)
    throws -> (output: Tensor, dLdZ: Tensor, dLdA: Tensor)
{
    let output = try layer.forward(input)
    let gradient = dLdZ ?? upstream.tensor(shape: output.shape)
    return (output, gradient, try layer.backward(gradient))
}

/// The walks over dL/dA, dL/dW and dL/db of a layer that lists its gradient terms: step
/// `number` of `kind` is the element at that row-major offset, its terms and its value.
struct ParameterGradientWalk {
    let layer: GradientTermListing
    let dLdZ: Tensor
    let dLdA: Tensor
    let dLdW: Tensor
    let dLdb: Tensor

    func gradient(_ kind: GradientKind) -> Tensor {
        switch kind {
        case .dLdA: dLdA
        case .dLdW: dLdW
        case .dLdb: dLdb
        }
    }

    func step(_ number: Int, of kind: GradientKind) -> GradientStep {
        let tensor = gradient(kind)
        let element = tensor.index(ofOffset: number)
        let terms: [GradientTerm]
        switch kind {
        case .dLdA: terms = layer.inputGradientTerms(of: element, dLdZ: dLdZ)
        case .dLdW: terms = layer.weightGradientTerms(of: element, dLdZ: dLdZ)
        case .dLdb: terms = layer.biasGradientTerms(of: element[0], dLdZ: dLdZ)
        }
        return GradientStep(number: number, element: element, terms: terms, result: tensor.scalars[number])
    }
}
