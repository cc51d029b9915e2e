/// A layer with parameters that can list the terms of each of its gradients: the answers
/// the backward screens are built on. Convolutions and Linear have them.
public protocol GradientTermListing: ParameterizedLayer {
    func inputGradientTerms(of element: [Int], dLdZ: Tensor) -> [GradientTerm]
    func weightGradientTerms(of element: [Int], dLdZ: Tensor) -> [GradientTerm]
    func biasGradientTerms(of o: Int, dLdZ: Tensor) -> [GradientTerm]
}

extension ConvLayer: GradientTermListing {}
extension Linear: GradientTermListing {}
