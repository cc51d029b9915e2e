import ConvScopeCore
import ConvScopeTestSupport
import Testing

/// The receptive-field answers agree with the numbers, over many seeded random layers:
/// conv terms sum to Z and dL/dA, pool windows hold their argmax, resampling maps line up.
@Suite struct ReceptiveFieldPropertyTests {
    static let casesPerProperty = 200
    static let probesPerCase = 4
    /// Bound on the mismatch, relative to max(1, Σ |term|): only summation order differs.
    static let tolerance = 1e-12

    /// `Σ W[weight]·A[input]` over the non-padding terms of `receptiveField(of:)`, plus `b[o]`, is Z.
    @Test(arguments: [1, 2])
    func receptiveFieldTermsSumToZ(spatialAxes: Int) throws {
        var generator = SeededGenerator(seed: 60 + UInt64(spatialAxes))
        for _ in 0..<Self.casesPerProperty {
            let conv = RandomConv(spatialAxes: spatialAxes, using: &generator)
            let layer = conv.layer.function
            let A = Tensor.randomNormal(shape: conv.inputShape, seed: generator.next())
            let (Z, record) = try layer.forward(A)
            for _ in 0..<Self.probesPerCase {
                let output = generator.index(in: Z.shape)
                let terms = layer.receptiveField(of: output, in: record)
                #expect(terms.count == layer.inChannels * layer.geometry.kernel.h * layer.geometry.kernel.w)
                let products = terms.filter { !$0.isPadding }.map { layer.W[index: $0.weight] * A[index: $0.input] }
                Self.expectSum(
                    products, plus: layer.b[output[1]], equals: Z[index: output],
                    "\(layer.summary) Z\(output)")
            }
        }
    }

    /// `Σ dLdZ[output]·W[weight]` over `influence(of:)` is dL/dA at that input.
    @Test(arguments: [1, 2])
    func influenceTermsSumToDLdA(spatialAxes: Int) throws {
        var generator = SeededGenerator(seed: 70 + UInt64(spatialAxes))
        for _ in 0..<Self.casesPerProperty {
            let conv = RandomConv(spatialAxes: spatialAxes, using: &generator)
            let layer = conv.layer.function
            let (Z, record) = try layer.forward(Tensor.randomNormal(shape: conv.inputShape, seed: generator.next()))
            let dLdZ = Tensor.randomNormal(shape: Z.shape, seed: generator.next())
            let dLdA = try layer.backward(record, dLdZ).dLdA
            for _ in 0..<Self.probesPerCase {
                let input = generator.index(in: conv.inputShape)
                let products = layer.influence(
                    of: input,
                    in: record
                ).map { dLdZ[index: $0.output] * layer.W[index: $0.weight] }
                Self.expectSum(products, plus: 0, equals: dLdA[index: input], "\(layer.summary) dLdA\(input)")
            }
        }
    }

    /// Max pooling's `argmax(of:)` is the first cell of `receptiveField(of:)` holding the maximum
    /// (inputs are small integers, so windows tie), and `outputsReading(input:)` inverts the windows.
    @Test func poolArgmaxIsTheFirstMaximumOfTheWindow() throws {
        var generator = SeededGenerator(seed: 80)
        for _ in 0..<Self.casesPerProperty {
            let (k, s) = (Int.random(in: 1...4, using: &generator), Int.random(in: 1...3, using: &generator))
            let shape = [
                1, 2, k + Int.random(in: 0...6, using: &generator), k + Int.random(in: 0...6, using: &generator),
            ]
            let A = Tensor.randomUniform(shape: shape, in: 0...3, seed: generator.next()).map { $0.rounded(.down) }
            let pool = PoolFunction(kind: .max, kernel: k, stride: s)
            let (Z, record) = try pool.forward(A)
            for _ in 0..<Self.probesPerCase {
                let output = generator.index(in: Z.shape)
                let window = pool.receptiveField(of: output)
                #expect(
                    pool.argmax(of: output, in: record) == window.first { A[index: $0] == Z[index: output] },
                    "\(pool.summary) \(output)")
                let input = generator.index(in: shape)
                let readers = Set(pool.outputsReading(input: input, in: record))
                let expected = Set(
                    (0..<Z.shape[2]).flatMap { i in (0..<Z.shape[3]).map { [input[0], input[1], i, $0] } }
                        .filter { pool.receptiveField(of: $0).contains(input) })
                #expect(readers == expected, "\(pool.summary) readers of \(input)")
            }
        }
    }

    /// Every resampled element is the input element `source(ofOutput:)` names (or an inserted
    /// zero when it names none), and `destination(ofInput:)` leads back.
    @Test(arguments: [1, 2])
    func resamplingSourcesAndDestinationsAgree(spatialAxes: Int) throws {
        var generator = SeededGenerator(seed: 90 + UInt64(spatialAxes))
        for _ in 0..<Self.casesPerProperty {
            let (k, shape) = ShapePropertyTests.randomResampling(spatialAxes: spatialAxes, using: &generator)
            let A = Tensor.randomUniform(shape: shape, in: 1...2, seed: generator.next())
            for layer in [
                ShapePropertyTests.upsampler(k, spatialAxes),
                ShapePropertyTests.downsampler(
                    k,
                    spatialAxes),
            ].map(\.function) {
                let Z = try layer.forward(A).output
                for offset in 0..<Z.count {
                    let output = Z.index(ofOffset: offset)
                    guard let source = layer.source(ofOutput: output) else {
                        #expect(layer.isUpsampling && Z.scalars[offset] == 0, "\(layer.summary) \(output)")
                        continue
                    }
                    #expect(Z.scalars[offset] == A[index: source], "\(layer.summary) \(output)")
                    #expect(layer.destination(ofInput: source) == output, "\(layer.summary) \(output)")
                }
            }
        }
    }

    private static func expectSum(
        _ products: [Double], plus offset: Double, equals expected: Double, _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let total = products.reduce(offset, +)
        let scale = products.reduce(max(1, abs(offset))) { $0 + abs($1) }
        #expect(
            abs(total - expected) <= tolerance * scale, "\(what): terms sum to \(total), layer gives \(expected)",
            sourceLocation: sourceLocation)
    }
}
