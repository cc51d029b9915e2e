import ConvScopeCore
import Foundation
import Testing

/// `CrossEntropyLoss.softmax`, which the CNN screen shows, against its definition
/// `exp(z_k) / Σ_j exp(z_j)` row by row, and on logits where the definition overflows.
@Suite struct SoftmaxTests {
    @Test func rowsFollowTheDefinition() {
        let Z = Tensor.randomNormal(shape: [4, 7], seed: 8) * 3
        let p = CrossEntropyLoss.softmax(Z)
        for row in 0..<4 {
            let total = (0..<7).reduce(0.0) { $0 + exp(Z[row, $1]) }
            for k in 0..<7 { #expect(abs(p[row, k] - exp(Z[row, k]) / total) < 1e-15) }
        }
    }

    /// exp(1000) is inf; the definition divided by e^1000 top and bottom gives 1/(1 + e^−1).
    @Test func largeLogitsStayFinite() {
        let p = CrossEntropyLoss.softmax(Tensor(shape: [1, 2], scalars: [1000, 1001]))
        #expect(abs(p[0, 1] - 1 / (1 + exp(-1))) < 1e-15 && abs(p[0, 0] - exp(-1) / (1 + exp(-1))) < 1e-15)
    }
}
