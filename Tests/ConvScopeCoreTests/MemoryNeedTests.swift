import ConvScopeCore
import Testing

/// `LayerSpec.memoryNeed` against what running the layer really makes: over seeded random
/// shapes and options of every layer kind with a predictable Z, the shape it predicts is Z's,
/// and the bytes cover at least the bundle plus every result (8 bytes each).
@Suite struct MemoryNeedTests {
    static let cases = 60

    /// A random bundle and options for `kind`, small enough to run.
    static func randomCase(_ kind: LayerKind, using generator: inout SeededGenerator) -> (LayerSpec, [String: Tensor]) {
        func draw(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }
        let (n, c, out, k) = (draw(1...2), draw(1...3), draw(1...4), draw(1...3))
        var spec = LayerSpec(kind: kind)
        var bundle: [String: Tensor] = [:]
        switch kind {
        case .conv1d:
            spec.stride = [draw(1...3)]
            spec.padding = [draw(0...2)]
            spec.dilation = [draw(1...2)]
            bundle = ["A": Tensor(shape: [n, c, draw(8...14)]), "W": Tensor(shape: [out, c, k])]
        case .conv2d:
            spec.stride = [draw(1...3), draw(1...3)]
            spec.padding = [draw(0...2), draw(0...2)]
            spec.dilation = [draw(1...2)]
            bundle = [
                "A": Tensor(shape: [n, c, draw(8...12), draw(8...12)]), "W": Tensor(shape: [out, c, k, draw(1...3)]),
            ]
        case .convtranspose1d, .convtranspose2d:
            spec.factor = draw(1...3)
            let spatial = kind == .convtranspose1d ? [draw(3...6)] : [draw(3...6), draw(3...6)]
            bundle = ["A": Tensor(shape: [n, c] + spatial), "W": Tensor(shape: [out, c] + spatial.map { _ in k })]
        case .upsample1d, .downsample1d:
            spec.factor = draw(1...4)
            bundle = ["A": Tensor(shape: [n, c, draw(1...9)])]
        case .upsample2d, .downsample2d:
            spec.factor = draw(1...4)
            bundle = ["A": Tensor(shape: [n, c, draw(1...9), draw(1...9)])]
        case .linear:
            bundle = ["A": Tensor(shape: [n, c]), "W": Tensor(shape: [out, c])]
        case .maxpool2d, .meanpool2d:
            spec.kernel = k
            spec.stride = [draw(1...3)]
            bundle = ["A": Tensor(shape: [n, c, draw(3...9), draw(3...9)])]
        default:
            bundle = ["A": Tensor(shape: [n, c, draw(1...5)])]
        }
        return (spec, bundle)
    }

    @Test(arguments: LayerKind.allCases.filter { $0 != .scanMLPSimple && $0 != .scanMLPDistributed })
    func predictsZAndCoversEveryResult(_ kind: LayerKind) throws {
        var generator = SeededGenerator(seed: 700 + UInt64(kind.rawValue.count))
        for _ in 0..<Self.cases {
            var (spec, bundle) = Self.randomCase(kind, using: &generator)
            let Z = try #require(try spec.run(on: bundle)["Z"])
            bundle["dLdZ"] = Tensor(shape: Z.shape)
            let results = try spec.run(on: bundle)
            let need = spec.memoryNeed(for: bundle, writing: true)
            if let shape = need.outputShape {
                #expect(shape == Z.shape, "\(spec) on \(bundle["A"]!.shape)")
            } else {
                #expect([.flatten, .maxpool2d, .meanpool2d].contains(kind), "no shape predicted for \(kind)")
            }
            let held = (bundle.values.map(\.count) + results.values.map(\.count)).reduce(0, +)
            #expect(need.bytes >= 8 * held, "\(spec) on \(bundle["A"]!.shape)")
        }
    }

    /// The issue's cases: outputs far larger than their inputs are counted in full.
    @Test func hugeOutputsFromSmallInputsAreCountedWithoutOverflow() {
        let conv = LayerSpec(kind: .conv2d, padding: [8000])
        let padded = conv.memoryNeed(for: ["A": Tensor(shape: [1, 1, 1, 1]), "W": Tensor(shape: [64, 1, 3, 3])])
        #expect(padded.outputShape == [1, 64, 15999, 15999])
        #expect(padded.bytes >= 8 * 64 * 15999 * 15999)
        let linear = LayerSpec(kind: .linear).memoryNeed(for: [
            "A": Tensor(shape: [65536, 1]), "W": Tensor(shape: [65536, 1]),
        ])
        #expect(linear.outputShape == [65536, 65536] && linear.bytes >= 8 * 65536 * 65536)
    }
}
