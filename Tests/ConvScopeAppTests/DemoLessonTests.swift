import ConvScopeCore
import Terminal
import Testing
import Walkthroughs

@testable import ConvScopeApp

/// The demo keeps its lessons visible: backward passes start from distinct small integers
/// (each term is visibly dL/dZ · W), resampling shows what it picks and drops, max pooling's
/// windows overlap, edge kernels stay edge kernels at any size, and titles follow the sizes.
@Suite struct DemoLessonTests {
    /// The dL/dZ each demo scene's backward pass starts from, when it has one.
    static func upstream(_ scene: Scene) -> Tensor? {
        switch scene.content {
        case .convolution(_, let backward): backward.dLdZ
        case .pooling(_, let backward): backward.dLdZ
        case .resampling(let walk): walk.dLdZ
        default: nil
        }
    }

    @Test func backwardPassesStartFromDistinctSmallIntegers() throws {
        let gradients = try Demo.scenes().compactMap(Self.upstream)
        #expect(gradients.count == 8)
        for dLdZ in gradients {
            let values = dLdZ.scalars
            #expect(values.allSatisfy { $0 == $0.rounded() && $0 != 0 && abs($0) <= 5 }, "\(values)")
            // Any 9 neighbours in row-major order differ, so no two terms of a small sum share a dL/dZ value.
            for start in 0..<max(1, values.count - 8) {
                let run = values[start..<min(values.count, start + 9)]
                #expect(Set(run).count == run.count, "\(Array(run))")
            }
        }
    }

    /// A dL/dA term on the influence scene is the product of the dL/dZ and W it names.
    @Test func eachTermIsItsGradientTimesItsWeight() throws {
        let scene = try Demo.scenes()[0]
        guard case .convolution(let forward, let backward) = scene.content else {
            Issue.record("not a convolution")
            return
        }
        let step = backward.step(14, of: .dLdA)
        #expect(Set(step.terms.map(\.upstream)).count > 1)
        for term in step.terms {
            #expect(term.upstream == backward.dLdZ[index: term.output])
            #expect(term.product == backward.dLdZ[index: term.output] * forward.layer.W[index: term.through])
        }
    }

    @Test func upsamplingBackwardNamesTheCellItPicks() throws {
        let scene = try Demo.scenes()[5]
        // dL/dA is 3×3; step 5 is (1, 2), which upsampling ×2 put at (2, 4).
        let lines = ShownValues.screen(scene, phase: .dLdA, step: 5).buffer.plainTextLines()
        #expect(lines.contains { $0.hasPrefix("dLdA[0,0,1,2] = dLdZ[0,0,2,4]   (picked: index × 2)") })
    }

    @Test func downsamplingMarksTheCellsItDrops() throws {
        let scene = try Demo.scenes()[6]
        guard case .resampling(let walk) = scene.content else {
            Issue.record("not resampling")
            return
        }
        let model = AppModel(scenes: [scene], size: AppFixtures.large)
        let plan = ResamplingScreen.plan(walk, phase: .forward, step: 5, model: model)
        let input = try #require(plan.panels.first { $0.title == "A[0,0]" }?.map)
        // Z[0,0,1,1] comes from A[0,0,2,2]; every odd row or column is dropped.
        for r in 0..<7 {
            for c in 0..<7 {
                let expected: CellMark = (r, c) == (2, 2) ? .tap : r % 2 == 1 || c % 2 == 1 ? .padding : .plain
                #expect(input.mark(r, c) == expected, "(\(r), \(c))")
            }
        }
        #expect(plan.markKey.map(\.text).joined().contains("dropped"))
        #expect(!plan.markKey.map(\.text).joined().contains("inserted zero"))
    }

    /// Max pooling 3×3 with stride 2: the middle row and column are in two windows, so
    /// their gradient adds two dL/dZ values.
    @Test func maxPoolingWindowsOverlap() throws {
        let scene = try Demo.scenes()[3]
        guard case .pooling(let forward, let backward) = scene.content else {
            Issue.record("not pooling")
            return
        }
        #expect(forward.layer.geometry.kernel == HW(square: 3) && forward.layer.geometry.stride == HW(square: 2))
        #expect(scene.title == "max pool 3×3, stride 2, overlapping")
        let accumulated = (0..<backward.dLdA.count).map { backward.step($0).terms }.filter { $0.count >= 2 }
        #expect(!accumulated.isEmpty)
    }

    /// The influence scene's kernels at size 5 are the vertical and horizontal edge detectors.
    @Test func edgeKernelsKeepTheirFamilyAtANewSize() throws {
        let model = try AppFixtures.demo().pressing(Key.repeated(.character(">"), 2))
        guard case .convolution(let forward, _) = model.scene.content else {
            Issue.record("not a convolution")
            return
        }
        let W = forward.layer.W
        try #require(W.shape == [2, 1, 5, 5])
        #expect(model.scene.title == "influence: 2 edge kernels 5×5 → 2 maps")
        for i in 0..<5 {
            #expect((0..<5).map { W[0, 0, i, $0] }.reduce(0, +) == 0, "a row of the vertical detector sums to 0")
            #expect((0..<5).map { W[1, 0, $0, i] }.reduce(0, +) == 0, "a column of the horizontal detector sums to 0")
            for j in 0..<5 {
                #expect(W[0, 0, i, j] == -W[0, 0, i, 4 - j])
                #expect(W[1, 0, i, j] == W[0, 0, j, i])
            }
        }
        #expect(W[0, 0, 0, 0] > 0 && W[0, 0, 0, 4] < 0)
    }

    @Test func titlesFollowTheLiveSizes() throws {
        // Scene 2, its second size (stride) from 2 to 5.
        let model = try AppFixtures.demo().pressing([.tab, .character("e")] + Key.repeated(.character(">"), 3))
        #expect(model.scene.recipe?.value("stride") == 5)
        #expect(model.scene.title == "stride 5, zero padding 1, 2 → 2 channels")
        #expect(model.render().plainTextLines()[0].contains("stride 5"))
        let pooled = try AppFixtures.demo().pressing(Key.repeated(.tab, 3) + [.character("e"), .character(">")])
        #expect(pooled.scene.title == "max pool 3×3, stride 3")
    }
}
