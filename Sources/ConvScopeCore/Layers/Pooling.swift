/// What a pooling forward pass keeps for backward.
public struct PoolRecord: Sendable, Equatable {
    /// The shape of A.
    public let inputShape: [Int]
    /// The shape of Z.
    public let outputShape: [Int]
    /// Max pooling only: for each output element (row-major over Z), the flat row-major
    /// offset into A of its window's first maximum. Empty for mean pooling.
    public let argmax: [Int]
}

/// Max or mean pooling over `(N, C, H, W)` as a value: a K×K window moved by the stride,
/// no padding, channels kept. `H_out = (H − K)//s + 1` (PyTorch's `max_pool2d`/`avg_pool2d`).
/// Computing only the strided windows gives exactly what the assignment's stride-1 pool
/// followed by `Downsample2d(s)` gives.
public struct PoolFunction: LayerFunction, Equatable {
    public enum Kind: Sendable { case max, mean }

    public let kind: Kind
    /// Kernel and stride (padding 0, dilation 1).
    public let geometry: ConvGeometry

    public init(kind: Kind, kernel: Int, stride: Int) {
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
            throw LayerError.wrongRank(tensor: "A", shape: shape, rank: 4, layout: "(N, C, H, W)")
        }
        let size = HW(shape[2], shape[3])
        try geometry.validate(input: size, pooling: true)
        let out = geometry.outputSize(forInput: size)
        return [shape[0], shape[1], out.h, out.w]
    }

    public func forward(_ A: Tensor) throws -> (output: Tensor, record: PoolRecord) {
        let outShape = try outputShape(forInput: A.shape)
        let sizes = PoolSizes(input: A.shape, output: outShape, geometry: geometry)
        let count = sizes.planes * sizes.outputPlane
        var argmax = [Int](unsafeUninitializedCapacity: kind == .max ? count : 0) { best, initialized in
            HugePages.advise(best)
            initialized = kind == .max ? count : 0
        }
        // Every element of Z and argmax is written exactly once below.
        let Z = [Double](unsafeUninitializedCapacity: count) { z, initialized in
            defer { initialized = count }
            HugePages.advise(z)
            A.scalars.withUnsafeBufferPointer { a in
                argmax.withUnsafeMutableBufferPointer { best in
                    sizes.forEachPlane { plane in
                        switch kind {
                        case .max:
                            sizes.maxForward(
                                a.baseAddress!, plane: plane, into: z.baseAddress!, argmax: best.baseAddress!)
                        case .mean: sizes.meanForward(a.baseAddress!, plane: plane, into: z.baseAddress!)
                        }
                    }
                }
            }
        }
        return (
            Tensor(shape: outShape, scalars: Z),
            PoolRecord(
                inputShape: A.shape, outputShape: outShape,
                argmax: argmax)
        )
    }

    public func backward(_ record: PoolRecord, _ dLdZ: Tensor) throws -> InputGradient {
        try requireGradientShape(dLdZ, matches: record.outputShape)
        let sizes = PoolSizes(input: record.inputShape, output: record.outputShape, geometry: geometry)
        let count = Tensor.count(of: record.inputShape)
        let dA = [Double](unsafeUninitializedCapacity: count) { da, initialized in
            defer { initialized = count }
            HugePages.advise(da)
            guard let da = da.baseAddress else { return }
            if !sizes.windowsAreDisjoint { da.initialize(repeating: 0, count: count) }
            dLdZ.scalars.withUnsafeBufferPointer { dz in
                record.argmax.withUnsafeBufferPointer { best in
                    sizes.forEachPlane { plane in
                        switch (kind, sizes.windowsAreDisjoint) {
                        case (.max, true):
                            sizes.disjointBackward(dz.baseAddress!, argmax: best.baseAddress!, plane: plane, into: da)
                        case (.mean, true): sizes.disjointBackward(dz.baseAddress!, argmax: nil, plane: plane, into: da)
                        case (.max, false):
                            sizes.maxBackward(dz.baseAddress!, argmax: best.baseAddress!, plane: plane, into: da)
                        case (.mean, false): sizes.meanBackward(dz.baseAddress!, plane: plane, into: da)
                        }
                    }
                }
            }
        }
        return InputGradient(dLdA: Tensor(shape: record.inputShape, scalars: dA))
    }

    /// The input elements `(n, c, h, w)` in output `(n, c, i, j)`'s window, row-major.
    public func receptiveField(of output: [Int]) -> [[Int]] {
        geometry.window(ofOutput: HW(output[2], output[3])).map { [output[0], output[1], $0.input.h, $0.input.w] }
    }

    /// The input element `(n, c, h, w)` that max pooling picked for output `(n, c, i, j)`;
    /// nil for mean pooling.
    public func argmax(of output: [Int], in record: PoolRecord) -> [Int]? {
        guard kind == .max else { return nil }
        let offset = zip(output, Tensor.strides(of: record.outputShape)).reduce(0) { $0 + $1.0 * $1.1 }
        var rest = record.argmax[offset]
        return Tensor.strides(of: record.inputShape).map { stride in
            defer { rest %= stride }
            return rest / stride
        }
    }

    /// Every output `(n, c, i, j)` whose window contains input `(n, c, h, w)`, row-major.
    public func outputsReading(input: [Int], in record: PoolRecord) -> [[Int]] {
        let size = HW(record.inputShape[2], record.inputShape[3])
        return geometry.outputsReading(input: HW(input[2], input[3]), inputSize: size)
            .map { [input[0], input[1], $0.output.h, $0.output.w] }
    }
}

/// The assignment-style body of max and mean pooling: the last record over the value
/// `PoolFunction`.
public class PoolLayer: RecordingLayer<PoolFunction> {
    init(kind: PoolFunction.Kind, kernel: Int, stride: Int) {
        super.init(PoolFunction(kind: kind, kernel: kernel, stride: stride))
    }

    public var kind: PoolFunction.Kind { function.kind }
    public var geometry: ConvGeometry { function.geometry }

    /// The output shape for an input shape, or a one-line reason it has none.
    public func outputShape(forInput shape: [Int]) throws -> [Int] {
        try function.outputShape(forInput: shape)
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

extension PoolFunction {
    /// The terms of `dL/dA[input]`: max pooling routes each `dL/dZ` to its window's argmax
    /// (factor 1, adding where overlapping windows share it); mean pooling spreads
    /// `dL/dZ / K²` over every window that holds the input.
    public func inputGradientTerms(of input: [Int], in record: PoolRecord, dLdZ: Tensor) -> [GradientTerm] {
        let area = Double(geometry.kernel.h * geometry.kernel.w)
        return outputsReading(input: input, in: record).compactMap { output in
            switch kind {
            case .max:
                guard argmax(of: output, in: record) == input else { return nil }
                return GradientTerm(output: output, upstream: dLdZ[index: output], through: input, factor: 1)
            case .mean:
                return GradientTerm(output: output, upstream: dLdZ[index: output], through: input, factor: 1 / area)
            }
        }
    }
}
