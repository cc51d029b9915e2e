import ConvScopeCore
import Walkthroughs

/// A scanning MLP next to its network: forward only, one step per window; the simple scan
/// (and the Linear-as-convolution picture) also steps over the first weight's columns, as
/// channels, so `c` cycles them.
extension ScanningWalkthrough: SceneWalk {
    var phases: [Pass] { [.forward] }

    func target(_ phase: Pass) -> Tensor { output }

    func stepShape(_ phase: Pass) -> [Int] { isDistributed ? [positions] : [1, firstLayerColumns, positions] }

    func plan(phase: Pass, step: Int, title: String, model: AppModel) -> ScreenPlan {
        ScanningScreen.plan(self, step: step, model: model)
    }
}
