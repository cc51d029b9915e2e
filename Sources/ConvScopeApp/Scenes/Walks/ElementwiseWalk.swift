import ConvScopeCore
import Walkthroughs

/// Activations and Flatten: each output comes from one input, and back.
extension ElementwiseWalkthrough: SceneWalk {
    var phases: [Phase] { [.forward, .dLdA] }

    func target(_ phase: Phase) -> Tensor { phase == .forward ? output : dLdA }

    func step(_ step: Int, from old: Phase, to new: Phase, keeping kept: Int) -> Int {
        if old == .forward && new == .dLdA { return dLdA.offset(of: forwardStep(step).source) }
        if old == .dLdA && new == .forward {
            return output.offset(of: destination(ofInput: dLdA.index(ofOffset: step)))
        }
        return kept
    }

    func plan(phase: Phase, step: Int, title: String, model: AppModel) -> ScreenPlan {
        ElementwiseScreen.plan(self, phase: phase, step: step, model: model)
    }
}
