/// The body shared by max and mean pooling over `(N, C, H, W)`: a K×K window moved by
/// the stride, no padding, channels kept. `H_out = (H − K)//s + 1` (PyTorch's
/// `max_pool2d`/`avg_pool2d`). Computing only the strided windows gives exactly what the
/// assignment's stride-1 pool followed by `Downsample2d(s)` gives.
public class PoolLayer: Layer {
    public enum Kind: Sendable { case max, mean }

    /// What forward keeps for backward.
    public struct Cache: Sendable {
        /// The shape of A.
        public let inputShape: [Int]
        /// The shape of Z.
        public let outputShape: [Int]
        /// Max pooling only: for each output element (row-major over Z), the flat row-major
        /// offset into A of its window's first maximum. Empty for mean pooling.
        public let argmax: [Int]
    }

    public let kind: Kind
    /// Kernel and stride (padding 0, dilation 1).
    public let geometry: ConvGeometry
    public private(set) var cache: Cache?

    init(kind: Kind, kernel: Int, stride: Int) {
        precondition(kernel >= 1 && stride >= 1, "pooling kernel and stride must be at least 1")
        self.kind = kind
        geometry = ConvGeometry(kernel: HW(square: kernel), stride: HW(square: stride))
    }

    public var summary: String {
        let name = kind == .max ? "MaxPool2d" : "MeanPool2d"
        return "\(name)(kernel \(geometry.kernel.w), stride \(geometry.stride.w))"
    }

    /// The output shape for an input shape, or a one-line reason it has none.
    public func outputShape(forInput shape: [Int]) throws -> [Int] {
        guard shape.count == 4 else {
            throw LayerError("A has shape \(shape) but must be 4-d (N, C, H, W)")
        }
        let size = HW(shape[2], shape[3])
        try geometry.validate(input: size)
        let out = geometry.outputSize(forInput: size)
        return [shape[0], shape[1], out.h, out.w]
    }

    public func forward(_ A: Tensor) throws -> Tensor {
        let outShape = try outputShape(forInput: A.shape)
        let (planes, h, w) = (A.shape[0] * A.shape[1], A.shape[2], A.shape[3])
        let (oh, ow) = (outShape[2], outShape[3])
        let (k, s) = (geometry.kernel.w, geometry.stride.w)
        var Z = [Double](repeating: 0, count: planes * oh * ow)
        var argmax = [Int](repeating: 0, count: kind == .max ? Z.count : 0)
        let area = Double(k * k)
        A.scalars.withUnsafeBufferPointer { a in
            for plane in 0..<planes {
                let base = plane * h * w
                for i in 0..<oh {
                    for j in 0..<ow {
                        let out = (plane * oh + i) * ow + j
                        let corner = base + i * s * w + j * s
                        switch kind {
                        case .max:
                            var best = corner
                            for p in 0..<k {
                                for q in 0..<k {
                                    let at = corner + p * w + q
                                    if a[at] > a[best] || (a[at].isNaN && !a[best].isNaN) { best = at }
                                }
                            }
                            argmax[out] = best
                            Z[out] = a[best]
                        case .mean:
                            var total = 0.0
                            for p in 0..<k {
                                for q in 0..<k { total += a[corner + p * w + q] }
                            }
                            Z[out] = total / area
                        }
                    }
                }
            }
        }
        cache = Cache(inputShape: A.shape, outputShape: outShape, argmax: argmax)
        return Tensor(shape: outShape, scalars: Z)
    }

