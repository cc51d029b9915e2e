import ConvScopeCore
import ConvScopeTestSupport
import Testing
import Walkthroughs

/// Every gradient value a backward walk shows is the layer's own, its terms add up to it,
/// and the taught route (scatter, pad, flipped kernel, crop) gives the same dL/dA.
@Suite struct BackwardWalkthroughTests {
    /// Sums of terms are added in another order than backward's matrix products.
    static let tolerance = 1e-12

    @Test(arguments: 0..<30)
    func convWalksReproduceBackward(seed: Int) throws {
        let random = RandomConv(seed: UInt64(seed))
        let (layer, A) = (random.layer, random.input)
        let forward = try ConvForwardWalkthrough(layer: layer.function, input: A)
        let dLdZ = UpstreamGradient.random(seed: UInt64(seed) + 100).tensor(shape: forward.output.shape)
        let walk = try ConvBackwardWalkthrough(forward: forward, dLdZ: dLdZ)
        // An independent layer with the same parameters gives the reference gradients.
        let reference = random.makeLayer()
        _ = try reference.forward(A)
        let dLdA = try reference.backward(dLdZ)
        for kind in [Pass.dLdA, .dLdW, .dLdb] {
            let expected = [Pass.dLdA: dLdA, .dLdW: reference.dLdW, .dLdb: reference.dLdb][kind]!
            #expect(walk.stepCount(kind) == expected.count)
            for number in 0..<walk.stepCount(kind) {
                let step = walk.step(number, of: kind)
                #expect(step.result == expected[index: step.element], "\(kind) \(step.element)")
                #expect(isClose(step.terms.reduce(0) { $0 + $1.product }, step.result), "\(kind) \(step.element)")
            }
        }
        #expect(
            walk.taught.inputGradient.maxAbsDifference(dLdA) <= Self.tolerance
                * max(1, dLdA.scalars.map(abs).max() ?? 0))
        for number in 0..<walk.stepCount(.dLdA) {
            let taught = walk.taughtStep(number)
            #expect(isClose(taught.result, dLdA.scalars[number]))
            #expect(isClose(taught.terms.reduce(0) { $0 + $1.product }, taught.result))
        }
    }

    @Test func taughtRouteShowsItsStages() throws {
        // Stride 2 on a 6-wide input with K 3: the stride-1 output is 4 wide, dL/dZ is 2 wide.
        let layer = Conv2d(
            inChannels: 1, outChannels: 1, kernelSize: HW(square: 3), stride: HW(square: 2),
            W: Tensor(shape: [1, 1, 3, 3], scalars: [1, 2, 3, 4, 5, 6, 7, 8, 9]))
        let forward = try ConvForwardWalkthrough(
            layer: layer.function,
            input: Tensor(
                shape: [1, 1, 6, 6],
                repeating: 1))
        let walk = try ConvBackwardWalkthrough(
            forward: forward, dLdZ: Tensor(shape: [1, 1, 2, 2], scalars: [1, 2, 3, 4]))
        #expect(
            walk.taught.scattered
                == Tensor(shape: [1, 1, 4, 4], scalars: [1, 0, 2, 0, 0, 0, 0, 0, 3, 0, 4, 0, 0, 0, 0, 0]))
        #expect(walk.taught.padded.shape == [1, 1, 8, 8])
        #expect(walk.taught.flippedKernel == Tensor(shape: [1, 1, 3, 3], scalars: [9, 8, 7, 6, 5, 4, 3, 2, 1]))
        // dL/dA[0,0,0,0] only sees dL/dZ[0,0,0,0] through W[0,0,0,0] = 1.
        #expect(walk.dLdA[0, 0, 0, 0] == 1)
        // dL/dA[0,0,2,2] is fed by all four outputs: 1·W[2,2] + 2·W[2,0] + 3·W[0,2] + 4·W[0,0] = 9 + 14 + 9 + 4.
        #expect(walk.dLdA[0, 0, 2, 2] == 36)
    }

    @Test(arguments: [(2, 1), (3, 2), (2, 2), (3, 1)])
    func poolWalksReproduceBackward(kernel: Int, stride: Int) throws {
        let A = Tensor(shape: [2, 2, 7, 6]) { Double(($0 * 7919) % 5) }
        for layer in [MaxPool2d(kernel: kernel, stride: stride), MeanPool2d(kernel: kernel, stride: stride)]
            as [PoolLayer]
        {
            let forward = try PoolForwardWalkthrough(layer: layer.function, input: A)
            let dLdZ = UpstreamGradient.random(seed: 9).tensor(shape: forward.output.shape)
            let walk = try PoolBackwardWalkthrough(forward: forward, dLdZ: dLdZ)
            for number in 0..<walk.stepCount {
                let step = walk.step(number)
                #expect(step.result == walk.dLdA.scalars[number])
                #expect(
                    isClose(step.terms.reduce(0) { $0 + $1.product }, step.result), "\(layer.summary) \(step.element)")
                if layer.kind == .max {
                    #expect(
                        step.terms.allSatisfy {
                            layer.function.argmax(
                                of: $0.output,
                                in: forward.record) == step.element
                        })
                }
            }
        }
    }
}

