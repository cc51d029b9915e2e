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
        switch (scene.content, model.phase) {
        case (.convolution(let walk, _), .forward): plan = ConvScreen.plan(walk, step: model.step, title: scene.title, model: model)
        case (.convolution(_, let walk), .taught): plan = TaughtGradientScreen.plan(walk, step: model.step, model: model)
        case (.convolution(_, let walk), let phase): plan = ConvGradientScreen.plan(walk, phase: phase, step: model.step, model: model)
        case (.pooling(let walk, _), .forward): plan = PoolScreen.plan(walk, step: model.step, title: scene.title, model: model)
        case (.pooling(_, let walk), _): plan = PoolGradientScreen.plan(walk, step: model.step, model: model)
        case (.resampling(let walk), let phase): plan = ResamplingScreen.plan(walk, phase: phase, step: model.step, model: model)
        case (.elementwise(let walk), let phase): plan = ElementwiseScreen.plan(walk, phase: phase, step: model.step, model: model)
        case (.linear(let walk), let phase): plan = LinearScreen.plan(walk, phase: phase, step: model.step, model: model)
        case (.scanning(let walk), _): plan = ScanningScreen.plan(walk, step: model.step, model: model)
        case (.network(let session), let phase): plan = NetworkScreen.plan(session, phase: phase, step: model.step, model: model)
        }
        if let answer = model.answer { plan = plan?.overlaid(with: answer, model: model) }
    }

    /// Whether maps currently show numbers.
    var showsNumbers: Bool { plan?.showsNumbers ?? true }

    /// The step whose output cell is drawn at `point`, if any.
    func step(at point: Point) -> Int? {
        guard let plan, let index = plan.outputPanel, let map = plan.panels[index].map,
              let cell = map.cell(at: point, in: plan.panels[index].inner) else { return nil }
        return plan.stepOfOutputCell?(cell.row, cell.column) ?? nil
    }
}
