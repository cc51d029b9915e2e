import Foundation

/// A loss on `(N, C)` predictions A and targets Y: `forward` returns the loss and
/// caches what `backward` needs to return dL/dA.
public protocol Loss: AnyObject {
    func forward(_ A: Tensor, _ Y: Tensor) throws -> Double
    func backward() throws -> Tensor
}

/// Checks that predictions and targets are both `(N, C)` and agree.
private func requireMatching(_ A: Tensor, _ Y: Tensor) throws {
    try requireRank(A, 2, "A", layout: "(N, C)")
    guard Y.shape == A.shape else {
        throw LayerError("Y has shape \(Y.shape) but A has shape \(A.shape); they must match")
    }
}

/// Mean squared error `Σ(A − Y)² / (N·C)`; gradient `2(A − Y)/(N·C)`.
public final class MSELoss: Loss {
    private var cached: (A: Tensor, Y: Tensor)?

    public init() {}

    public func forward(_ A: Tensor, _ Y: Tensor) throws -> Double {
        try requireMatching(A, Y)
        cached = (A, Y)
        return (A - Y).map { $0 * $0 }.sum() / Double(A.count)
    }

    public func backward() throws -> Tensor {
        guard let (A, Y) = cached else { throw LayerError("backward called before forward: run forward first") }
        return (A - Y) * (2 / Double(A.count))
    }
}

/// Softmax then negative log-likelihood against one-hot rows Y:
/// `−Σ Y·log softmax(A) / N`; gradient `(softmax(A) − Y)/N`. Each row's maximum is
/// subtracted before exponentiating, so large logits do not overflow.
public final class CrossEntropyLoss: Loss {
    /// The softmax of the last forward pass.
    public private(set) var softmax: Tensor?
    private var targets: Tensor?

    public init() {}

    /// Row-wise softmax of a `(N, C)` tensor, shifted by each row's maximum.
    public static func softmax(_ A: Tensor) -> Tensor {
        let (n, c) = (A.shape[0], A.shape[1])
        var out = A
        for row in 0..<n {
            let slice = A.scalars[(row * c)..<(row * c + c)]
            let top = slice.max() ?? 0
            let exps = slice.map { exp($0 - top) }
            let total = exps.reduce(0, +)
            for (k, e) in exps.enumerated() { out.scalars[row * c + k] = e / total }
        }
        return out
    }

    public func forward(_ A: Tensor, _ Y: Tensor) throws -> Double {
        try requireMatching(A, Y)
        let (n, c) = (A.shape[0], A.shape[1])
        var loss = 0.0
        for row in 0..<n {
            let slice = A.scalars[(row * c)..<(row * c + c)]
            let top = slice.max() ?? 0
            let logSum = log(slice.map { exp($0 - top) }.reduce(0, +)) + top
            for k in 0..<c { loss -= Y.scalars[row * c + k] * (A.scalars[row * c + k] - logSum) }
        }
        softmax = CrossEntropyLoss.softmax(A)
        targets = Y
        return loss / Double(n)
    }

    public func backward() throws -> Tensor {
        guard let softmax, let targets else { throw LayerError("backward called before forward: run forward first") }
        return (softmax - targets) / Double(softmax.shape[0])
    }
}
