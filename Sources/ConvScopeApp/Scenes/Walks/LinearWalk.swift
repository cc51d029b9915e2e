import ConvScopeCore
import Walkthroughs

/// A fully connected layer: forward, dL/dA, dL/dW and dL/db.
extension LinearWalkthrough: SceneWalk {
    var phases: [Phase] { [.forward, .dLdA, .dLdW, .dLdb] }

    func target(_ phase: Phase) -> Tensor {
        switch phase {
        case .forward: output
        case .dLdW: dLdW
        case .dLdb: dLdb
        case .dLdA, .taught: dLdA
        }
    }

    func plan(phase: Phase, step: Int, title: String, model: AppModel) -> ScreenPlan {
        LinearScreen.plan(self, phase: phase, step: step, model: model)
    }
}
