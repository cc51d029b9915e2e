import ConvScopeCore

/// One screen family's walks, as the app reads them: which phases there are, the tensor each
/// phase fills in, how a selection crosses between passes, and which screen draws a phase.
/// Each family conforms in one file of this folder, so a scene never switches over families.
protocol SceneWalk {
    /// The phases, in the order the phase key cycles through them.
    var phases: [Phase] { get }
    /// The input A.
    var input: Tensor { get }
    /// The tensor a phase fills in: Z, dL/dA, dL/dW or dL/db.
    func target(_ phase: Phase) -> Tensor
    /// The shape a phase steps over, one element per step (default: the target's).
    func stepShape(_ phase: Phase) -> [Int]
    /// The step in `new` that shows what `step` showed in `old`; `kept` is `new`'s own
    /// last step (default: kept, for families whose passes do not map onto each other).
    func step(_ step: Int, from old: Phase, to new: Phase, keeping kept: Int) -> Int
    /// The screen of `phase` at `step`.
    func plan(phase: Phase, step: Int, title: String, model: AppModel) -> ScreenPlan
}

extension SceneWalk {
    func stepShape(_ phase: Phase) -> [Int] { target(phase).shape }
    func step(_ step: Int, from old: Phase, to new: Phase, keeping kept: Int) -> Int { kept }
}