/// The pooling backward walk puts its work off until asked: the same dL/dA as the layer's
/// backward (from a given or a made dL/dZ), shared by copies, and a dL/dZ of the wrong shape
/// still refused when the walk is made.
@Suite struct DeferredPoolBackwardTests {
    @Test func deferredGradientIsTheLayers() throws {
        let A = Tensor(shape: [1, 3, 6, 6]) { Double(($0 * 31) % 11) - 5 }
        for layer in [MaxPool2d(kernel: 2, stride: 2), MeanPool2d(kernel: 3, stride: 1)] as [PoolLayer] {
            let forward = try PoolForwardWalkthrough(layer: layer.function, input: A)
            for upstream in [UpstreamGradient.ones, .random(seed: 3), .integers(seed: 2)] {
                let dLdZ = upstream.tensor(shape: forward.output.shape)
                let expected = try layer.function.backward(forward.record, dLdZ).dLdA
                let made = try PoolBackwardWalkthrough(forward: forward, dLdZ: nil, made: upstream)
                let copy = made
                #expect(made.shape == A.shape && made.stepCount == A.count)
                #expect(copy.dLdA == expected && made.dLdA == expected && made.dLdZ == dLdZ)
                let given = try PoolBackwardWalkthrough(forward: forward, dLdZ: dLdZ, made: .ones)
                #expect(given.dLdZ == dLdZ && given.dLdA == expected)
            }
            #expect(forward.inputExtent == NumberExtent(A) && forward.outputExtent == NumberExtent(forward.output))
        }
    }

    @Test func wrongGradientShapeIsRefusedAtOnce() throws {
        let forward = try PoolForwardWalkthrough(
            layer: MaxPool2d(kernel: 2, stride: 2).function,
            input: Tensor(shape: [1, 1, 4, 4], repeating: 1))
        #expect(throws: LayerError.self) {
            try PoolBackwardWalkthrough(forward: forward, dLdZ: Tensor(shape: [1, 1, 3, 3]))
        }
        #expect(throws: LayerError.self) {
            try PoolBackwardWalkthrough(forward: forward, dLdZ: Tensor(shape: [1, 2, 2]), made: .ones)
        }
    }
}

/// The taught route's per-output-channel sums, written out from the definition
/// `Σ_p,q G[n,o,y+p,x+q]·flip(W)[o,c,p,q]`, add up to the padded-input gradient.
@Suite struct TaughtChannelSumTests {
    @Test(arguments: 0..<10)
    func perChannelSumsFollowTheFlippedKernelDefinition(seed: Int) throws {
        let random = RandomConv(seed: UInt64(seed) + 500)
        let (layer, A) = (random.layer, random.input)
        let forward = try ConvForwardWalkthrough(layer: layer.function, input: A)
        let walk = try ConvBackwardWalkthrough(
            forward: forward, dLdZ: UpstreamGradient.random(seed: 3).tensor(shape: forward.output.shape))
        let (G, F) = (walk.taught.padded, walk.taught.flippedKernel)
        for number in stride(from: 0, to: walk.dLdA.count, by: max(1, walk.dLdA.count / 7)) {
            let step = walk.taughtStep(number)
            let (n, c, y, x) = (step.element[0], step.element[1], step.element[2], step.element[3])
            let sums = walk.taughtChannelSums(step)
            for o in 0..<layer.outChannels {
                var expected = 0.0
                for p in 0..<F.shape[2] {
                    for q in 0..<F.shape[3] { expected += G[n, o, y + p, x + q] * F[o, c, p, q] }
                }
                #expect(abs(sums[o] - expected) <= 1e-12 * max(1, abs(expected)))
            }
            #expect(abs(sums.reduce(0, +) - step.result) <= 1e-12 * max(1, abs(step.result)))
        }
    }
}

