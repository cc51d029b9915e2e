import ConvScopeCore

/// Central finite differences: the numerical gradient of a scalar function of one tensor.
enum FiniteDifferences {
    /// The step h; central differences then err by O(h²) plus rounding of about ε·|f|/h.
    static let step = 1e-6

    /// `(f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h` for every element i of x.
    static func gradient(of f: (Tensor) throws -> Double, at x: Tensor) rethrows -> Tensor {
        var probe = x
        var gradient = Tensor(shape: x.shape)
        for i in 0..<x.count {
            probe.scalars[i] = x.scalars[i] + step
            let above = try f(probe)
            probe.scalars[i] = x.scalars[i] - step
            let below = try f(probe)
            probe.scalars[i] = x.scalars[i]
            gradient.scalars[i] = (above - below) / (2 * step)
        }
        return gradient
    }
}
