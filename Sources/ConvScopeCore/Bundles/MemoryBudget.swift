/// The memory one run of a layer on a bundle needs, worked out from shapes and options
/// alone, before anything is allocated, so a run that cannot fit is refused instead of
/// aborting in `malloc` or swapping for minutes.
public struct MemoryNeed: Sendable, Equatable, Comparable {
    /// Bytes of float64 held at the peak: the bundle, the padded or upsampled input, Z,
    /// one sample's im2col columns, and after backward the gradients; when writing a file,
    /// one more copy of the largest result (its encoding). `Int.max` when it overflows.
    public let bytes: Int
    /// The shape Z would have, when the shapes fit the layer (nil otherwise: the layer
    /// itself explains the mismatch).
    public let outputShape: [Int]?

    public static func < (lhs: MemoryNeed, rhs: MemoryNeed) -> Bool { lhs.bytes < rhs.bytes }
}

extension LayerSpec {
    /// What running this layer on `bundle` needs: forward, backward when `backward` (or the
    /// bundle holds dLdZ), and an encoded copy of the largest result when `writing`.
    public func memoryNeed(for bundle: [String: Tensor], backward: Bool = false, writing: Bool = false) -> MemoryNeed {
        let held = bundle.values.reduce(0) { $0 +| $1.count }
        // Options the layer refuses (a zero stride, padding past the growth limit) are its to explain.
        guard let A = bundle["A"], (try? validate()) != nil, (try? requireBoundedGrowth(of: A)) != nil else {
            return MemoryNeed(bytes: 8 *| held, outputShape: nil)
        }
        let pass = passElements(A: A.shape, bundle: bundle)
        let parameters = kind.descriptor.parameterKeys.compactMap { bundle[$0]?.count }.reduce(0, +|)
        let output = pass.map { Tensor.count(saturating: $0.output) } ?? A.count
        var elements = held +| (pass?.grown ?? 0) +| (pass?.scratch ?? 0) +| output
        if backward || bundle["dLdZ"] != nil {
            elements = elements +| output +| (pass?.grown ?? 0) +| A.count +| parameters
        }
        if writing { elements = elements +| Swift.max(output, A.count) }
        return MemoryNeed(bytes: 8 *| elements, outputShape: pass?.exact == true ? pass?.output : nil)
    }

    /// Z's shape (`exact`, or a shape at least as large), the elements of a padded or
    /// upsampled copy of A, and the scratch of one sample's im2col columns; nil when the
    /// shapes do not fit the layer.
    private func passElements(A: [Int], bundle: [String: Tensor])
        -> (output: [Int], exact: Bool, grown: Int, scratch: Int)?
    {
        let W = bundle["W"]?.shape
        let descriptor = kind.descriptor
        switch descriptor.family {
        case .convolution, .transposedConvolution:
            guard let axes = descriptor.spatialAxes, let W, A.count == 2 + axes, W.count == 2 + axes else { return nil }
            let transposed = descriptor.family == .transposedConvolution
            let s = transposed ? HW(square: 1) : strideValue
            let p = transposed ? HW(square: 0) : paddingValue
            let d = transposed ? HW(square: 1) : dilationValue
            let k = factorValue
            let spatial = Array(A.suffix(axes))
            let kernel = Array(W.suffix(axes))
            let steps = axes == 1 ? [(s.w, p.w, d.w)] : [(s.h, p.h, d.h), (s.w, p.w, d.w)]
            var grown = [A[0], A[1]]
            var out = [A[0], W[0]]
            for ((n, kSize), (stride, pad, dilation)) in zip(zip(spatial, kernel), steps) {
                let extent = (transposed ? k *| (n - 1) + 1 : n) +| 2 *| pad
                grown.append(extent)
                out.append(Swift.max(0, (extent - dilation *| (kSize - 1) - 1) / stride + 1))
            }
            let columns =
                Tensor.count(saturating: Array(W.dropFirst()))
                *| Tensor.count(saturating: Array(out.suffix(axes)))
            return (out, true, Tensor.count(saturating: grown), columns)
        case .resampling:
            guard let axes = descriptor.spatialAxes, A.count > axes else { return nil }
            // Upsampling grows its input by the factor; downsampling keeps every k-th element.
            let up = descriptor.growth != .none
            let spatial = A.suffix(axes).map { up ? factorValue *| ($0 - 1) + 1 : ($0 + factorValue - 1) / factorValue }
            return (A.dropLast(axes) + spatial, true, 0, 0)
        case .linear:
            guard let W, A.count == 2, W.count == 2 else { return nil }
            return ([A[0], W[0]], true, 0, 0)
        case .elementwise, .pooling, .scanning:
            // Never more elements than A; the scanning MLPs' hidden layers are at most A's size.
            return (A, descriptor.keepsShape, 0, 0)
        }
    }
}

extension Tensor {
    /// The element count of `shape`, `Int.max` when it overflows.
    static func count(saturating shape: [Int]) -> Int { shape.reduce(1) { $0 *| Swift.max(0, $1) } }
}

infix operator *| : MultiplicationPrecedence
infix operator +| : AdditionPrecedence

/// Saturating arithmetic for sizes: an overflow means "more than any machine has".
func *| (a: Int, b: Int) -> Int {
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? Int.max : product
}

func +| (a: Int, b: Int) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? Int.max : sum
}
