import ConvScopeCore

/// One stage of a loop walk: a stride-1 layer's loop, a downsample, a padding, … as the
/// homework composes its layers. Steps are made on demand from the stage's stored tensors,
/// so a stage with thousands of iterations holds only its inputs and its output. Builders throw
/// `LayerError` (one line: what is wrong and how to fix it) for tensors that do not fit.
public protocol LoopStage: Sendable {
    /// What the stage is, e.g. `Conv2d_stride1 on the padded input`.
    var title: String { get }
    /// The stage's canonical NumPy statements (our own text); `LoopStep.line` indexes them.
    var code: [String] { get }
    /// How many loops and iterations, e.g. `2 loops, H_out·W_out = 16 iterations`.
    var header: String { get }
    /// The tensor the stage reads (its `A` or `dLdZ`).
    var input: Tensor { get }
    /// What the output holds before step 0 (zeros of the output shape).
    var start: Tensor { get }
    /// The stage's whole result, as the library's ops compute it in one go.
    var output: Tensor { get }
    var stepCount: Int { get }
    /// The loop's iterations as a grid, steps row-major (`i` down, `j` across; one row in 1-D):
    /// what the cursor keys move over. One statement is a 1×1 grid.
    var grid: HW { get }
    /// The stage's own output-size formulas where they differ from the layer's: the stride-1
    /// loop on a padded input (`H_out = 9 − 3 + 1 = 7` inside a stride-2 layer); else empty.
    var formulas: [SizeFormula] { get }
    /// Step `number` (0-based, less than `stepCount`).
    func step(_ number: Int) -> LoopStep
    /// The output after steps `0...number` have written (or added) their results: what a screen
    /// shows filling up; after the last step it is `output`.
    func accumulated(through number: Int) -> Tensor
    /// The first step that writes or adds into the output element at `index`, nil when none
    /// does (the zeros an upsample inserts): a screen marks cells done, current or pending by it.
    func firstStep(writing index: [Int]) -> Int?
}

extension LoopStage {
    public var grid: HW { HW(1, stepCount) }
    public var formulas: [SizeFormula] { [] }

    /// A one-statement stage: step 0 writes what its subscript selects.
    public func firstStep(writing index: [Int]) -> Int? {
        step(0).writes.selects(index, shape: output.shape) ? 0 : nil
    }

    /// Replays the steps `0...number` onto `start`.
    public func accumulated(through number: Int) -> Tensor {
        replayed(through: number)
    }

    /// `start` with the results of steps `0...number` written or added at their subscripts.
    public func replayed(through number: Int) -> Tensor {
        var out = start
        for k in 0...number {
            let s = step(k)
            let slices = s.writes.axisSlices
            let shape = out.sliced(slices).shape
            if s.accumulates {
                out.add(s.result.reshaped(shape), at: slices)
            } else {
                out = out.scattering(s.result.reshaped(shape), at: slices)
            }
        }
        return out
    }
}

/// The homework's loops over a layer: its size formulas and its stages in the order they run
/// (backward walks list them in reverse, as backward runs them). A screen shows one stage at a
/// time (`render --scene n`), and within it one step.
public struct LoopWalk: Sendable {
    /// The layer as the user named it, e.g. `Conv2d(stride 2, padding 1)`.
    public let title: String
    /// The output-size formulas, symbolically and with numbers.
    public let formulas: [SizeFormula]
    public let stages: [any LoopStage]

    /// The last stage's output: the layer's output (forward) or the walked gradient (backward).
    public var output: Tensor { stages[stages.count - 1].output }

    /// Steps over all stages.
    public var stepCount: Int { stages.reduce(0) { $0 + $1.stepCount } }
}

extension LoopWalk {
    /// The stage holding walk step `step` (counted over all stages) and the step within it.
    public func locate(_ step: Int) -> (stage: Int, local: Int) {
        var left = step
        for (index, stage) in stages.enumerated() {
            if left < stage.stepCount { return (index, left) }
            left -= stage.stepCount
        }
        return (stages.count - 1, stages[stages.count - 1].stepCount - 1)
    }

    /// The walk step at which stage `stage` begins.
    public func firstStep(ofStage stage: Int) -> Int {
        stages.prefix(stage).reduce(0) { $0 + $1.stepCount }
    }
}
