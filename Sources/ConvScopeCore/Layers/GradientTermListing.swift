/// A layer with parameters that can list the terms of each of its gradients from its
/// forward record: the answers the backward screens are built on. Convolutions and
/// Linear have them.
public protocol GradientTermListing: LayerFunction where Gradients == ParameterGradients {
    func inputGradientTerms(of element: [Int], in record: Record, dLdZ: Tensor) -> [GradientTerm]
    func weightGradientTerms(of element: [Int], in record: Record, dLdZ: Tensor) -> [GradientTerm]
    func biasGradientTerms(of o: Int, dLdZ: Tensor) -> [GradientTerm]
}
