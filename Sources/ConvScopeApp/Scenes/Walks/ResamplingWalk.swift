import ConvScopeCore
import Walkthroughs

/// Upsampling and downsampling: each output reads at most one input, and back.
extension ResamplingWalkthrough: SceneWalk {
    var phases: [Phase] { [.forward, .dLdA] }

    func target(_ phase: Phase) -> Tensor { phase == .forward ? output : dLdA }

    func step(_ step: Int, from old: Phase, to new: Phase, keeping kept: Int) -> Int {
        if old == .forward && new == .dLdA, let source = forwardStep(step).source { return dLdA.offset(of: source) }
        if old == .dLdA && new == .forward, let destination = layer.destination(ofInput: dLdA.index(ofOffset: step)) {
            return output.offset(of: destination)
        }
        return kept
    }

    func plan(phase: Phase, step: Int, title: String, model: AppModel) -> ScreenPlan {
        ResamplingScreen.plan(self, phase: phase, step: step, model: model)
    }
}
