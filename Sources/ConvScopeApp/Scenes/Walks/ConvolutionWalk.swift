import ConvScopeCore
import Walkthroughs

/// A convolution's forward walk and its backward walk, with all five phases.
struct ConvolutionWalk: SceneWalk {
    let forward: ConvForwardWalkthrough
    let backward: ConvBackwardWalkthrough

    var phases: [Pass] { Pass.allCases }
    var input: Tensor { forward.input }

    func target(_ phase: Pass) -> Tensor {
        switch phase {
        case .forward: forward.output
        case .dLdA, .taught: backward.dLdA
        case .dLdW: backward.dLdW
        case .dLdb: backward.dLdb
        }
    }

    /// Without running backward, which waits until a backward screen is first drawn.
    func stepShape(_ phase: Pass) -> [Int] { phase == .forward ? forward.output.shape : backward.shape(phase) }

    /// The forward step of an output maps to its window's first real input element, and a
    /// dL/dA step to the first output that input feeds; the two dL/dA routes share steps.
    func step(_ step: Int, from old: Pass, to new: Pass, keeping kept: Int) -> Int {
        let inputSide: Set<Pass> = [.dLdA, .taught]
        if old == .forward && inputSide.contains(new) {
            let output = forward.outputIndex(ofStep: step)
            let terms = forward.receptiveField(of: output)
            guard let term = terms.first(where: { !$0.isPadding }) else { return kept }
            return backward.dLdA.offset(of: term.input)
        }
        if inputSide.contains(old) && new == .forward {
            let input = backward.dLdA.index(ofOffset: step)
            guard let term = forward.influence(of: input).first else { return kept }
            return forward.stepNumber(ofOutput: term.output)
        }
        return inputSide.contains(old) && inputSide.contains(new) ? step : kept
    }

    func plan(phase: Pass, step: Int, title: String, model: AppModel) -> ScreenPlan {
        switch phase {
        case .forward: ConvScreen.plan(forward, step: step, title: title, model: model)
        case .taught: TaughtGradientScreen.plan(backward, step: step, model: model)
        default: ConvGradientScreen.plan(backward, phase: phase, step: step, model: model)
        }
    }

    /// Pad, the stride-1 loop, downsample; backward in reverse.
    func loopWalk(_ phase: Pass) throws -> LoopWalk? {
        let layer = forward.layer
        guard phase != .forward else {
            return try .convForward(input: forward.input, weight: layer.W, bias: layer.b, geometry: layer.geometry)
        }
        return try .convBackward(
            phase, input: forward.input, weight: layer.W, geometry: layer.geometry,
            dLdZ: backward.dLdZ)
    }
}
