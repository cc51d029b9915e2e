import Foundation

/// Which elementwise function an activation applies. Backward uses the output Z, as the
/// assignment does: `dL/dA = dL/dZ ⊙ f′`, with `f′` written in terms of Z.
public enum ActivationKind: String, CaseIterable, Sendable {
    case identity = "Identity"
    case sigmoid = "Sigmoid"
    case tanh = "Tanh"
    case relu = "ReLU"

    /// `f(A)`: sigmoid never overflows for large |A|; tanh is libm's (stable at ±1750
    /// where the textbook ratio gives NaN); ReLU keeps NaN, as PyTorch does.
    public func value(_ x: Double) -> Double {
        switch self {
        case .identity: x
        case .sigmoid: ActivationKind.sigmoid(x)
        case .tanh: Foundation.tanh(x)
        case .relu: x > 0 || x.isNaN ? x : 0
        }
    }

    /// `f′` in terms of the output: 1, `Z(1−Z)`, `1−Z²`, `[Z>0]`.
    public func derivative(output z: Double) -> Double {
        switch self {
        case .identity: 1
        case .sigmoid: z * (1 - z)
        case .tanh: 1 - z * z
        case .relu: z <= 0 ? 0 : 1
        }
    }

    /// Evaluates the exponential only of a non-positive number, so it never overflows.
    static func sigmoid(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + exp(-x)) }
        let e = exp(x)
        return e / (1 + e)
    }
}

/// What an activation's forward pass keeps: its output Z, which `f′` is written in.
public struct ActivationRecord: Sendable, Equatable {
    public let output: Tensor
}

/// An elementwise activation as a value.
public struct ActivationFunction: LayerFunction, Equatable {
    public let kind: ActivationKind

    public init(_ kind: ActivationKind) {
        self.kind = kind
    }

    public var summary: String { "\(kind.rawValue)()" }

    public func forward(_ A: Tensor) throws -> (output: Tensor, record: ActivationRecord) {
        let Z = A.map(kind.value)
        return (Z, ActivationRecord(output: Z))
    }

    public func backward(_ record: ActivationRecord, _ dLdZ: Tensor) throws -> InputGradient {
        try requireGradientShape(dLdZ, matches: record.output.shape)
        return InputGradient(dLdA: dLdZ * localGradient(record))
    }

    /// `f′` at every element, from the recorded output: what backward multiplies dL/dZ by.
    public func localGradient(_ record: ActivationRecord) -> Tensor {
        record.output.map(kind.derivative)
    }
}

/// The assignment-style activation: the last record over the value `ActivationFunction`.
public class Activation: RecordingLayer<ActivationFunction> {
    init(_ kind: ActivationKind) {
        super.init(ActivationFunction(kind))
    }
}

/// `Z = A`.
public final class Identity: Activation {
    public init() { super.init(.identity) }
}

/// `Z = 1 / (1 + e^−A)`; `f′ = Z(1 − Z)`.
public final class Sigmoid: Activation {
    public init() { super.init(.sigmoid) }
}

/// `Z = tanh(A)`; `f′ = 1 − Z²`.
public final class Tanh: Activation {
    public init() { super.init(.tanh) }
}

/// `Z = max(A, 0)`; `f′ = [Z > 0]`.
public final class ReLU: Activation {
    public init() { super.init(.relu) }
}
