import ConvScopeCore
import Testing

@testable import Walkthroughs

/// The backward loop walks of Conv1d/Conv2d against the library's gradients.
@Suite struct ConvLoopBackwardTests {
    /// The strided layer's gradients and the stride-1 core's, for the same upstream dLdZ.
    struct Expected {
        let dLdZ: Tensor
        let dLdA: Tensor
        let dLdW: Tensor
        let dLdb: Tensor
        /// dL/dA of the padded input, from the stride-1 core given the scattered dLdZ.
        let corePaddedDLdA: Tensor

        init(_ c: ConvCase, seed: UInt64) throws {
            let Z = try c.layer.forward(c.A)
            dLdZ = Tensor.randomNormal(shape: Z.shape, seed: seed &+ 9)
            dLdA = try c.layer.backward(dLdZ)
            dLdW = c.layer.dLdW
            dLdb = c.layer.dLdb
            let core = c.core
            let coreZ = try core.forward(c.paddedA)
            let s = c.geometry.stride.w
            let every = AxisSlice(step: s)
            let rows = AxisSlice(step: c.A.rank == 3 ? 1 : s)
            let scattered = Tensor(shape: coreZ.shape).scattering(
                dLdZ, at: c.A.rank == 3 ? [.all, .all, every] : [.all, .all, rows, every])
            corePaddedDLdA = try core.backward(scattered)
        }
    }

    @Test(arguments: 0..<80, [true, false])
    func weightGradientTapsAreTheLayersSlices(seed: Int, oneD: Bool) throws {
        let c = ConvCase(seed: UInt64(seed), oneD: oneD)
        guard c.hasOneStride else { return expectUnequalStridesRefused(c) }
        let e = try Expected(c, seed: UInt64(seed))
        let walk = try LoopWalk.convBackward(.dLdW, input: c.A, weight: c.W, geometry: c.geometry, dLdZ: e.dLdZ)
        let loop = try #require(walk.stages.last as? TensordotLoop)
        let kernel = Array(c.W.shape.dropFirst(2))
        #expect(loop.stepCount == kernel.reduce(1, *))
        for k in 0..<loop.stepCount {
            let step = loop.step(k)
            let tap = oneD ? [k] : [k / kernel[1], k % kernel[1]]
            #expect(writtenPosition(step) == tap)
            #expect(close(step.result, column(e.dLdW, at: tap)))
        }
        #expect(close(loop.accumulated(through: loop.stepCount - 1), e.dLdW))
        #expect(close(walk.output, e.dLdW))
        #expect(walk.stages.count == (c.geometry.stride.w > 1 ? 2 : 1))
    }

    @Test(arguments: 0..<80, [true, false])
    func inputGradientColumnsAreTheLayersColumns(seed: Int, oneD: Bool) throws {
        let c = ConvCase(seed: UInt64(seed), oneD: oneD)
        guard c.hasOneStride else { return expectUnequalStridesRefused(c) }
        let e = try Expected(c, seed: UInt64(seed))
        let walk = try LoopWalk.convBackward(.dLdA, input: c.A, weight: c.W, geometry: c.geometry, dLdZ: e.dLdZ)
        let loop = try #require(walk.stages.first { $0 is TensordotLoop } as? TensordotLoop)
        let size = Array(e.corePaddedDLdA.shape.dropFirst(2))
        #expect(loop.stepCount == size.reduce(1, *))
        for k in 0..<loop.stepCount {
            let step = loop.step(k)
            let position = oneD ? [k] : [k / size[1], k % size[1]]
            #expect(close(step.result, column(e.corePaddedDLdA, at: position)))
        }
        // W flipped in its kernel axes, dLdZ padded by the reach − 1 on each side.
        #expect(loop.fixed == c.W.flipped(axes: Array(2..<c.W.rank)))
        let reach = c.geometry.effectiveKernel
        #expect(loop.input.shape.last == e.corePaddedDLdA.shape.last! + reach.w - 1)
        #expect(close(loop.accumulated(through: loop.stepCount - 1), e.corePaddedDLdA))
        #expect(close(walk.output, e.dLdA))
        let padded = c.geometry.padding != HW(0, 0)
        #expect(walk.stages.count == 1 + (c.geometry.stride.w > 1 ? 1 : 0) + (padded ? 1 : 0))
    }

