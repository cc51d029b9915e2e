import ConvScopeCore
import Testing

@testable import Walkthroughs

/// The forward loop walk of Conv1d/Conv2d against the library's layers.
@Suite struct ConvLoopForwardTests {
    @Test(arguments: 0..<80, [true, false])
    func everyColumnIsTheStride1LayersColumn(seed: Int, oneD: Bool) throws {
        let c = ConvCase(seed: UInt64(seed), oneD: oneD)
        guard c.hasOneStride else { return expectUnequalStridesRefused(c) }
        let walk = try LoopWalk.convForward(input: c.A, weight: c.W, bias: c.b, geometry: c.geometry)
        let coreZ = try c.core.forward(c.paddedA)
        let loop = try #require(walk.stages.first { $0 is TensordotLoop })
        let spatial = Array(coreZ.shape.dropFirst(2))
        #expect(loop.stepCount == spatial.reduce(1, *))
        for k in 0..<loop.stepCount {
            let step = loop.step(k)
            // Row-major: step k is (i, j) = (k // W_out, k % W_out), or w = k in 1-D.
            let expected = oneD ? [k] : [k / spatial[1], k % spatial[1]]
            #expect(writtenPosition(step) == expected)
            #expect(step.variables.map(\.value) == expected)
            #expect(close(step.result, column(coreZ, at: expected)))
            #expect(step.operands[0].shape == [c.A.shape[0], c.A.shape[1]] + c.W.shape.dropFirst(2))
        }
        #expect(close(loop.accumulated(through: loop.stepCount - 1), coreZ))
        #expect(close(walk.output, try c.layer.forward(c.A)))
    }

    @Test func stagesArePadThenCoreThenDownsample() throws {
        let A = Tensor.randomNormal(shape: [2, 2, 7, 7], seed: 4)
        let W = Tensor.randomNormal(shape: [3, 2, 3, 3], seed: 5)
        let g = ConvGeometry(kernel: HW(square: 3), stride: HW(square: 2), padding: HW(square: 1))
        let walk = try LoopWalk.convForward(input: A, weight: W, bias: Tensor(shape: [3]), geometry: g)
        #expect(walk.stages.map(\.stepCount) == [1, 49, 1])
        #expect(walk.stages[0].output.shape == [2, 2, 9, 9])
        #expect(walk.stages[1].output.shape == [2, 3, 7, 7])
        #expect(walk.stages[1].header == "2 loops, H_out·W_out = 49 iterations")
        #expect(walk.stages[2].output.shape == [2, 3, 4, 4])
        #expect(
            walk.formulas.map(\.description) == [
                "H_out = (H_in + 2p − K)//s + 1 = (7 + 2·1 − 3)//2 + 1 = 4",
                "W_out = (W_in + 2p − K)//s + 1 = (7 + 2·1 − 3)//2 + 1 = 4",
            ])
        // The downsample keeps rows and columns 0, 2, 4, 6 of the stride-1 Z.
        let down = try #require(walk.stages[2] as? SliceStage)
        #expect(down.reads.description == "A[:, :, ::2, ::2]")
        #expect(down.reads.selects([1, 2, 4, 6], shape: [2, 3, 7, 7]))
        #expect(!down.reads.selects([1, 2, 4, 5], shape: [2, 3, 7, 7]))
    }

    @Test func stepTextMatchesTheHomework() throws {
        let A = Tensor.randomNormal(shape: [2, 2, 6, 6], seed: 1)
        let W = Tensor.randomNormal(shape: [3, 2, 3, 3], seed: 2)
        let walk = try LoopWalk.convForward(
            input: A, weight: W, bias: Tensor(shape: [3]),
            geometry: ConvGeometry(kernel: HW(square: 3)))
        let loop = walk.stages[0]
        #expect(loop.header == "2 loops, H_out·W_out = 16 iterations")
        let step = loop.step(6)
        #expect(step.variables.map(\.description) == ["i = 1", "j = 2"])
        #expect(step.reads[0].description == "A[:, :, 1:4, 2:5]")
        #expect(step.writes.description == "Z[:, :, 1, 2]")
        #expect(
            loop.code[step.line]
                == "        Z[:, :, i, j] = np.tensordot(A[:, :, i:i+K, j:j+K], W, axes=([1, 2, 3], [1, 2, 3])) + b")
        guard case .contraction(let c) = step.operation else {
            Issue.record("not a contraction")
            return
        }
        #expect(
            c.description
                == "A[:, :, i:i+K, j:j+K] (N, C_in, K, K) = (2, 2, 3, 3) ⊗ W (C_out, C_in, K, K) = (3, 2, 3, 3)"
                + " over axes ([1, 2, 3], [1, 2, 3]) → (N, C_out) = (2, 3), + b")
    }

    @Test func conv1dHasOneLoopOverWOut() throws {
        let A = Tensor.randomNormal(shape: [1, 2, 32], seed: 1)
        let W = Tensor.randomNormal(shape: [4, 2, 3], seed: 2)
        let walk = try LoopWalk.convForward(
            input: A, weight: W, bias: Tensor(shape: [4]),
            geometry: ConvGeometry(kernel: HW(1, 3)))
        let loop = walk.stages[0]
        #expect(loop.header == "1 loop, W_out = 30 iterations")
        #expect(
            loop.code == [
                "Z = np.zeros((N, C_out, W_out))", "for w in range(W_out):",
                "    Z[:, :, w] = np.tensordot(A[:, :, w:w+K], W, axes=([1, 2], [1, 2])) + b",
            ])
        #expect(loop.step(3).reads[0].description == "A[:, :, 3:6]")
        #expect(walk.formulas.map(\.description) == ["W_out = W_in − K + 1 = 32 − 3 + 1 = 30"])
    }

    @Test func mismatchedTensorsAreRefusedWithAReason() {
        let A = Tensor(shape: [1, 2, 5, 5])
        #expect(throws: LayerError.self) {
            try LoopWalk.convForward(
                input: A, weight: Tensor(shape: [3, 4, 3, 3]), bias: Tensor(shape: [3]),
                geometry: ConvGeometry(kernel: HW(square: 3)))
        }
        #expect(throws: LayerError.self) {
            try LoopWalk.convForward(
                input: A, weight: Tensor(shape: [3, 2, 7, 7]), bias: Tensor(shape: [3]),
                geometry: ConvGeometry(kernel: HW(square: 7)))
        }
    }
}

