/// One term of a backward sum: the gradient `upstream = dL/dZ[output]` arriving at an
/// output element, times the `factor` it is multiplied by on its way to the element
/// whose gradient is being made (a weight for dL/dA, an input value for dL/dW, 1 for dL/db,
/// 1/K² for mean pooling). Summing `product` over a layer's terms gives the gradient.
public struct GradientTerm: Sendable, Equatable {
    /// The dL/dZ element the gradient comes from.
    public let output: [Int]
    public let upstream: Double
    /// What the gradient is multiplied with on the way: a weight index for dL/dA, an
    /// input index (unpadded; outside the input means padding) for dL/dW; empty for dL/db.
    public let through: [Int]
    public let factor: Double

    public init(output: [Int], upstream: Double, through: [Int], factor: Double) {
        self.output = output
        self.upstream = upstream
        self.through = through
        self.factor = factor
    }

    /// `upstream · factor`.
    public var product: Double { upstream * factor }
}
