import ConvScopeCore
import Testing

/// Each known mistake, made on purpose by a test-local wrong implementation, is named.
@Suite struct KnownMistakeTests {
    static let A = Tensor.randomNormal(shape: [2, 3, 9], seed: 11)
    static let W = Tensor.randomNormal(shape: [4, 3, 3], seed: 12)
    static let b = Tensor.randomNormal(shape: [4], seed: 13)
    static let dLdZ = Tensor.randomNormal(shape: [2, 4, 7], seed: 14)
    static let conv = ["A": A, "W": W, "b": b, "dLdZ": dLdZ]

    /// The name of the mistake recognised in `key` of the answer.
    func diagnosis(
        _ kind: LayerKind, _ bundle: [String: Tensor], _ key: String, _ mine: Tensor,
        spec: LayerSpec? = nil, tolerance: Tolerance = Tolerance()
    ) throws -> String? {
        let check = try AnswerCheck(
            spec: spec ?? LayerSpec(kind: kind), bundle: bundle, answer: [key: mine], tolerance: tolerance)
        #expect(!check.passes)
        return check[key]?.mistake?.name
    }

    @Test func flippedKernelInForward() throws {
        let mine = WrongImplementations.conv1d(Self.A, Self.W, Self.b, flipKernel: true)
        #expect(try diagnosis(.conv1d, Self.conv, "Z", mine) == "flipped kernel in forward")
    }

    @Test func unflippedKernelInBackward() throws {
        let mine = WrongImplementations.conv1dInputGradientUnflipped(Self.dLdZ, Self.W, width: 9)
        #expect(try diagnosis(.conv1d, Self.conv, "dLdA", mine) == "unflipped kernel in backward")
    }

    @Test func paddingIgnored() throws {
        let mine = WrongImplementations.conv1d(Self.A, Self.W, Self.b, flipKernel: false)
        #expect(mine.shape == [2, 4, 7])
        let bundle = ["A": Self.A, "W": Self.W, "b": Self.b]
        let spec = LayerSpec(kind: .conv1d, padding: [1])
        #expect(try diagnosis(.conv1d, bundle, "Z", mine, spec: spec) == "padding ignored")
    }

    @Test func gradientsAccumulatedAcrossCalls() throws {
        let layer = Conv1d(inChannels: 3, outChannels: 4, kernelSize: 3, W: Self.W, b: Self.b)
        var dLdW = Tensor(shape: Self.W.shape)
        var dLdb = Tensor(shape: Self.b.shape)
        for _ in 0..<2 {
            _ = try layer.forward(Self.A)
            _ = try layer.backward(Self.dLdZ)
            dLdW = dLdW + layer.dLdW
            dLdb = dLdb + layer.dLdb
        }
        #expect(try diagnosis(.conv1d, Self.conv, "dLdW", dLdW) == "gradients accumulated across calls")
        #expect(try diagnosis(.conv1d, Self.conv, "dLdb", dLdb) == "gradients accumulated across calls")
    }

    @Test func gradientAveragedOverTheBatch() throws {
        let mine = WrongImplementations.conv1dWeightGradientAveraged(Self.A, Self.dLdZ, kernel: 3)
        #expect(try diagnosis(.conv1d, Self.conv, "dLdW", mine) == "gradient averaged over the batch")
    }

    @Test func emptyCropWithZeroPadding() throws {
        let paddedGradient = Tensor.randomNormal(shape: [2, 3, 9], seed: 15)
        let mine = WrongImplementations.pythonCrop(paddedGradient, 0)
        #expect(mine.shape == [2, 3, 0])
        #expect(try diagnosis(.conv1d, Self.conv, "dLdA", mine) == "empty crop x[p:-p] with p = 0")
    }

    @Test(arguments: [(kernel: 2, stride: 1), (kernel: 3, stride: 2)])
    func maxPoolBackwardAssigning(_ pool: (kernel: Int, stride: Int)) throws {
        // Repeated values make overlapping windows share their first maximum.
        let A = Tensor(shape: [1, 1, 5, 5], generating: { Double(($0 * 7) % 5) })
        let spec = LayerSpec(kind: .maxpool2d, stride: [pool.stride], kernel: pool.kernel)
        let out = (5 - pool.kernel) / pool.stride + 1
        let dLdZ = Tensor.randomNormal(shape: [1, 1, out, out], seed: 16)
        let mine = WrongImplementations.maxPoolInputGradientAssigning(A, dLdZ, kernel: pool.kernel, stride: pool.stride)
        #expect(
            try diagnosis(.maxpool2d, ["A": A, "dLdZ": dLdZ], "dLdA", mine, spec: spec)
                == "max-pool backward assigns instead of adding")
    }

    @Test func downsampleOffByOne() throws {
        let A = Tensor.randomNormal(shape: [1, 2, 8], seed: 17)
        let mine = WrongImplementations.downsample1dOffByOne(A, factor: 2)
        #expect(mine.shape == [1, 2, 5])
        #expect(try diagnosis(.downsample1d, ["A": A], "Z", mine) == "downsample size W//k + 1")
    }

    @Test func downsampleBackwardByUpsampling() throws {
        let A = Tensor.randomNormal(shape: [1, 2, 8], seed: 18)
        let dLdZ = Tensor.randomNormal(shape: [1, 2, 4], seed: 19)
        let mine = WrongImplementations.downsample1dBackwardByUpsampling(dLdZ, factor: 2)
        #expect(
            try diagnosis(.downsample1d, ["A": A, "dLdZ": dLdZ], "dLdA", mine) == "downsample backward by upsampling")
    }

    @Test func scanningMLPWeightsReshapedChannelMajor() throws {
        let A = Tensor.randomNormal(shape: [1, 24, 128], seed: 20)
        let (w1, w2, w3) = (
            Tensor.randomNormal(shape: [192, 8], seed: 21), Tensor.randomNormal(shape: [8, 16], seed: 22),
            Tensor.randomNormal(shape: [16, 4], seed: 23)
        )
        let mine = WrongImplementations.simpleScanChannelMajor(A, w1: w1, w2: w2, w3: w3)
        #expect(
            try diagnosis(.scanMLPSimple, ["A": A, "w1": w1, "w2": w2, "w3": w3], "Z", mine)
                == "MLP weights reshaped channel-major")
    }

    @Test func float32Arithmetic() throws {
        let mine = WrongImplementations.conv1d(Self.A, Self.W, Self.b, as: Float.self)
        let graded = Tolerance(absolute: 1e-12, relative: 0)
        #expect(try diagnosis(.conv1d, Self.conv, "Z", mine, tolerance: graded) == "Float32 arithmetic")
    }

    /// A wrong answer that no mistake explains is flagged but not named.
    @Test func unexplainedErrorsAreNotNamed() throws {
        let right = try LayerSpec(kind: .conv1d).run(on: Self.conv)
        var mine = right["dLdA"]!
        mine.scalars[5] += 1
        #expect(try diagnosis(.conv1d, Self.conv, "dLdA", mine) == nil)
    }

    /// A mistake that makes the right answer on this bundle is never named: `W//k + 1` is
    /// `ceil(W/k)` when k does not divide W, so a wrong Z of that shape is not the off-by-one.
    @Test func indistinguishableMistakesAreNotNamed() throws {
        let A = Tensor.randomNormal(shape: [1, 2, 7], seed: 24)
        let mine = WrongImplementations.downsample1dOffByOne(A, factor: 2).map { $0 + 1 }
        #expect(mine.shape == [1, 2, 4])
        #expect(try diagnosis(.downsample1d, ["A": A], "Z", mine) == nil)
    }
}
