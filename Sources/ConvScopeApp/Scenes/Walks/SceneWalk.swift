import ConvScopeCore
import Walkthroughs

/// One screen family's walks, as the app reads them: which phases there are, the tensor each
/// phase fills in, how a selection crosses between passes, and which screen draws a phase.
/// Each family conforms in one file of this folder, so a scene never switches over families.
protocol SceneWalk {
    /// The phases, in the order the phase key cycles through them.
    var phases: [Pass] { get }
    /// The input A.
    var input: Tensor { get }
    /// The tensor a phase fills in: Z, dL/dA, dL/dW or dL/db.
    func target(_ phase: Pass) -> Tensor
    /// The shape a phase steps over, one element per step (default: the target's).
    func stepShape(_ phase: Pass) -> [Int]
    /// The step in `new` that shows what `step` showed in `old`; `kept` is `new`'s own
    /// last step (default: kept, for families whose passes do not map onto each other).
    func step(_ step: Int, from old: Pass, to new: Pass, keeping kept: Int) -> Int
    /// The screen of `phase` at `step`.
    func plan(phase: Pass, step: Int, title: String, model: AppModel) -> ScreenPlan
    /// The pass in the homework's loops, built from the walk's tensors (default: none).
    func loopWalk(_ phase: Pass) throws -> LoopWalk?
}

extension SceneWalk {
    func stepShape(_ phase: Pass) -> [Int] { target(phase).shape }
    func step(_ step: Int, from old: Pass, to new: Pass, keeping kept: Int) -> Int { kept }
    func loopWalk(_ phase: Pass) throws -> LoopWalk? { nil }
}
