import ConvScopeCore
import Walkthroughs

/// The whole CNN: one step per layer and one for the loss, forward then backward.
extension NetworkState: SceneWalk {
    var phases: [Pass] { [.forward, .dLdA] }
    var input: Tensor { images }

    func target(_ phase: Pass) -> Tensor { activations.last! }

    func stepShape(_ phase: Pass) -> [Int] { [layerSummaries.count + 1] }

    func plan(phase: Pass, step: Int, title: String, model: AppModel) -> ScreenPlan {
        NetworkScreen.plan(self, phase: phase, step: step, model: model)
    }
}

extension Scene {
    /// Whether the scene is a whole CNN learning (playing trains it instead of walking).
    var isNetwork: Bool {
        if case .network = content { return true }
        return false
    }
}