    @Test(arguments: 0..<20, [true, false])
    func biasGradientIsOneSum(seed: Int, oneD: Bool) throws {
        let c = ConvCase(seed: UInt64(seed), oneD: oneD)
        guard c.hasOneStride else { return expectUnequalStridesRefused(c) }
        let e = try Expected(c, seed: UInt64(seed))
        let walk = try LoopWalk.convBackward(.dLdb, input: c.A, weight: c.W, geometry: c.geometry, dLdZ: e.dLdZ)
        let stage = try #require(walk.stages.last as? BiasGradientStage)
        #expect(stage.stepCount == 1)
        #expect(stage.step(0).operation == .sum(axes: oneD ? [0, 2] : [0, 2, 3]))
        #expect(close(stage.accumulated(through: 0), e.dLdb))
        #expect(close(walk.output, e.dLdb))
    }

    @Test func downsampleBackwardScattersIntoTheRememberedSize() throws {
        let A = Tensor.randomNormal(shape: [1, 1, 7, 7], seed: 1)
        let W = Tensor.randomNormal(shape: [2, 1, 3, 3], seed: 2)
        let g = ConvGeometry(kernel: HW(square: 3), stride: HW(square: 2), padding: HW(square: 1))
        let dLdZ = Tensor.randomNormal(shape: [1, 2, 4, 4], seed: 3)
        let walk = try LoopWalk.convBackward(.dLdA, input: A, weight: W, geometry: g, dLdZ: dLdZ)
        let scatter = try #require(walk.stages[0] as? SliceStage)
        #expect(scatter.code == ["dLdA = np.zeros((N, C, self.H_in, self.W_in))", "dLdA[:, :, ::2, ::2] = dLdZ"])
        #expect(scatter.output.shape == [1, 2, 7, 7])
        #expect(scatter.output[0, 1, 2, 4] == dLdZ[0, 1, 1, 2] && scatter.output[0, 1, 1, 4] == 0)
        let loop = walk.stages[1]
        #expect(loop.header == "2 loops, H_in·W_in = 81 iterations")
        #expect(loop.code[0] == "dLdZ_pad = np.pad(dLdZ, ((0, 0), (0, 0), (K-1, K-1), (K-1, K-1)))")
        #expect(loop.code[1] == "W_flip = np.flip(W, axis=(2, 3))")
        let crop = try #require(walk.stages[2] as? SliceStage)
        #expect(crop.code == ["dLdA = dLdA_pad[:, :, 1:8, 1:8]"])
        let taps = try LoopWalk.convBackward(.dLdW, input: A, weight: W, geometry: g, dLdZ: dLdZ).stages[1]
        #expect(taps.header == "2 loops, K·K = 9 iterations")
        #expect(taps.step(4).reads[0].description == "A[:, :, 1:8, 1:8]")
        #expect(
            taps.code.last
                == "        dLdW[:, :, p, q] = np.tensordot(dLdZ, A[:, :, p:p+H_out, q:q+W_out], "
                + "axes=([0, 2, 3], [0, 2, 3]))"
        )
    }

    @Test func upstreamOfTheWrongShapeIsRefused() {
        #expect(throws: LayerError.self) {
            try LoopWalk.convBackward(
                .dLdA, input: Tensor(shape: [1, 1, 5, 5]), weight: Tensor(shape: [2, 1, 3, 3]),
                geometry: ConvGeometry(kernel: HW(square: 3)), dLdZ: Tensor(shape: [1, 2, 4, 4]))
        }
    }
}
