import ConvScopeCore
import Walkthroughs

/// A scanning MLP next to its network: forward only, one step per window.
extension ScanningWalkthrough: SceneWalk {
    var phases: [Pass] { [.forward] }

    func target(_ phase: Pass) -> Tensor { output }

    func stepShape(_ phase: Pass) -> [Int] { [positions] }

    func plan(phase: Pass, step: Int, title: String, model: AppModel) -> ScreenPlan {
        ScanningScreen.plan(self, step: step, model: model)
    }
}
