import ConvScopeCore
import Walkthroughs

/// A pooling's forward walk and its backward walk (dL/dA only: pooling has no parameters).
struct PoolingWalk: SceneWalk {
    let forward: PoolForwardWalkthrough
    let backward: PoolBackwardWalkthrough

    var phases: [Pass] { [.forward, .dLdA] }
    var input: Tensor { forward.input }

    func target(_ phase: Pass) -> Tensor { phase == .forward ? forward.output : backward.dLdA }
    /// Without computing dL/dA, which waits until its screen is first drawn.
    func stepShape(_ phase: Pass) -> [Int] { phase == .forward ? forward.output.shape : backward.shape }

    /// An output maps to its window's maximum (or first element), an input to the first
    /// output whose window reads it.
    func step(_ step: Int, from old: Pass, to new: Pass, keeping kept: Int) -> Int {
        if old == .forward && new == .dLdA {
            return backward.dLdA.offset(of: forward.step(step).argmax ?? forward.step(step).window[0])
        }
        if old == .dLdA && new == .forward {
            let input = backward.dLdA.index(ofOffset: step)
            guard let output = forward.outputsReading(input: input).first else { return kept }
            return forward.stepNumber(ofOutput: output)
        }
        return kept
    }

    func plan(phase: Pass, step: Int, title: String, model: AppModel) -> ScreenPlan {
        phase == .forward
            ? PoolScreen.plan(forward, step: step, title: title, model: model)
            : PoolGradientScreen.plan(backward, step: step, model: model)
    }

    /// The `_stride1` pool's loop, then the downsample; backward in reverse.
    func loopWalk(_ phase: Pass) throws -> LoopWalk? {
        let layer = forward.layer
        let (kernel, stride) = (layer.geometry.kernel.h, layer.geometry.stride.h)
        guard phase != .forward else {
            return try .poolForward(layer.kind, input: forward.input, kernel: kernel, stride: stride)
        }
        return try .poolBackward(layer.kind, input: forward.input, kernel: kernel, stride: stride, dLdZ: backward.dLdZ)
    }
}
