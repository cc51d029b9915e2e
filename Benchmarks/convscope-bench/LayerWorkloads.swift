import ConvScopeCore

/// A forward+backward float64 workload, named exactly as `bench.py` names it so the
/// comparison script can pair the rows.
struct LayerWorkload {
    let name: String
    let flops: Double?
    /// Builds the inputs and returns one forward+backward run.
    let prepare: () throws -> () throws -> Void
}

extension LayerWorkload {
    /// `bench.py`'s ladder plus issue 6's extra rungs, then the CNN step and a large matmul.
    static var ladder: [LayerWorkload] {
        [
            conv1d(n: 2, cIn: 3, cOut: 5, width: 10, k: 3),
            conv1d(n: 2, cIn: 3, cOut: 5, width: 60, k: 5, stride: 2, padding: 1),
            conv1d(n: 8, cIn: 16, cOut: 32, width: 1024, k: 5),
            conv1d(n: 8, cIn: 16, cOut: 32, width: 4096, k: 5),
            conv1d(n: 16, cIn: 64, cOut: 64, width: 4096, k: 7, padding: 3),
            conv2d(n: 2, cIn: 3, cOut: 5, size: 10, k: 3),
            conv2d(n: 2, cIn: 3, cOut: 5, size: 60, k: 5, stride: 2, padding: 1),
            conv2d(n: 8, cIn: 16, cOut: 32, size: 64, k: 3),
            conv2d(n: 8, cIn: 64, cOut: 64, size: 56, k: 3, padding: 1),
            conv2d(n: 1, cIn: 3, cOut: 64, size: 224, k: 3),
            convTranspose(n: 2, cIn: 3, cOut: 5, size: 10, k: 3, factor: 2, twoD: false),
            convTranspose(n: 2, cIn: 3, cOut: 5, size: 10, k: 3, factor: 2, twoD: true),
            convTranspose(n: 8, cIn: 16, cOut: 32, size: 32, k: 3, factor: 2, twoD: true),
            pool(.max, n: 2, c: 3, size: 20, k: 2, stride: 2),
            pool(.max, n: 8, c: 32, size: 64, k: 2, stride: 2),
            pool(.max, n: 8, c: 32, size: 64, k: 3, stride: 1),
            pool(.mean, n: 2, c: 3, size: 20, k: 2, stride: 2),
            pool(.mean, n: 8, c: 32, size: 64, k: 2, stride: 2),
            pool(.mean, n: 8, c: 32, size: 64, k: 3, stride: 1),
            resample(up: true, n: 2, c: 3, size: 60, factor: 2, twoD: false),
            resample(up: false, n: 2, c: 3, size: 60, factor: 2, twoD: false),
            resample(up: true, n: 8, c: 32, size: 64, factor: 2, twoD: true),
            resample(up: false, n: 8, c: 32, size: 64, factor: 2, twoD: true),
            cnnTrainingStep(),
            matmul(size: 2048),
        ]
    }

    static func conv1d(n: Int, cIn: Int, cOut: Int, width: Int, k: Int, stride: Int = 1, padding: Int = 0)
        -> LayerWorkload
    {
        let out = (width + 2 * padding - k) / stride + 1
        let name = "conv1d N=\(n) C \(cIn)->\(cOut) W=\(width) K=\(k)" + suffix(stride: stride, padding: padding)
        return LayerWorkload(name: name, flops: Double(6 * n * cOut * cIn * k * out)) {
            let layer = try Conv1d(
                weight: scaledWeight([cOut, cIn, k]), bias: .randomNormal(shape: [cOut], seed: 2),
                stride: stride, padding: padding)
            return try run(layer, input: [n, cIn, width])
        }
    }

    static func conv2d(n: Int, cIn: Int, cOut: Int, size: Int, k: Int, stride: Int = 1, padding: Int = 0)
        -> LayerWorkload
    {
        let out = (size + 2 * padding - k) / stride + 1
        let name = "conv2d N=\(n) C \(cIn)->\(cOut) \(size)x\(size) K=\(k)" + suffix(stride: stride, padding: padding)
        return LayerWorkload(name: name, flops: Double(6 * n * cOut * cIn * k * k * out * out)) {
            let layer = try Conv2d(
                weight: scaledWeight([cOut, cIn, k, k]), bias: .randomNormal(shape: [cOut], seed: 2),
                stride: HW(square: stride), padding: HW(square: padding))
            return try run(layer, input: [n, cIn, size, size])
        }
    }

