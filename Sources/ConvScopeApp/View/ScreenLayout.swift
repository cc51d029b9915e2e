import Terminal

/// The plan of the current screen for the model's size, or nil when the terminal is
/// below the minimum size. Used by `render` to draw and by `update` to hit-test clicks.
public struct ScreenLayout {
    /// Below this the screen shows "terminal too small" instead of a broken layout.
    public static let minimumSize = Size(width: 64, height: 20)

    private(set) var plan: ScreenPlan?

    init(model: AppModel) {
        guard model.size.fits(ScreenLayout.minimumSize) else {
            plan = nil
            return
        }
        let scene = model.scene
        if let problem = scene.problem {
            plan = ProblemScreen.plan(problem, model: model)
            return
        }
        if let loop = scene.loopWalk(model.phase) {
            plan = LoopScreen.plan(loop, step: model.step, title: scene.title, model: model)
            return
        }
        plan = scene.walk.plan(phase: model.phase, step: model.step, title: scene.title, model: model)
        if let answer = model.answer { plan = plan?.overlaid(with: answer, model: model) }
    }

    /// Whether maps currently show numbers.
    var showsNumbers: Bool { plan?.showsNumbers ?? true }

    /// The step whose output cell is drawn at `point`, if any.
    func step(at point: Point) -> Int? {
        guard let plan, let index = plan.outputPanel, let map = plan.panels[index].map,
            let cell = map.cell(at: point, in: plan.panels[index].inner)
        else { return nil }
        return plan.stepOfOutputCell?(cell.row, cell.column) ?? nil
    }
}
