import ConvScopeCore
import Testing

/// Comparing a user's tensors with the library's: shapes, errors, mismatch positions,
/// tolerance, and answers that cannot be checked.
@Suite struct AnswerCheckTests {
    static let bundle = [
        "A": Tensor.randomNormal(shape: [1, 2, 6], seed: 1), "W": Tensor.randomNormal(shape: [3, 2, 3], seed: 2),
        "dLdZ": Tensor.randomNormal(shape: [1, 3, 4], seed: 3),
    ]
    static let spec = LayerSpec(kind: .conv1d)
    static let right = try! spec.run(on: bundle)

    @Test func theLibrarysOwnAnswerPasses() throws {
        let check = try AnswerCheck(spec: Self.spec, bundle: Self.bundle, answer: Self.right)
        #expect(check.passes)
        #expect(check.tensors.map(\.key) == ["Z", "dLdA", "dLdW", "dLdb"])
        #expect(check.tensors.allSatisfy { $0.maxError == 0 && $0.mismatches.isEmpty && $0.mistake == nil })
    }

    @Test func mismatchesAreCountedAndLocated() throws {
        var mine = Self.right["Z"]!
        mine.scalars[2] += 0.5
        mine.scalars[9] -= 2
        let check = try #require(try AnswerCheck(spec: Self.spec, bundle: Self.bundle, answer: ["Z": mine])["Z"])
        #expect(!check.passes && check.shapeMatches)
        #expect(check.mismatches == [2, 9])
        #expect(check.firstMismatches(1) == [[0, 0, 2]])
        #expect(abs(check.maxError! - 2) < 1e-12)
    }

    @Test func aWrongShapeIsAFindingOfItsOwn() throws {
        let check = try #require(
            try AnswerCheck(spec: Self.spec, bundle: Self.bundle, answer: ["Z": Tensor(shape: [1, 3, 5])])["Z"])
        #expect(!check.passes && !check.shapeMatches)
        #expect(check.maxError == nil && check.mismatches.isEmpty)
    }

    @Test func theToleranceIsAbsolutePlusRelative() throws {
        var mine = Self.right["Z"]!
        mine.scalars = mine.scalars.map { $0 * (1 + 1e-7) }
        #expect(try AnswerCheck(spec: Self.spec, bundle: Self.bundle, answer: ["Z": mine]).passes)
        #expect(
            try !AnswerCheck(
                spec: Self.spec, bundle: Self.bundle, answer: ["Z": mine],
                tolerance: Tolerance(absolute: 1e-12, relative: 0)
            ).passes)
    }

    @Test func nanMatchesNanAndInfinityItself() {
        let t = Tolerance()
        #expect(t.accepts(.nan, as: .nan) && t.accepts(.infinity, as: .infinity))
        #expect(!t.accepts(.nan, as: 1) && !t.accepts(1, as: .nan) && !t.accepts(.infinity, as: -.infinity))
    }

    @Test(arguments: [
        ([String: Tensor](), AnswerCheckError.empty(checkable: ["Z", "dLdA", "dLdW", "dLdb"])),
        (["foo": Tensor([1])], .notProduced(key: "foo", kind: .conv1d, checkable: ["Z", "dLdA", "dLdW", "dLdb"])),
    ])
    func uncheckableAnswersAreErrors(_ answer: [String: Tensor], _ expected: AnswerCheckError) {
        #expect(throws: expected) { try AnswerCheck(spec: Self.spec, bundle: Self.bundle, answer: answer) }
    }

    @Test func gradientsNeedTheBundlesDLdZ() {
        var bundle = Self.bundle
        bundle["dLdZ"] = nil
        #expect(throws: AnswerCheckError.noBackward(key: "dLdA")) {
            try AnswerCheck(spec: Self.spec, bundle: bundle, answer: ["dLdA": Self.right["dLdA"]!])
        }
    }
}