    public func backward(_ dLdZ: Tensor) throws -> Tensor {
        _ = try requireGradientShape(dLdZ, matches: cache?.outputShape)
        let cache = cache!
        var dA = [Double](repeating: 0, count: Tensor.count(of: cache.inputShape))
        switch kind {
        case .max:
            // Overlapping windows may share an argmax: add, never assign.
            for (out, at) in cache.argmax.enumerated() { dA[at] += dLdZ.scalars[out] }
        case .mean:
            let (planes, h, w) = (cache.inputShape[0] * cache.inputShape[1], cache.inputShape[2], cache.inputShape[3])
            let (oh, ow) = (cache.outputShape[2], cache.outputShape[3])
            let (k, s) = (geometry.kernel.w, geometry.stride.w)
            let area = Double(k * k)
            for plane in 0..<planes {
                for i in 0..<oh {
                    for j in 0..<ow {
                        let share = dLdZ.scalars[(plane * oh + i) * ow + j] / area
                        let corner = plane * h * w + i * s * w + j * s
                        for p in 0..<k {
                            for q in 0..<k { dA[corner + p * w + q] += share }
                        }
                    }
                }
            }
        }
        return Tensor(shape: cache.inputShape, scalars: dA)
    }

    /// The input elements `(n, c, h, w)` in output `(n, c, i, j)`'s window, row-major.
    public func receptiveField(of output: [Int]) -> [[Int]] {
        geometry.window(ofOutput: HW(output[2], output[3])).map { [output[0], output[1], $0.input.h, $0.input.w] }
    }

    /// The input element `(n, c, h, w)` that max pooling picked for output `(n, c, i, j)`;
    /// nil for mean pooling or before a forward pass.
    public func argmax(of output: [Int]) -> [Int]? {
        guard let cache, kind == .max else { return nil }
        let offset = zip(output, Tensor.strides(of: cache.outputShape)).reduce(0) { $0 + $1.0 * $1.1 }
        var rest = cache.argmax[offset]
        return Tensor.strides(of: cache.inputShape).map { stride in
            defer { rest %= stride }
            return rest / stride
        }
    }

    /// Every output `(n, c, i, j)` whose window contains input `(n, c, h, w)`, row-major.
    public func outputsReading(input: [Int]) -> [[Int]] {
        guard let cache else { return [] }
        let size = HW(cache.inputShape[2], cache.inputShape[3])
        return geometry.outputsReading(input: HW(input[2], input[3]), inputSize: size)
            .map { [input[0], input[1], $0.output.h, $0.output.w] }
    }
}

/// Max over each K×K window moved by `stride`; ties go to the first maximum in row-major
/// window order; backward adds each dL/dZ at its argmax.
public class MaxPool2d: PoolLayer {
    public init(kernel: Int, stride: Int) { super.init(kind: .max, kernel: kernel, stride: stride) }
}

/// `MaxPool2d` with stride 1.
public final class MaxPool2d_stride1: MaxPool2d {
    public init(kernel: Int) { super.init(kernel: kernel, stride: 1) }
}

/// Mean over each K×K window moved by `stride`; backward spreads dL/dZ / K² over the window.
public class MeanPool2d: PoolLayer {
    public init(kernel: Int, stride: Int) { super.init(kind: .mean, kernel: kernel, stride: stride) }
}

/// `MeanPool2d` with stride 1.
public final class MeanPool2d_stride1: MeanPool2d {
    public init(kernel: Int) { super.init(kernel: kernel, stride: 1) }
}

extension PoolLayer {
    /// The terms of `dL/dA[input]`: max pooling routes each `dL/dZ` to its window's argmax
    /// (factor 1, adding where overlapping windows share it); mean pooling spreads
    /// `dL/dZ / K²` over every window that holds the input.
    public func inputGradientTerms(of input: [Int], dLdZ: Tensor) -> [GradientTerm] {
        let area = Double(geometry.kernel.h * geometry.kernel.w)
        return outputsReading(input: input).compactMap { output in
            switch kind {
            case .max:
                guard argmax(of: output) == input else { return nil }
                return GradientTerm(output: output, upstream: dLdZ[index: output], through: input, factor: 1)
            case .mean:
                return GradientTerm(output: output, upstream: dLdZ[index: output], through: input, factor: 1 / area)
            }
        }
    }
}
