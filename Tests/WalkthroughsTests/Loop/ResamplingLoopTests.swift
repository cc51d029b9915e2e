import ConvScopeCore
import Testing

@testable import Walkthroughs

/// Resampling and ConvTranspose loop walks against the library's layers.
@Suite struct ResamplingLoopTests {
    @Test(arguments: 1...4, [3, 4])
    func resamplingIsOneSliceAndMatchesTheLayers(factor: Int, rank: Int) throws {
        let A = Tensor.randomNormal(shape: rank == 3 ? [2, 3, 7] : [2, 3, 5, 6], seed: UInt64(factor))
        for up in [true, false] {
            let layer: ResamplingLayer =
                rank == 3
                ? (up ? Upsample1d(factor: factor) : Downsample1d(factor: factor))
                : (up ? Upsample2d(factor: factor) : Downsample2d(factor: factor))
            let Z = try layer.forward(A)
            let walk = try LoopWalk.resample(upsampling: up, factor: factor, input: A)
            #expect(walk.stages.map(\.stepCount) == [1])
            #expect(walk.output == Z)
            #expect(walk.stages[0].accumulated(through: 0) == Z)
            let dLdZ = Tensor.randomNormal(shape: Z.shape, seed: 7)
            let back = try LoopWalk.resampleBackward(upsampling: up, factor: factor, input: A, dLdZ: dLdZ)
            #expect(back.output == (try layer.backward(dLdZ)))
            #expect(walk.formulas.last?.value == Z.shape.last)
        }
    }

    @Test func slicingIsWrittenOut() throws {
        let up = try LoopWalk.resample(upsampling: true, factor: 3, input: Tensor(shape: [1, 1, 4]))
        #expect(up.stages[0].code == ["Z = np.zeros((N, C, k * (W_in - 1) + 1))", "Z[:, :, ::3] = A"])
        #expect(up.formulas.map(\.description) == ["W_out = k(W_in − 1) + 1 = 3·(4 − 1) + 1 = 10"])
        let down = try LoopWalk.resample(upsampling: false, factor: 2, input: Tensor(shape: [1, 1, 5, 6]))
        #expect(down.stages[0].code == ["self.H_in, self.W_in = A.shape[2], A.shape[3]", "Z = A[:, :, ::2, ::2]"])
        #expect(down.formulas.map(\.value) == [3, 3])
    }

    @Test(arguments: [3, 4], 1...3)
    func convTransposeIsUpsampleThenConvolve(rank: Int, factor: Int) throws {
        let A = Tensor.randomNormal(shape: rank == 3 ? [2, 2, 5] : [2, 2, 4, 3], seed: 1)
        let W = Tensor.randomNormal(shape: rank == 3 ? [3, 2, 2] : [3, 2, 2, 3], seed: 2)
        let b = Tensor.randomNormal(shape: [3], seed: 3)
        let layer: ConvTransposeLayer =
            rank == 3
            ? try ConvTranspose1d(weight: W, bias: b, upsamplingFactor: factor)
            : try ConvTranspose2d(weight: W, bias: b, upsamplingFactor: factor)
        let Z = try layer.forward(A)
        let walk = try LoopWalk.convTransposeForward(input: A, weight: W, bias: b, factor: factor)
        #expect(walk.stages.count == 2 && walk.stages[0].stepCount == 1)
        #expect(close(walk.output, Z))
        #expect(walk.formulas.last?.value == Z.shape.last)
        let dLdZ = Tensor.randomNormal(shape: Z.shape, seed: 4)
        let dLdA = try layer.backward(dLdZ)
        let backA = try LoopWalk.convTransposeBackward(.dLdA, input: A, weight: W, factor: factor, dLdZ: dLdZ)
        #expect(close(backA.output, dLdA))
        #expect(
            close(
                try LoopWalk.convTransposeBackward(.dLdW, input: A, weight: W, factor: factor, dLdZ: dLdZ).output,
                layer.dLdW))
        #expect(
            close(
                try LoopWalk.convTransposeBackward(.dLdb, input: A, weight: W, factor: factor, dLdZ: dLdZ).output,
                layer.dLdb))
    }

    @Test func aZeroFactorIsRefused() {
        #expect(throws: LayerError.self) {
            try LoopWalk.resample(upsampling: true, factor: 0, input: Tensor(shape: [1, 1, 3]))
        }
    }
}
