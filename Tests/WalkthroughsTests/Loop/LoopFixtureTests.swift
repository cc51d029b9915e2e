import ConvScopeCore
import Foundation
import Testing

@testable import Walkthroughs

/// The loop walks step by step against NumPy running the homework's loops
/// (scripts/make_loop_fixtures.py writes Fixtures/loops.json).
@Suite struct LoopFixtureTests {
    struct Stored: Decodable {
        let shape: [Int]
        let data: [Double]
    }

    let fixtures: [String: Stored]

    init() throws {
        let url = try #require(Bundle.module.url(forResource: "loops", withExtension: "json", subdirectory: "Fixtures"))
        fixtures = try JSONDecoder().decode([String: Stored].self, from: Data(contentsOf: url))
    }

    func tensor(_ name: String) throws -> Tensor {
        let stored = try #require(fixtures[name], "no \(name) in loops.json")
        return Tensor(shape: stored.shape, scalars: stored.data)
    }

    /// Row `k` of a stack of per-step results.
    func row(_ stack: Tensor, _ k: Int) -> Tensor {
        let shape = Array(stack.shape.dropFirst())
        return TensorSlice("", [.index(k)]).read(from: stack).reshaped(shape)
    }

    @Test func conv2dStepsAreNumPysTensordots() throws {
        let (A, W, b, dLdZ) = (
            try tensor("conv2d.A"), try tensor("conv2d.W"), try tensor("conv2d.b"), try tensor("conv2d.dLdZ")
        )
        let g = ConvGeometry(kernel: HW(square: 3), stride: HW(square: 2), padding: HW(square: 1))
        let forward = try LoopWalk.convForward(input: A, weight: W, bias: b, geometry: g)
        let columns = try tensor("conv2d.columns")
        #expect(forward.stages[1].stepCount == columns.shape[0])
        for k in 0..<columns.shape[0] { #expect(close(forward.stages[1].step(k).result, row(columns, k))) }
        #expect(close(forward.output, try tensor("conv2d.Z")))

        let weights = try LoopWalk.convBackward(.dLdW, input: A, weight: W, geometry: g, dLdZ: dLdZ).stages[1]
        let taps = try tensor("conv2d.taps")
        #expect(weights.stepCount == 9)
        for k in 0..<9 { #expect(close(weights.step(k).result, row(taps, k))) }

        let inputs = try LoopWalk.convBackward(.dLdA, input: A, weight: W, geometry: g, dLdZ: dLdZ)
        let positions = try tensor("conv2d.positions")
        #expect(inputs.stages[1].stepCount == positions.shape[0])
        for k in 0..<positions.shape[0] { #expect(close(inputs.stages[1].step(k).result, row(positions, k))) }
        #expect(close(inputs.output, try tensor("conv2d.dLdA")))
        let bias = try LoopWalk.convBackward(.dLdb, input: A, weight: W, geometry: g, dLdZ: dLdZ)
        #expect(close(bias.output, try tensor("conv2d.dLdb")))
    }

    @Test func conv1dStepsAreNumPysTensordots() throws {
        let walk = try LoopWalk.convForward(
            input: try tensor("conv1d.A"), weight: try tensor("conv1d.W"),
            bias: try tensor("conv1d.b"), geometry: ConvGeometry(kernel: HW(1, 3)))
        let columns = try tensor("conv1d.columns")
        #expect(walk.stages[0].stepCount == 7)
        for k in 0..<7 { #expect(close(walk.stages[0].step(k).result, row(columns, k))) }
    }

    @Test func maxPoolPicksAreNumPysArgmaxAndUnravelIndex() throws {
        let walk = try LoopWalk.poolForward(.max, input: try tensor("maxpool.A"), kernel: 2, stride: 1)
        let (flat, rows, cols) = (try tensor("maxpool.flat"), try tensor("maxpool.rows"), try tensor("maxpool.cols"))
        #expect(walk.stages[0].stepCount == flat.shape[0])
        for k in 0..<flat.shape[0] {
            guard case .windowMax(let picks) = walk.stages[0].step(k).operation else {
                Issue.record("step \(k) is not a window max")
                continue
            }
            for pick in picks {
                let at = [k, pick.sample, pick.channel]
                #expect(Double(pick.flatIndex) == flat[index: at])
                #expect(Double(pick.tap.h) == rows[index: at] && Double(pick.tap.w) == cols[index: at])
            }
        }
    }
}
