import ConvScopeCore
import Walkthroughs

/// Upsampling and downsampling: each output reads at most one input, and back.
extension ResamplingWalkthrough: SceneWalk {
    var phases: [Pass] { [.forward, .dLdA] }

    func target(_ phase: Pass) -> Tensor { phase == .forward ? output : dLdA }

    func step(_ step: Int, from old: Pass, to new: Pass, keeping kept: Int) -> Int {
        if old == .forward && new == .dLdA, let source = forwardStep(step).source { return dLdA.offset(of: source) }
        if old == .dLdA && new == .forward, let destination = layer.destination(ofInput: dLdA.index(ofOffset: step)) {
            return output.offset(of: destination)
        }
        return kept
    }

    func plan(phase: Pass, step: Int, title: String, model: AppModel) -> ScreenPlan {
        ResamplingScreen.plan(self, phase: phase, step: step, model: model)
    }

    /// One statement each way, the slicing written out.
    func loopWalk(_ phase: Pass) throws -> LoopWalk? {
        guard phase != .forward else {
            return try .resample(upsampling: layer.isUpsampling, factor: layer.factor, input: input)
        }
        return try .resampleBackward(upsampling: layer.isUpsampling, factor: layer.factor, input: input, dLdZ: dLdZ)
    }
}
