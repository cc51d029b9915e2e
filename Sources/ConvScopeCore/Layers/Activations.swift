import Foundation

/// An elementwise activation. Backward uses the cached output Z, as the assignment does:
/// `dL/dA = dL/dZ ⊙ f′`, with `f′` written in terms of Z.
public class Activation: Layer {
    /// The output of the last forward pass.
    public private(set) var output: Tensor?
    private let name: String
    private let function: (Double) -> Double
    private let derivativeFromOutput: (Double) -> Double

    init(name: String, function: @escaping (Double) -> Double, derivativeFromOutput: @escaping (Double) -> Double) {
        self.name = name
        self.function = function
        self.derivativeFromOutput = derivativeFromOutput
    }

    public var summary: String { "\(name)()" }

    public func forward(_ A: Tensor) throws -> Tensor {
        let Z = A.map(function)
        output = Z
        return Z
    }

    public func backward(_ dLdZ: Tensor) throws -> Tensor {
        _ = try requireGradientShape(dLdZ, matches: output?.shape)
        return dLdZ * localGradient!
    }

    /// `f′` at every element, written in terms of the cached output (`Z(1−Z)`, `1−Z²`,
    /// `[Z>0]`): what backward multiplies dL/dZ by. Nil before a forward pass.
    public var localGradient: Tensor? {
        output?.map(derivativeFromOutput)
    }
}

/// `Z = A`.
public final class Identity: Activation {
    public init() { super.init(name: "Identity", function: { $0 }, derivativeFromOutput: { _ in 1 }) }
}

/// `Z = 1 / (1 + e^−A)`, computed without overflow for large |A|; `f′ = Z(1 − Z)`.
public final class Sigmoid: Activation {
    public init() { super.init(name: "Sigmoid", function: Sigmoid.stable, derivativeFromOutput: { $0 * (1 - $0) }) }

    /// Evaluates the exponential only of a non-positive number, so it never overflows.
    static func stable(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + exp(-x)) }
        let e = exp(x)
        return e / (1 + e)
    }
}

/// `Z = tanh(A)` (libm's, stable at ±1750 where the textbook ratio gives NaN); `f′ = 1 − Z²`.
public final class Tanh: Activation {
    public init() { super.init(name: "Tanh", function: { Foundation.tanh($0) }, derivativeFromOutput: { 1 - $0 * $0 }) }
}

/// `Z = max(A, 0)`; `f′ = [Z > 0]`. NaN stays NaN and passes its gradient, as in PyTorch.
public final class ReLU: Activation {
    public init() { super.init(name: "ReLU", function: { $0 > 0 || $0.isNaN ? $0 : 0 }, derivativeFromOutput: { $0 <= 0 ? 0 : 1 }) }
}