/// The convolution walkthroughs keep what their screens read of whole maps — extents and
/// statistics of A, A_pad, Z, dL/dZ and dL/dA by sample, map and channel — each equal to
/// the definition over the slice; the backward pass waits until asked and is the layer's.
@Suite struct KeptConvSummaryTests {
    /// The summary by definition: every element of the slice, the statistics as of that
    /// tensor, the extent element by element.
    static func expected(_ slice: Tensor) -> TensorSummary {
        let extent = slice.scalars.withUnsafeBufferPointer { NumberExtent.reference($0) }
        let statistics = TensorStatistics(slice)
        #expect(TensorSummary(slice).extent == extent && TensorSummary(slice).statistics == statistics)
        return TensorSummary(slice)
    }

    static func sample(_ t: Tensor, _ n: Int) -> Tensor { t.sliced([AxisSlice(start: n, stop: n + 1)]) }
    static func map(_ t: Tensor, _ n: Int, _ c: Int) -> Tensor {
        t.sliced([AxisSlice(start: n, stop: n + 1), AxisSlice(start: c, stop: c + 1)])
    }
    static func channel(_ t: Tensor, _ c: Int) -> Tensor { t.sliced([.all, AxisSlice(start: c, stop: c + 1)]) }

    @Test(arguments: 0..<20)
    func keptSummariesAreTheSlicesOwn(seed: Int) throws {
        let random = RandomConv(seed: UInt64(seed))
        var A = random.input
        // Some cases with whole numbers, NaN and infinities, which change widths and counts.
        if seed % 3 == 0 { A = Tensor(shape: A.shape, scalars: A.scalars.map { ($0 * 4).rounded() }) }
        if seed % 4 == 1 && A.count > 2 { (A.scalars[0], A.scalars[A.count - 1]) = (.nan, -.infinity) }
        let forward = try ConvForwardWalkthrough(layer: random.layer.function, input: A)
        let dLdZ = UpstreamGradient.random(seed: UInt64(seed)).tensor(shape: forward.output.shape)
        let walk = try ConvBackwardWalkthrough(forward: forward, dLdZ: dLdZ)
        let copy = walk
        #expect(forward.inputExtent == Self.expected(A).extent)
        #expect(forward.kernelExtent == Self.expected(random.layer.W).extent)
        let padded = forward.record.paddedInput
        for n in 0..<A.shape[0] {
            #expect(forward.inputSummary([n]) == Self.expected(Self.sample(A, n)))
            #expect(forward.paddedInputSummary([n]) == Self.expected(Self.sample(padded, n)))
            #expect(forward.outputSummary([n]) == Self.expected(Self.sample(forward.output, n)))
            #expect(walk.upstreamSummary([n]) == Self.expected(Self.sample(dLdZ, n)))
            for c in 0..<A.shape[1] {
                #expect(forward.paddedInputSummary([n, c]) == Self.expected(Self.map(padded, n, c)))
                #expect(copy.inputGradientSummary([n, c]) == Self.expected(Self.map(walk.dLdA, n, c)))
            }
            for o in 0..<dLdZ.shape[1] {
                #expect(forward.outputSummary([n, o]) == Self.expected(Self.map(forward.output, n, o)))
                #expect(walk.upstreamSummary([n, o]) == Self.expected(Self.map(dLdZ, n, o)))
            }
        }
        for c in 0..<A.shape[1] {
            #expect(forward.inputChannelSummary(c) == Self.expected(Self.channel(A, c)))
        }
        for o in 0..<dLdZ.shape[1] {
            #expect(walk.upstreamChannelSummary(o) == Self.expected(Self.channel(dLdZ, o)))
        }
        let taught = walk.taught
        for n in 0..<A.shape[0] {
            #expect(walk.taughtGradientSummary([n]) == Self.expected(Self.sample(taught.padded, n)))
            for o in 0..<taught.padded.shape[1] {
                #expect(walk.taughtGradientSummary([n, o]) == Self.expected(Self.map(taught.padded, n, o)))
            }
            for c in 0..<A.shape[1] {
                let expected = Self.expected(Self.map(taught.paddedInputGradient, n, c))
                #expect(walk.taughtPaddedInputGradientSummary([n, c]) == expected)
            }
        }
        // Asked twice, the kept summary is the same.
        #expect(forward.inputSummary([0]) == forward.inputSummary([0]))
    }

