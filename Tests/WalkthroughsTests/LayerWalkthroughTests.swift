import ConvScopeCore
import ConvScopeTestSupport
import Testing
import Walkthroughs

/// Resampling, elementwise and Linear walks: every value shown is the layer's own output
/// or gradient, and every gradient's terms add up to it.
@Suite struct LayerWalkthroughTests {
    @Test(arguments: [1, 2, 3], [5, 6, 7])
    func resamplingWalksFollowTheSlicingDefinitions(factor k: Int, width: Int) throws {
        let A = Tensor.randomNormal(shape: [2, 2, width], seed: UInt64(k * 10 + width))
        for layer in [Upsample1d(factor: k), Downsample1d(factor: k)] as [ResamplingLayer] {
            let walk = try ResamplingWalkthrough(layer: layer.function, input: A, upstream: .random(seed: 3))
            for number in 0..<walk.output.count {
                let step = walk.forwardStep(number)
                let w = step.output[2]
                if layer.function.isUpsampling {
                    // Z[..., k·i] = A[..., i], zeros between.
                    #expect(step.value == (w % k == 0 ? A[step.output[0], step.output[1], w / k] : 0))
                    #expect((step.source == nil) == (w % k != 0))
                } else {
                    #expect(step.value == A[step.output[0], step.output[1], w * k])
                }
            }
            for number in 0..<walk.dLdA.count {
                let step = walk.backwardStep(number)
                let i = step.element[2]
                let expected =
                    layer.function.isUpsampling
                    ? walk.dLdZ[step.element[0], step.element[1], k * i]
                    : (i % k == 0 ? walk.dLdZ[step.element[0], step.element[1], i / k] : 0)
                #expect(step.result == expected)
                #expect(step.terms.reduce(0) { $0 + $1.product } == step.result)
            }
        }
    }

    @Test func activationWalksUseTheCachedOutput() throws {
        let A = Tensor(shape: [1, 6], scalars: [-1750, -2, 0, 0.5, 3, 1750])
        for layer in [ReLU(), Sigmoid(), Tanh()] as [Activation] {
            let walk = try ElementwiseWalkthrough(
                layer: .activation(layer.function), input: A,
                upstream: .random(seed: 4))
            for number in 0..<A.count {
                let forward = walk.forwardStep(number)
                #expect(forward.value == walk.output.scalars[number] && forward.input == A.scalars[number])
                let step = walk.backwardStep(number)
                let z = walk.output.scalars[number]
                let derivative = layer is ReLU ? (z > 0 ? 1.0 : 0) : layer is Sigmoid ? z * (1 - z) : 1 - z * z
                #expect(step.terms.count == 1 && step.terms[0].factor == derivative)
                #expect(isClose(step.terms[0].product, step.result) && !step.result.isNaN)
            }
        }
    }

    @Test func flattenWalkIsChannelMajor() throws {
        let A = Tensor(shape: [2, 3, 4]) { Double($0) }
        let walk = try ElementwiseWalkthrough(layer: .flatten(FlattenFunction()), input: A)
        for number in 0..<A.count {
            let step = walk.forwardStep(number)
            // Z[n, c·W + w] = A[n, c, w].
            let (n, k) = (step.output[0], step.output[1])
            #expect(step.source == [n, k / 4, k % 4] && step.value == A[n, k / 4, k % 4])
            #expect(walk.backwardStep(number).result == walk.dLdZ.scalars[number])
        }
    }

    @Test func linearWalksReproduceForwardAndBackward() throws {
        let layer = Linear(inFeatures: 5, outFeatures: 3, b: Tensor.randomNormal(shape: [3, 1], seed: 2), seed: 1)
        let A = Tensor.randomNormal(shape: [4, 5], seed: 3)
        let walk = try LinearWalkthrough(layer: layer.function, input: A, upstream: .random(seed: 5))
        for number in 0..<walk.output.count {
            let step = walk.forwardStep(number)
            let (n, o) = (step.output[0], step.output[1])
            let direct = (0..<5).reduce(0.0) { $0 + layer.W[o, $1] * A[n, $1] } + layer.b.scalars[o]
            #expect(isClose(step.value, direct))
            #expect(isClose(step.terms.reduce(0) { $0 + $1.product } + step.bias, step.value))
        }
        for kind in [Pass.dLdA, .dLdW, .dLdb] {
            for number in 0..<walk.gradient(kind).count {
                let step = walk.step(number, of: kind)
                #expect(step.result == walk.gradient(kind).scalars[number])
                #expect(isClose(step.terms.reduce(0) { $0 + $1.product }, step.result), "\(kind) \(step.element)")
            }
        }
    }

    /// Walking a scan reads its networks through `output(for:)`: no layer keeps a record.
    @Test func scanningWalkLeavesItsLayersUntouched() throws {
        let walk = try ScanningWalkthrough.linearAsConvolution(
            weight: Tensor.randomNormal(shape: [2, 6], seed: 1),
            input: Tensor.randomNormal(
                shape: [1, 3, 5],
                seed: 2), kernelSize: 2)
        for t in 0..<walk.positions { _ = try walk.step(t) }
        #expect(walk.network.activations.isEmpty && walk.mlp.activations.isEmpty)
        #expect((walk.network.layers[0] as? ConvLayer)?.record == nil)
        #expect((walk.mlp.layers[0] as? Linear)?.record == nil)
    }
}