/// How a 1-D geometry is read and which geometries the homework's stages cannot express.
@Suite struct ConvLoopGeometryTests {
    @Test func oneDReadsOnlyTheWidthComponents() throws {
        let A = Tensor.randomNormal(shape: [1, 1, 8], seed: 1)
        let W = Tensor.randomNormal(shape: [2, 1, 3], seed: 2)
        let layer = try Conv1d(weight: W, bias: nil, stride: 2, padding: 1)
        // A square geometry, as a caller might pass: the h components must not add rows.
        let g = ConvGeometry(kernel: HW(1, 3), stride: HW(square: 2), padding: HW(square: 1))
        let walk = try LoopWalk.convForward(input: A, weight: W, bias: Tensor(shape: [2]), geometry: g)
        #expect(walk.title == "Conv1d(kernel 3, stride 2, padding 1)")
        #expect(walk.stages.map(\.stepCount) == [1, 8, 1])
        #expect(walk.stages[0].title == "Pad the input by 1 with zeros")
        #expect(close(walk.output, try layer.forward(A)))
    }

    @Test func unequalStridesAreRefused() {
        #expect(throws: LayerError.self) {
            try LoopWalk.convForward(
                input: Tensor(shape: [1, 1, 6, 6]), weight: Tensor(shape: [1, 1, 2, 2]), bias: Tensor(shape: [1]),
                geometry: ConvGeometry(kernel: HW(square: 2), stride: HW(1, 2)))
        }
    }
}

/// A tensordot loop's quick partial output is the replay of its steps.
@Suite struct TensordotLoopAccumulationTests {
    @Test(arguments: 0..<12)
    func partialOutputsEqualTheReplayedSteps(seed: Int) throws {
        let c = ConvCase(seed: UInt64(seed), oneD: seed % 2 == 0)
        guard c.hasOneStride else { return expectUnequalStridesRefused(c) }
        let Z = try c.layer.forward(c.A)
        let walks = [
            try LoopWalk.convForward(input: c.A, weight: c.W, bias: c.b, geometry: c.geometry),
            try LoopWalk.convBackward(.dLdW, input: c.A, weight: c.W, geometry: c.geometry, dLdZ: Z),
            try LoopWalk.convBackward(.dLdA, input: c.A, weight: c.W, geometry: c.geometry, dLdZ: Z),
        ]
        for walk in walks {
            let loop = try #require(walk.stages.first { $0 is TensordotLoop })
            for k in Set([0, loop.stepCount / 2, loop.stepCount - 1]) {
                #expect(close(loop.accumulated(through: k), loop.replayed(through: k), 1e-14))
            }
        }
    }
}