    @Test(arguments: 0..<10)
    func deferredGradientsAreTheLayers(seed: Int) throws {
        let random = RandomConv(seed: UInt64(seed) + 50)
        let forward = try ConvForwardWalkthrough(layer: random.layer.function, input: random.input)
        let dLdZ = UpstreamGradient.integers(seed: UInt64(seed)).tensor(shape: forward.output.shape)
        let walk = try ConvBackwardWalkthrough(forward: forward, dLdZ: dLdZ)
        // Shapes and step counts are known before backward runs.
        for pass in [Pass.dLdA, .taught, .dLdW, .dLdb] {
            #expect(walk.stepCount(pass) == Tensor.count(of: walk.shape(pass)))
        }
        let copy = walk
        let expected = try random.layer.function.backward(forward.record, dLdZ)
        #expect(copy.gradients == expected && walk.gradients == expected)
        for pass in [Pass.dLdA, .taught, .dLdW, .dLdb] {
            #expect(walk.shape(pass) == walk.gradient(pass).shape)
        }
    }

    @Test func wrongGradientShapeIsRefusedAtOnce() throws {
        let layer = Conv2d(inChannels: 1, outChannels: 2, kernelSize: HW(square: 3), seed: 1)
        let forward = try ConvForwardWalkthrough(
            layer: layer.function, input: Tensor(shape: [1, 1, 5, 5], repeating: 1))
        #expect(throws: LayerError.self) {
            try ConvBackwardWalkthrough(forward: forward, dLdZ: Tensor(shape: [1, 2, 3, 4]))
        }
        #expect(throws: LayerError.self) {
            try ConvBackwardWalkthrough(forward: forward, dLdZ: Tensor(shape: [1, 18]))
        }
    }
}

/// A dL/dW or dL/db step made listing only its first terms is the full step's beginning,
/// with the full count; each term made alone is the full list's term; dL/dA is listed whole.
@Suite struct ListedGradientStepTests {
    @Test(arguments: 0..<15)
    func listedStepsBeginTheFullOnes(seed: Int) throws {
        let random = RandomConv(spatialAxes: seed % 3 == 0 ? 1 : 2, seed: UInt64(seed) + 900)
        let forward = try ConvForwardWalkthrough(layer: random.layer.function, input: random.input)
        let dLdZ = UpstreamGradient.random(seed: UInt64(seed)).tensor(shape: forward.output.shape)
        let walk = try ConvBackwardWalkthrough(forward: forward, dLdZ: dLdZ)
        for pass in [Pass.dLdA, .dLdW, .dLdb] {
            for number in Set([0, walk.stepCount(pass) / 2, walk.stepCount(pass) - 1]) {
                let full = walk.step(number, of: pass)
                #expect(full.termCount == full.terms.count)
                for limit in [0, 3, 1_000_000] {
                    let listed = walk.step(number, of: pass, listing: limit)
                    #expect(listed.number == full.number && listed.element == full.element)
                    #expect(listed.result == full.result && listed.termCount == full.terms.count)
                    let shown = pass == .dLdA ? full.terms : Array(full.terms.prefix(limit))
                    #expect(listed.terms == shown, "\(pass) step \(number) limit \(limit)")
                }
                if pass != .dLdA {
                    for k in full.terms.indices { #expect(walk.term(k, ofStep: number, of: pass) == full.terms[k]) }
                }
            }
        }
    }
}
