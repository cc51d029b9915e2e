import ConvScopeCore
import Testing

@testable import Walkthroughs

/// Pooling loop walks against the library's pools and a direct-loop argmax reference.
@Suite struct PoolLoopTests {
    /// Small integers, so windows have ties (the first maximum in row-major order must win).
    static func input(_ seed: Int) -> Tensor {
        var g = SeededGenerator(seed: UInt64(seed))
        let shape = [
            Int.random(in: 1...2, using: &g), Int.random(in: 1...3, using: &g),
            Int.random(in: 3...8, using: &g), Int.random(in: 3...8, using: &g),
        ]
        return Tensor(shape: shape) { _ in Double(Int.random(in: 0...4, using: &g)) }
    }

    static func layer(_ kind: PoolFunction.Kind, _ kernel: Int, _ stride: Int) -> PoolLayer {
        kind == .max ? MaxPool2d(kernel: kernel, stride: stride) : MeanPool2d(kernel: kernel, stride: stride)
    }

    @Test(arguments: 0..<20, [PoolFunction.Kind.max, .mean])
    func forwardStepsMatchTheDefinitionAndTheLayers(seed: Int, kind: PoolFunction.Kind) throws {
        let A = Self.input(seed)
        let kernel = 1 + seed % min(3, A.shape[2], A.shape[3])
        let stride = 1 + seed % 3
        let walk = try LoopWalk.poolForward(kind, input: A, kernel: kernel, stride: stride)
        let loop = try #require(walk.stages[0] as? PoolForwardLoop)
        let coreZ = try Self.layer(kind, kernel, 1).forward(A)
        let (N, C, outW) = (A.shape[0], A.shape[1], coreZ.shape[3])
        for k in 0..<loop.stepCount {
            let step = loop.step(k)
            let (i, j) = (k / outW, k % outW)
            #expect(step.reads[0].description == "A[:, :, \(i):\(i + kernel), \(j):\(j + kernel)]")
            #expect(close(step.result, column(coreZ, at: [i, j])))
            switch step.operation {
            case .windowMax(let picks):
                #expect(picks.count == N * C)
                for pick in picks {
                    // Reference: scan the window row-major, keep the first strict maximum.
                    var best = 0
                    var bestValue = -Double.infinity
                    for t in 0..<kernel * kernel
                    where A[pick.sample, pick.channel, i + t / kernel, j + t % kernel] > bestValue {
                        best = t
                        bestValue = A[pick.sample, pick.channel, i + t / kernel, j + t % kernel]
                    }
                    #expect(pick.flatIndex == best && pick.value == bestValue)
                    // np.unravel_index(idx, (K, K)) in C order is (idx // K, idx % K).
                    #expect(pick.tap == HW(best / kernel, best % kernel))
                    #expect(pick.input == HW(i + best / kernel, j + best % kernel))
                }
            case .windowMean(let sums, let divisor):
                #expect(divisor == kernel * kernel)
                // Each window's sum by a direct loop, and the mean it gives.
                for n in 0..<N {
                    for c in 0..<C {
                        let sum = (0..<kernel * kernel).reduce(0.0) { $0 + A[n, c, i + $1 / kernel, j + $1 % kernel] }
                        #expect(
                            abs(sums[n, c] - sum) <= 1e-12 && abs(step.result[n, c] - sum / Double(divisor)) <= 1e-12)
                    }
                }
            default:
                Issue.record("unexpected operation \(step.operation)")
            }
        }
        #expect(close(loop.accumulated(through: loop.stepCount - 1), coreZ))
        #expect(close(walk.output, try Self.layer(kind, kernel, stride).forward(A)))
        #expect(walk.stages.count == (stride > 1 ? 2 : 1))
    }

    @Test(arguments: 0..<20, [PoolFunction.Kind.max, .mean])
    func backwardRoutesAddUpToTheLayersGradient(seed: Int, kind: PoolFunction.Kind) throws {
        let A = Self.input(seed)
        let kernel = 1 + seed % min(3, A.shape[2], A.shape[3])
        let stride = 1 + seed % 3
        let layer = Self.layer(kind, kernel, stride)
        let Z = try layer.forward(A)
        let dLdZ = Tensor.randomNormal(shape: Z.shape, seed: UInt64(seed))
        let dLdA = try layer.backward(dLdZ)
        let walk = try LoopWalk.poolBackward(kind, input: A, kernel: kernel, stride: stride, dLdZ: dLdZ)
        let loop = try #require(walk.stages.last as? PoolBackwardLoop)
        for k in 0..<loop.stepCount {
            let step = loop.step(k)
            #expect(step.accumulates)
            // What a step adds sums to its dLdZ column (max routes it, mean spreads it).
            #expect(close(step.result.sum(axes: [2, 3]), step.operands[0]))
        }
        #expect(close(loop.accumulated(through: loop.stepCount - 1), dLdA))
        #expect(close(walk.output, dLdA))
    }

    @Test func overlappingWindowsAdd() throws {
        // One 1×1×3×3 map whose maximum (9) is in every 2×2 window: all four dLdZ values land on it.
        let A = Tensor(shape: [1, 1, 3, 3], scalars: [1, 2, 3, 4, 9, 5, 6, 7, 8])
        let dLdZ = Tensor(shape: [1, 1, 2, 2], scalars: [1, 10, 100, 1000])
        let walk = try LoopWalk.poolBackward(.max, input: A, kernel: 2, stride: 1, dLdZ: dLdZ)
        #expect(walk.output == Tensor(shape: [1, 1, 3, 3], scalars: [0, 0, 0, 0, 1111, 0, 0, 0, 0]))
        let step = walk.stages[0].step(3)
        guard case .routeToArgmax(let picks) = step.operation else {
            Issue.record("not a route")
            return
        }
        #expect(picks.map(\.flatIndex) == [0] && picks.map(\.tap) == [HW(0, 0)] && picks.map(\.input) == [HW(1, 1)])
    }

    @Test func tooLargeAWindowIsRefused() {
        #expect(throws: LayerError.self) {
            try LoopWalk.poolForward(.max, input: Tensor(shape: [1, 1, 2, 2]), kernel: 3, stride: 1)
        }
    }
}
