import Walkthroughs

/// One stage of the loop walk as `render --walk loop --scene K` numbers them: the stages of
/// every scene's walk of a pass, in order (a transposed convolution's two scenes give
/// "upsample" then "convolve").
public struct LoopStagePlace: Equatable, Sendable {
    public let scene: Int
    /// The stage's title, e.g. `Conv2d_stride1 on the padded input`.
    public let title: String
    /// The walk step the stage begins at, and how many steps it has.
    public let first: Int
    public let count: Int
}

extension AppModel {
    /// The loop walk's stages of `phase` over every scene that shows its loop walk.
    public func loopStages(_ phase: Pass) -> [LoopStagePlace] {
        scenes.indices.flatMap { index -> [LoopStagePlace] in
            guard let walk = scenes[index].loopWalk(phase) else { return [] }
            return walk.stages.indices.map { s in
                LoopStagePlace(
                    scene: index, title: walk.stages[s].title, first: walk.firstStep(ofStage: s),
                    count: walk.stages[s].stepCount)
            }
        }
    }
}