    /// Square inputs for 2-D; `size` is the width for 1-D.
    static func convTranspose(n: Int, cIn: Int, cOut: Int, size: Int, k: Int, factor: Int, twoD: Bool) -> LayerWorkload
    {
        let out = factor * (size - 1) + 1 - k + 1
        let spatial = twoD ? "\(size)x\(size)" : "W=\(size)"
        let name = "convtranspose\(twoD ? 2 : 1)d N=\(n) C \(cIn)->\(cOut) \(spatial) K=\(k) f=\(factor)"
        let positions = twoD ? out * out : out
        return LayerWorkload(name: name, flops: Double(6 * n * cOut * cIn * (twoD ? k * k : k) * positions)) {
            let bias = Tensor.randomNormal(shape: [cOut], seed: 2)
            let layer: Layer =
                twoD
                ? try ConvTranspose2d(weight: scaledWeight([cOut, cIn, k, k]), bias: bias, upsamplingFactor: factor)
                : try ConvTranspose1d(weight: scaledWeight([cOut, cIn, k]), bias: bias, upsamplingFactor: factor)
            return try run(layer, input: twoD ? [n, cIn, size, size] : [n, cIn, size])
        }
    }

    static func pool(_ kind: PoolFunction.Kind, n: Int, c: Int, size: Int, k: Int, stride: Int) -> LayerWorkload {
        let name = "\(kind == .max ? "maxpool2d" : "meanpool2d") N=\(n) C=\(c) \(size)x\(size) k=\(k) s=\(stride)"
        return LayerWorkload(name: name, flops: nil) {
            let layer: Layer =
                kind == .max ? MaxPool2d(kernel: k, stride: stride) : MeanPool2d(kernel: k, stride: stride)
            return try run(layer, input: [n, c, size, size])
        }
    }

    static func resample(up: Bool, n: Int, c: Int, size: Int, factor: Int, twoD: Bool) -> LayerWorkload {
        let spatial = twoD ? "\(size)x\(size)" : "W=\(size)"
        let name = "\(up ? "upsample" : "downsample")\(twoD ? 2 : 1)d N=\(n) C=\(c) \(spatial) f=\(factor)"
        return LayerWorkload(name: name, flops: nil) {
            let layer: Layer =
                switch (up, twoD) {
                case (true, true): Upsample2d(factor: factor)
                case (true, false): Upsample1d(factor: factor)
                case (false, true): Downsample2d(factor: factor)
                case (false, false): Downsample1d(factor: factor)
                }
            return try run(layer, input: twoD ? [n, c, size, size] : [n, c, size])
        }
    }

    /// The assignment's graded CNN (24×128 input, Conv1d 56/28/14 with kernels 5/6/2 and
    /// strides 1/2/2, Linear 420→10), one SGD step on a batch of 8.
    static func cnnTrainingStep() -> LayerWorkload {
        LayerWorkload(name: "cnn training step N=8 graded config", flops: nil) {
            var seed: UInt64 = 10
            let cnn = try CNN(
                inputWidth: 128, inputChannels: 24, channels: [56, 28, 14], kernelSizes: [5, 6, 2],
                strides: [1, 2, 2], linearNeurons: 10, activations: [Tanh(), ReLU(), Sigmoid()],
                criterion: CrossEntropyLoss(), learningRate: 1e-3,
                weightInit: { shape in
                    seed += 1
                    return scaledWeight(shape, seed: seed)
                },
                biasInit: { Tensor(shape: $0) })
            let batch = Tensor.randomNormal(shape: [8, 24, 128], seed: 5)
            let labels = Tensor(shape: [8, 10]) { $0 % 10 == ($0 / 10) % 10 ? 1 : 0 }
            return {
                _ = try cnn.forward(batch)
                cnn.zeroGrads()
                try cnn.backward(labels: labels)
                cnn.step()
            }
        }
    }

    static func matmul(size: Int) -> LayerWorkload {
        LayerWorkload(name: "matmul \(size)x\(size)", flops: 2 * Double(size * size * size)) {
            let a = Tensor.randomNormal(shape: [size, size], seed: 1)
            let b = Tensor.randomNormal(shape: [size, size], seed: 2)
            return { _ = MatrixMultiply.product(a, b) }
        }
    }

    private static func suffix(stride: Int, padding: Int) -> String {
        (stride > 1 ? " s=\(stride)" : "") + (padding > 0 ? " p=\(padding)" : "")
    }

    /// N(0, 1/fan-in) weights, as `bench.py` draws them.
    private static func scaledWeight(_ shape: [Int], seed: UInt64 = 1) -> Tensor {
        let fanIn = Double(shape.dropFirst().reduce(1, *))
        return Tensor.randomNormal(shape: shape, seed: seed) / fanIn.squareRoot()
    }

    /// Random A and dL/dZ for `layer`; the run is one forward and one backward.
    private static func run(_ layer: Layer, input shape: [Int]) throws -> () throws -> Void {
        let A = Tensor.randomNormal(shape: shape, seed: 3)
        let dLdZ = Tensor.randomNormal(shape: try layer.forward(A).shape, seed: 4)
        return {
            _ = try layer.forward(A)
            _ = try layer.backward(dLdZ)
        }
    }
}
