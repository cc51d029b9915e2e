import ConvScopeCore
import Walkthroughs

/// Activations and Flatten: each output comes from one input, and back.
extension ElementwiseWalkthrough: SceneWalk {
    var phases: [Pass] { [.forward, .dLdA] }

    func target(_ phase: Pass) -> Tensor { phase == .forward ? output : dLdA }

    func step(_ step: Int, from old: Pass, to new: Pass, keeping kept: Int) -> Int {
        if old == .forward && new == .dLdA { return dLdA.offset(of: forwardStep(step).source) }
        if old == .dLdA && new == .forward {
            return output.offset(of: destination(ofInput: dLdA.index(ofOffset: step)))
        }
        return kept
    }

    func plan(phase: Pass, step: Int, title: String, model: AppModel) -> ScreenPlan {
        ElementwiseScreen.plan(self, phase: phase, step: step, model: model)
    }
}
