import ConvScopeCore

/// The whole CNN: one step per layer and one for the loss, forward then backward.
extension NetworkState: SceneWalk {
    var phases: [Phase] { [.forward, .dLdA] }
    var input: Tensor { images }

    func target(_ phase: Phase) -> Tensor { activations.last! }

    func stepShape(_ phase: Phase) -> [Int] { [layerSummaries.count + 1] }

    func plan(phase: Phase, step: Int, title: String, model: AppModel) -> ScreenPlan {
        NetworkScreen.plan(self, phase: phase, step: step, model: model)
    }
}
