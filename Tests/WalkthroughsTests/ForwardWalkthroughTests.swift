import ConvScopeCore
import Testing
import Walkthroughs

/// Every value a forward walk shows is the layer's own, over random shapes and settings.
@Suite struct ForwardWalkthroughTests {
    /// A random Conv2d case: sizes, stride, padding and dilation drawn from a seeded generator,
    /// kept only when the output is non-empty.
    static func randomConv(_ seed: UInt64) -> (Conv2d, Tensor) {
        var g = SeededGenerator(seed: seed)
        while true {
            let (cin, cout) = (Int.random(in: 1...3, using: &g), Int.random(in: 1...3, using: &g))
            let k = HW(Int.random(in: 1...3, using: &g), Int.random(in: 1...3, using: &g))
            let s = HW(Int.random(in: 1...3, using: &g), Int.random(in: 1...3, using: &g))
            let p = HW(Int.random(in: 0...2, using: &g), Int.random(in: 0...2, using: &g))
            let d = HW(Int.random(in: 1...2, using: &g), Int.random(in: 1...2, using: &g))
            let size = HW(Int.random(in: 1...8, using: &g), Int.random(in: 1...8, using: &g))
            let layer = Conv2d(inChannels: cin, outChannels: cout, kernelSize: k, stride: s, padding: p, dilation: d,
                               b: Tensor.randomNormal(shape: [cout], seed: seed &+ 1), seed: seed)
            let A = Tensor.randomNormal(shape: [Int.random(in: 1...2, using: &g), cin, size.h, size.w], seed: seed &+ 2)
            if (try? layer.outputShape(forInput: A.shape)) != nil { return (layer, A) }
        }
    }

    @Test(arguments: 0..<40)
    func convStepsReproduceTheForwardOutput(seed: Int) throws {
        let (layer, A) = Self.randomConv(UInt64(seed))
        let walk = try ConvForwardWalkthrough(layer: layer, input: A)
        let Z = try layer.forward(A)
        #expect(walk.stepCount == Z.count)
        for number in 0..<walk.stepCount {
            let step = walk.step(number)
            #expect(step.result == Z[index: step.output])
            #expect(walk.stepNumber(ofOutput: step.output) == number)
            let total = step.channelSums.reduce(0, +) + step.bias
            #expect(abs(total - step.result) <= 1e-12 * max(1, abs(step.result)))
            for term in step.terms where !term.isPadding {
                #expect(term.inputValue == A[index: term.input] && term.weightValue == layer.W[index: term.weight])
            }
        }
    }

    @Test(arguments: [(2, 1), (3, 2), (2, 2), (3, 3)])
    func poolStepsReproduceTheForwardOutput(kernel: Int, stride: Int) throws {
        // Small integers make ties, where the first maximum must win.
        let A = Tensor(shape: [2, 2, 7, 6]) { Double(($0 * 7919) % 5) }
        for layer in [MaxPool2d(kernel: kernel, stride: stride), MeanPool2d(kernel: kernel, stride: stride)] as [PoolLayer] {
            let walk = try PoolForwardWalkthrough(layer: layer, input: A)
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
