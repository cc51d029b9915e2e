import ConvScopeCore
import Walkthroughs

/// A scanning MLP next to its network: forward only, one step per window.
extension ScanningWalkthrough: SceneWalk {
    var phases: [Phase] { [.forward] }

    func target(_ phase: Phase) -> Tensor { output }

    func stepShape(_ phase: Phase) -> [Int] { [positions] }

    func plan(phase: Phase, step: Int, title: String, model: AppModel) -> ScreenPlan {
        ScanningScreen.plan(self, step: step, model: model)
    }
}
