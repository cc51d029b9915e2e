import Testing
import ConvScopeCore

/// The receptive-field answers agree with the numbers: summing the terms they name
/// reproduces Z and dL/dA, over many seeded random convolutions.
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
            let layer = conv.layer
            let A = Tensor.randomNormal(shape: conv.inputShape, seed: generator.next())
            let Z = try layer.forward(A)
            for _ in 0..<Self.probesPerCase {
                let output = generator.index(in: Z.shape)
                let terms = layer.receptiveField(of: output)
                #expect(terms.count == layer.inChannels * layer.geometry.kernel.h * layer.geometry.kernel.w)
                let products = terms.filter { !$0.isPadding }.map { layer.W[index: $0.weight] * A[index: $0.input] }
                Self.expectSum(products, plus: layer.b[output[1]], equals: Z[index: output],
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
            let layer = conv.layer
            let Z = try layer.forward(Tensor.randomNormal(shape: conv.inputShape, seed: generator.next()))
            let dLdZ = Tensor.randomNormal(shape: Z.shape, seed: generator.next())
            let dLdA = try layer.backward(dLdZ)
            for _ in 0..<Self.probesPerCase {
                let input = generator.index(in: conv.inputShape)
                let products = layer.influence(of: input).map { dLdZ[index: $0.output] * layer.W[index: $0.weight] }
                Self.expectSum(products, plus: 0, equals: dLdA[index: input], "\(layer.summary) dLdA\(input)")
            }
        }
    }

    private static func expectSum(_ products: [Double], plus offset: Double, equals expected: Double, _ what: String,
                                  sourceLocation: SourceLocation = #_sourceLocation) {
        let total = products.reduce(offset, +)
        let scale = products.reduce(max(1, abs(offset))) { $0 + abs($1) }
        #expect(abs(total - expected) <= tolerance * scale, "\(what): terms sum to \(total), layer gives \(expected)",
                sourceLocation: sourceLocation)
    }
}
