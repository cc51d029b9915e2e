import ConvScopeCore
import Testing

@testable import Walkthroughs

/// What a screen reads off a stage besides its steps: which step first writes each output
/// element (done / current / pending marks), the loop's grid (the cursor keys), and where
/// a walk step lies among the stages. Each is checked against the steps themselves.
@Suite struct LoopStageIndexTests {
    /// Every stage of the conv walks of a random case, forward and each gradient.
    static func convStages(seed: Int, oneD: Bool) throws -> [any LoopStage] {
        let c = ConvCase(seed: UInt64(seed), oneD: oneD)
        guard c.hasOneStride else { return [] }
        let forward = try LoopWalk.convForward(input: c.A, weight: c.W, bias: c.b, geometry: c.geometry)
        var generator = SeededGenerator(seed: UInt64(seed) + 100)
        let dLdZ = Tensor(shape: forward.output.shape) { _ in Double.random(in: -1...1, using: &generator) }
        let backward = try [Pass.dLdA, .dLdW, .dLdb].map {
            try LoopWalk.convBackward($0, input: c.A, weight: c.W, geometry: c.geometry, dLdZ: dLdZ)
        }
        return ([forward] + backward).flatMap(\.stages)
    }

    /// Every stage of the pooling and resampling walks of a small input.
    static func otherStages(seed: Int) throws -> [any LoopStage] {
        let A = PoolLoopTests.input(seed)
        let (kernel, stride) = (1 + seed % min(3, A.shape[2], A.shape[3]), 1 + seed % 3)
        var stages: [any LoopStage] = []
        for kind in [PoolFunction.Kind.max, .mean] {
            let forward = try LoopWalk.poolForward(kind, input: A, kernel: kernel, stride: stride)
            let dLdZ = Tensor(shape: forward.output.shape) { Double($0 % 5) - 2 }
            stages += forward.stages
            stages += try LoopWalk.poolBackward(kind, input: A, kernel: kernel, stride: stride, dLdZ: dLdZ).stages
        }
        for up in [true, false] {
            let forward = try LoopWalk.resample(upsampling: up, factor: stride + 1, input: A)
            let dLdZ = Tensor(shape: forward.output.shape) { Double($0 % 7) }
            stages += forward.stages
            stages += try LoopWalk.resampleBackward(upsampling: up, factor: stride + 1, input: A, dLdZ: dLdZ).stages
        }
        return stages
    }

    /// The first step whose subscript selects `index`, found by asking every step.
    static func firstWriter(_ stage: any LoopStage, _ index: [Int]) -> Int? {
        (0..<stage.stepCount).first { stage.step($0).writes.selects(index, shape: stage.output.shape) }
    }

    static func check(_ stages: [any LoopStage]) {
        for stage in stages {
            for offset in 0..<stage.output.count {
                let index = stage.output.index(ofOffset: offset)
                #expect(
                    stage.firstStep(writing: index) == Self.firstWriter(stage, index),
                    "\(stage.title) element \(index)")
            }
            #expect(stage.grid.h * stage.grid.w == stage.stepCount, "\(stage.title) grid \(stage.grid)")
        }
    }

    @Test(arguments: 0..<12, [true, false])
    func convStagesNameTheirFirstWriter(seed: Int, oneD: Bool) throws {
        Self.check(try Self.convStages(seed: seed, oneD: oneD))
    }

    @Test(arguments: 0..<12)
    func poolAndResamplingStagesNameTheirFirstWriter(seed: Int) throws {
        Self.check(try Self.otherStages(seed: seed))
    }

    /// Rows of the loop's grid are its outer loop: step k of a (rows × columns) grid sets the
    /// loop variables to (k / columns, k % columns).
    @Test(arguments: 0..<12)
    func theGridIsTheLoopVariables(seed: Int) throws {
        for stage in try Self.convStages(seed: seed, oneD: false) where stage is TensordotLoop {
            for k in 0..<stage.stepCount {
                let values = stage.step(k).variables.map(\.value)
                #expect(values == [k / stage.grid.w, k % stage.grid.w], "\(stage.title) step \(k)")
            }
        }
    }

    /// The fast fill of a tensordot loop's output equals replaying its steps one by one.
    @Test(arguments: 0..<12, [true, false])
    func outputsEqualTheirReplayedSteps(seed: Int, oneD: Bool) throws {
        for stage in try Self.convStages(seed: seed, oneD: oneD) + Self.otherStages(seed: seed) {
            #expect(close(stage.output, stage.replayed(through: stage.stepCount - 1)), "\(stage.title)")
        }
    }

    /// Walk steps counted over the stages come back from (stage, step within it).
    @Test(arguments: 0..<8)
    func locatingAStepInverts(seed: Int) throws {
        let c = ConvCase(seed: UInt64(seed), oneD: false)
        guard c.hasOneStride else { return }
        let walk = try LoopWalk.convForward(input: c.A, weight: c.W, bias: c.b, geometry: c.geometry)
        var counted = 0
        for (s, stage) in walk.stages.enumerated() {
            #expect(walk.firstStep(ofStage: s) == counted)
            for local in 0..<stage.stepCount {
                #expect(walk.locate(counted + local) == (s, local))
            }
            counted += stage.stepCount
        }
        #expect(counted == walk.stepCount)
    }
}
