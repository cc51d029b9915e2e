import ConvScopeCore
import Terminal
import Testing
import Walkthroughs

@testable import ConvScopeApp

/// The tanh and sigmoid screens where the textbook formula overflows float64 (issue 12,
/// point 4): e^1750 is inf, so (e^z − e^−z)/(e^z + e^−z) = inf/inf = NaN (IEEE 754), while
/// tanh(1750) = 1; 1/(1 + e^1000) = 1/inf = 0, the true value (about e^−1000) being 0 in float64.
@Suite struct OverflowScreenTests {
    func screen(_ kind: LayerKind, _ values: [Double], step: Int, size: Size) throws -> String {
        let A = Tensor(shape: [1, 1, values.count], scalars: values)
        let scene = try AppFixtures.factoryScene(LayerSpec(kind: kind), ["A": A])
        return AppFixtures.single(scene, size: size).pressing(Key.repeated(.right, step)).render().plainText()
    }

    @Test(arguments: [AppFixtures.small, AppFixtures.large]) func tanhOf1750NamesTheOverflow(size: Size) throws {
        let text = try screen(.tanh, [3, 1750], step: 1, size: size)
        #expect(text.contains("Z[0,0,1] = tanh(A[0,0,1]) = tanh(1750)"), "\(text)")
        #expect(text.contains("overflow: textbook (e^1750 − e^-1750)/(e^1750 + e^-1750) = inf/inf = nan"), "\(text)")
        #expect(text.contains("= 1  the library's stable value"))
    }

    @Test func negativeInputsOverflowToo() throws {
        let text = try screen(.tanh, [-1750], step: 0, size: AppFixtures.large)
        #expect(text.contains("(e^-1750 − e^1750)/(e^-1750 + e^1750) = -inf/inf = nan"), "\(text)")
        #expect(text.contains("= -1  the library's stable value"))
    }

    @Test func sigmoidOfVeryNegativeInputs() throws {
        let text = try screen(.sigmoid, [-1000], step: 0, size: AppFixtures.large)
        #expect(text.contains("overflow: textbook 1/(1 + e^1000) = 1/inf = 0 (right here by luck)"), "\(text)")
    }

    @Test func noNoteWhereNothingOverflows() throws {
        for kind in [LayerKind.tanh, .sigmoid] {
            let text = try screen(kind, [3, 709], step: 1, size: AppFixtures.large)
            #expect(!text.contains("overflow") && !text.contains("stable value"), "\(text)")
        }
    }
}
