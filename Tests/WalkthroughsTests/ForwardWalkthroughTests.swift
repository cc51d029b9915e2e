import ConvScopeCore
import ConvScopeTestSupport
import Testing
import Walkthroughs

/// Every value a forward walk shows is the layer's own, over random shapes and settings.
@Suite struct ForwardWalkthroughTests {
    @Test(arguments: 0..<40)
    func convStepsReproduceTheForwardOutput(seed: Int) throws {
        let random = RandomConv(seed: UInt64(seed))
        let (layer, A) = (random.layer, random.input)
        let walk = try ConvForwardWalkthrough(layer: layer.function, input: A)
        let Z = try layer.forward(A)
        #expect(walk.stepCount == Z.count)
        for number in 0..<walk.stepCount {
            let step = walk.step(number)
            #expect(step.result == Z[index: step.output])
            #expect(walk.stepNumber(ofOutput: step.output) == number)
            let total = step.channelSums.reduce(0, +) + step.bias
            #expect(isClose(total, step.result))
            for term in step.terms where !term.isPadding {
                #expect(term.inputValue == A[index: term.input] && term.weightValue == layer.W[index: term.weight])
            }
        }
    }

    @Test(arguments: [(2, 1), (3, 2), (2, 2), (3, 3)])
    func poolStepsReproduceTheForwardOutput(kernel: Int, stride: Int) throws {
        // Small integers make ties, where the first maximum must win.
        let A = Tensor(shape: [2, 2, 7, 6]) { Double(($0 * 7919) % 5) }
        for layer in [MaxPool2d(kernel: kernel, stride: stride), MeanPool2d(kernel: kernel, stride: stride)]
            as [PoolLayer]
        {
            let walk = try PoolForwardWalkthrough(layer: layer.function, input: A)
            let Z = try layer.forward(A)
            for number in 0..<walk.stepCount {
                let step = walk.step(number)
                #expect(step.result == Z[index: step.output])
                #expect(step.window.count == kernel * kernel)
                if let argmax = step.argmax {
                    let best = step.values.max()!
                    #expect(step.result == best)
                    #expect(argmax == step.window[step.values.firstIndex(of: best)!])
                } else {
                    #expect(abs(step.values.reduce(0, +) / Double(kernel * kernel) - step.result) < 1e-12)
                }
            }
        }
    }
}
