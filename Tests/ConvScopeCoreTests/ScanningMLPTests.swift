import ConvScopeCore
import Testing

/// The scanning networks against the MLP they stand for, run window by window with
/// plain loops (no convolution involved).
@Suite struct ScanningMLPTests {
    /// `relu(relu(x·w1)·w2)·w3` for one time-major window `x` (192 values).
    func mlp(_ x: [Double], _ w1: Tensor, _ w2: Tensor, _ w3: Tensor) -> [Double] {
        func layer(_ v: [Double], _ w: Tensor, relu: Bool) -> [Double] {
            (0..<w.shape[1]).map { o in
                let s = (0..<w.shape[0]).reduce(0.0) { $0 + v[$1] * w[$1, o] }
                return relu ? max(s, 0) : s
            }
        }
        return layer(layer(layer(x, w1, relu: true), w2, relu: true), w3, relu: false)
    }

    /// The MLP run at every window of 8 steps, hop 4, concatenated channel-major like Flatten.
    func scannedMLP(_ A: Tensor, _ w1: Tensor, _ w2: Tensor, _ w3: Tensor) -> [Double] {
        let positions = (A.shape[2] - 8) / 4 + 1
        var out = [Double](repeating: 0, count: 4 * positions)
        for t in 0..<positions {
            let window = (0..<8).flatMap { step in (0..<24).map { c in A[0, c, 4 * t + step] } }
            for (o, value) in mlp(window, w1, w2, w3).enumerated() { out[o * positions + t] = value }
        }
        return out
    }

    let A = Tensor.randomNormal(shape: [1, 24, 128], seed: 11)

    @Test func simpleScanEqualsTheMLPAtEveryWindow() throws {
        let (w1, w2, w3) = (
            Tensor.randomNormal(shape: [192, 8], seed: 1),
            Tensor.randomNormal(shape: [8, 16], seed: 2),
            Tensor.randomNormal(shape: [16, 4], seed: 3)
        )
        let Z = try ScanningMLP.simple(w1: w1, w2: w2, w3: w3).forward(A)
        #expect(Z.shape == [1, 124])
        let expected = Tensor(shape: [1, 124], scalars: scannedMLP(A, w1, w2, w3))
        #expect(Z.maxAbsDifference(expected) < 1e-10)
    }

    @Test func distributedScanEqualsTheSharedMLPAtEveryWindow() throws {
        let k1 = Tensor.randomNormal(shape: [2, 24, 2], seed: 4)
        let k2 = Tensor.randomNormal(shape: [8, 2, 2], seed: 5)
        let k3 = Tensor.randomNormal(shape: [4, 8, 2], seed: 6)
        // The sharing written out by hand: neuron 2g+j of layer 1 sees steps 2g, 2g+1 through k1[j].
        let (w1, w2, w3) = ScanningMLP.sharedMLPWeights(k1, k2, k3)
        #expect(w1[3 * 24 + 5, 2 + 1] == k1[1, 5, 1] && w1[0, 2] == 0)
        #expect(w2[(2 + 1) * 2 + 1, 8 + 4] == k2[4, 1, 1] && w3[8 + 3, 2] == k3[2, 3, 1])
        let network = try ScanningMLP.distributed(w1: w1, w2: w2, w3: w3)
        #expect(network.parameterizedLayers.map(\.W) == [k1, k2, k3])
        let Z = try network.forward(A)
        #expect(Z.shape == [1, 124])
        #expect(Z.maxAbsDifference(Tensor(shape: [1, 124], scalars: scannedMLP(A, w1, w2, w3))) < 1e-10)
    }

    @Test func reshapingStraightToTheKernelIsTheClassicMistake() throws {
        let w = Tensor.randomNormal(shape: [192, 8], seed: 7)
        let right = try ScanningMLP.kernel(fromMLPWeight: w, kernelSize: 8)
        let wrong = w.transposed().reshaped([8, 24, 8])
        #expect(right.shape == [8, 24, 8])
        #expect(right != wrong)
        // Row t·24 + c of the MLP weight is kernel tap t of channel c.
        #expect(right[3, 5, 2] == w[2 * 24 + 5, 3])
    }

    @Test func libraryMLPAndWindowMatchTheHandWrittenOnes() throws {
        let (w1, w2, w3) = (
            Tensor.randomNormal(shape: [192, 8], seed: 1), Tensor.randomNormal(shape: [8, 16], seed: 2),
            Tensor.randomNormal(shape: [16, 4], seed: 3)
        )
        let window = ScanningMLP.window(A, at: 5, size: 8, hop: 4)
        let handWindow = (0..<8).flatMap { step in (0..<24).map { c in A[0, c, 20 + step] } }
        #expect(window.scalars == handWindow)
        let out = try ScanningMLP.mlp(w1: w1, w2: w2, w3: w3).forward(window)
        #expect(out.maxAbsDifference(Tensor(shape: [1, 4], scalars: mlp(handWindow, w1, w2, w3))) < 1e-12)
    }

    @Test func mlpGradientInvertsTheKernelMapping() throws {
        let w = Tensor.randomNormal(shape: [8, 16], seed: 8)
        let k = try ScanningMLP.kernel(fromMLPWeight: w, kernelSize: 4)
        #expect(try ScanningMLP.mlpGradient(k, mlpShape: [8, 16]) == w)
    }
}
