import Testing

@testable import ConvScopeCore

/// The demo's edge detectors at every size: antisymmetric rows (so a flat input gives 0),
/// the horizontal one the transpose of the vertical one, and K = 3 the classic pair.
@Suite struct EdgeKernelTests {
    @Test(arguments: 2...9) func everySizeDetectsEdgesOnly(size: Int) {
        let W = EdgeKernels.pair(size: size)
        #expect(W.shape == [2, 1, size, size])
        for i in 0..<size {
            #expect((0..<size).map { W[0, 0, i, $0] }.reduce(0, +) == 0)
            for j in 0..<size {
                #expect(W[0, 0, i, j] == -W[0, 0, i, size - 1 - j])
                #expect(W[1, 0, i, j] == W[0, 0, j, i])
                #expect(abs(W[0, 0, i, j]) <= 1)
            }
        }
        #expect(W[0, 0, 0, 0] == 1 && W[0, 0, 0, size - 1] == -1)
    }

    @Test func sizeThreeIsTheClassicPair() {
        #expect(EdgeKernels.pair(size: 3).scalars == [1, 0, -1, 1, 0, -1, 1, 0, -1, 1, 1, 1, 0, 0, 0, -1, -1, -1])
    }
}
