import ConvScopeCore
import ConvScopeTestSupport
import Testing

/// Output-shape formulas and the adjointness of resampling, over many seeded random shapes.
@Suite struct ShapePropertyTests {
    static let casesPerProperty = 200
    /// Bound on the mismatch of two inner products, relative to max(1, |value|).
    static let adjointTolerance = 1e-12

    @Test(arguments: [1, 2])
    func convOutputShapeFollowsFormula(spatialAxes: Int) throws {
        var generator = SeededGenerator(seed: 10 + UInt64(spatialAxes))
        for _ in 0..<Self.casesPerProperty {
            let conv = RandomConv(spatialAxes: spatialAxes, using: &generator)
            let Z = try conv.layer.forward(Tensor(shape: conv.inputShape))
            #expect(Z.shape == conv.expectedOutputShape, "\(conv.layer.summary) on \(conv.inputShape)")
        }
    }

    @Test func poolOutputShapeFollowsFormula() throws {
        var generator = SeededGenerator(seed: 20)
        for trial in 0..<Self.casesPerProperty {
            let (k, s) = (Int.random(in: 1...5, using: &generator), Int.random(in: 1...4, using: &generator))
            let (h, w) = (k + Int.random(in: 0...12, using: &generator), k + Int.random(in: 0...12, using: &generator))
            let pool: PoolLayer =
                trial.isMultiple(of: 2) ? MaxPool2d(kernel: k, stride: s) : MeanPool2d(kernel: k, stride: s)
            let Z = try pool.forward(Tensor(shape: [2, 3, h, w]))
            #expect(Z.shape == [2, 3, (h - k) / s + 1, (w - k) / s + 1], "\(pool.summary) on \(h)×\(w)")
        }
    }

    @Test(arguments: [1, 2])
    func resamplingOutputShapeFollowsFormula(spatialAxes: Int) throws {
        var generator = SeededGenerator(seed: 30 + UInt64(spatialAxes))
        for _ in 0..<Self.casesPerProperty {
            let (k, shape) = Self.randomResampling(spatialAxes: spatialAxes, using: &generator)
            let spatial = shape.suffix(spatialAxes)
            let up = try Self.upsampler(k, spatialAxes).forward(Tensor(shape: shape))
            let down = try Self.downsampler(k, spatialAxes).forward(Tensor(shape: shape))
            #expect(up.shape == shape.prefix(2) + spatial.map { k * ($0 - 1) + 1 }, "up \(k) on \(shape)")
            #expect(down.shape == shape.prefix(2) + spatial.map { ($0 + k - 1) / k }, "down \(k) on \(shape)")
            #expect(spatial.map { Resampling.upsampledExtent($0, factor: k) } == Array(up.shape.suffix(spatialAxes)))
            #expect(
                spatial.map { Resampling.downsampledExtent($0, factor: k) } == Array(down.shape.suffix(spatialAxes)))
        }
    }

    @Test(arguments: [1, 2])
    func convTransposeOutputShapeFollowsFormula(spatialAxes: Int) throws {
        var generator = SeededGenerator(seed: 40 + UInt64(spatialAxes))
        for _ in 0..<Self.casesPerProperty {
            let (k, K) = (Int.random(in: 1...4, using: &generator), Int.random(in: 1...4, using: &generator))
            let width = Int.random(in: 1...10, using: &generator)
            let spatial = Array(repeating: width, count: spatialAxes)
            // The upsampled input must be at least as wide as the kernel.
            guard k * (width - 1) + 1 >= K else { continue }
            let layer: ConvTransposeLayer =
                spatialAxes == 1
                ? ConvTranspose1d(inChannels: 2, outChannels: 3, kernelSize: K, upsamplingFactor: k)
                : ConvTranspose2d(inChannels: 2, outChannels: 3, kernelSize: HW(square: K), upsamplingFactor: k)
            let Z = try layer.forward(Tensor(shape: [1, 2] + spatial))
            #expect(Z.shape == [1, 3] + spatial.map { k * ($0 - 1) + 1 - K + 1 }, "\(layer.summary) on \(spatial)")
        }
    }

    /// `<R x, y> = <x, Rᵀ y>` with Rᵀ the layer's backward, for R = upsample and downsample;
    /// and upsampling's adjoint is downsampling by the same factor.
    @Test(arguments: [1, 2])
    func resamplingBackwardIsTheAdjoint(spatialAxes: Int) throws {
        var generator = SeededGenerator(seed: 50 + UInt64(spatialAxes))
        for _ in 0..<Self.casesPerProperty {
            let (k, shape) = Self.randomResampling(spatialAxes: spatialAxes, using: &generator)
            let x = Tensor.randomNormal(shape: shape, seed: generator.next())
            for layer in [Self.upsampler(k, spatialAxes), Self.downsampler(k, spatialAxes)] {
                let Rx = try layer.forward(x)
                let y = Tensor.randomNormal(shape: Rx.shape, seed: generator.next())
                let RTy = try layer.backward(y)
                expectRelativelyClose(
                    innerProduct(Rx, y), innerProduct(x, RTy), tolerance: Self.adjointTolerance,
                    "\(layer.summary) on \(shape)")
                if layer.function.isUpsampling {
                    #expect(RTy == (try Self.downsampler(k, spatialAxes).forward(y)), "\(layer.summary) on \(shape)")
                }
            }
        }
    }

    static func randomResampling(spatialAxes: Int, using generator: inout SeededGenerator) -> (
        factor: Int, shape: [Int]
    ) {
        let k = Int.random(in: 1...5, using: &generator)
        let spatial = (0..<spatialAxes).map { _ in Int.random(in: 1...(spatialAxes == 1 ? 30 : 12), using: &generator) }
        return (k, [Int.random(in: 1...3, using: &generator), Int.random(in: 1...3, using: &generator)] + spatial)
    }

    static func upsampler(_ k: Int, _ spatialAxes: Int) -> ResamplingLayer {
        spatialAxes == 1 ? Upsample1d(factor: k) : Upsample2d(factor: k)
    }

    static func downsampler(_ k: Int, _ spatialAxes: Int) -> ResamplingLayer {
        spatialAxes == 1 ? Downsample1d(factor: k) : Downsample2d(factor: k)
    }
}

/// `ConvGeometry.unreachedExtent` against the windows themselves: the padded rows past the
/// last window's reach, counted by placing every window.
@Suite struct UnreachedExtentTests {
    @Test func unreachedRowsAreThoseNoWindowTouches() {
        var generator = SeededGenerator(seed: 77)
        for _ in 0..<300 {
            let n = Int.random(in: 1...20, using: &generator)
            let k = Int.random(in: 1...5, using: &generator)
            let s = Int.random(in: 1...4, using: &generator)
            let p = Int.random(in: 0...2, using: &generator)
            let d = Int.random(in: 1...2, using: &generator)
            let g = ConvGeometry(kernel: HW(1, k), stride: HW(1, s), padding: HW(0, p), dilation: HW(1, d))
            let padded = n + 2 * p
            let reach = d * (k - 1) + 1
            guard padded >= reach else { continue }
            var lastTouched = -1
            var start = 0
            while start + reach <= padded {
                lastTouched = start + reach - 1
                start += s
            }
            #expect(
                g.unreachedExtent(forInput: HW(1, n)).w == padded - 1 - lastTouched,
                "n \(n) k \(k) s \(s) p \(p) d \(d)")
        }
    }
}
