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

/// One pass of a layer as values: its forward output and record, the upstream gradient
/// (the given `dLdZ`, else one made by `upstream` in Z's shape) and the gradients backward
/// returned from them. What every walk with a backward pass starts from.
struct LayerPass<Function: LayerFunction> {
    let output: Tensor
    let record: Function.Record
    let dLdZ: Tensor
    let gradients: Function.Gradients

    init(_ layer: Function, input: Tensor, dLdZ: Tensor?, upstream: UpstreamGradient) throws {
        (output, record) = try layer.forward(input)
        self.dLdZ = dLdZ ?? upstream.tensor(shape: output.shape)
        gradients = try layer.backward(record, self.dLdZ)
    }
}

/// The walks over dL/dA, dL/dW and dL/db of a layer that lists its gradient terms: step
/// `number` of a pass is the element at that row-major offset, its terms and its value.
struct ParameterGradientWalk<Function: GradientTermListing> {
    let layer: Function
    let record: Function.Record
    let dLdZ: Tensor
    let gradients: ParameterGradients

    /// The gradient a backward pass fills in; both dL/dA routes fill dL/dA.
    func gradient(_ pass: Pass) -> Tensor {
        switch pass {
        case .dLdA, .taught: gradients.dLdA
        case .dLdW: gradients.dLdW
        case .dLdb: gradients.dLdb
        case .forward: preconditionFailure("the forward pass is walked by the forward walkthrough")
        }
    }

    func step(_ number: Int, of pass: Pass) -> GradientStep {
        let tensor = gradient(pass)
        let element = tensor.index(ofOffset: number)
        let terms: [GradientTerm]
        switch pass {
        case .dLdW: terms = layer.weightGradientTerms(of: element, in: record, dLdZ: dLdZ)
        case .dLdb: terms = layer.biasGradientTerms(of: element[0], dLdZ: dLdZ)
        default: terms = layer.inputGradientTerms(of: element, in: record, dLdZ: dLdZ)
        }
        return GradientStep(number: number, element: element, terms: terms, result: tensor.scalars[number])
    }
}
