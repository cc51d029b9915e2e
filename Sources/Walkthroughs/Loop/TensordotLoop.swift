import ConvScopeCore

/// A loop over a grid whose every iteration is one `np.tensordot` of a window of `sliced` with
/// the whole `fixed` operand, filling `out[:, :, i, j]`: the conv forward (window of A ⊗ W + b,
/// a (N, C_out) column), dL/dW (dLdZ ⊗ a shifted view of A, a (C_out, C_in) slice per tap) and
/// dL/dA (window of padded dLdZ ⊗ flipped W, a (N, C_in) column).
public struct TensordotLoop: LoopStage {
    public let title: String
    public let code: [String]
    public let header: String
    /// The tensor the loop slices (A, the padded A, or the padded dLdZ).
    public let input: Tensor
    /// The operand used whole at every step (W, dLdZ, or W flipped in its kernel axes).
    public let fixed: Tensor
    /// The bias added to every column (forward only), (C_out,).
    public let bias: Tensor?
    /// The zeros around the real values of `input` on each side of each spatial axis: the
    /// layer's padding (a padded A), or K − 1 (dLdZ padded for dL/dA); `h` is 0 in 1-D.
    public let inputMargin: HW
    public let formulas: [SizeFormula]
    public let start: Tensor
    public let output: Tensor
    let plan: TensordotPlan

    /// `output` is the whole result as the library's layer computes it in one go (a stride-1
    /// convolution's Z, or its dL/dW or padded dL/dA): the steps' columns are each one
    /// `tensordot`, and the tests check that replaying them gives this output.
    init(
        title: String, code: [String], header: String, input: Tensor, fixed: Tensor, bias: Tensor?,
        output: Tensor, plan: TensordotPlan, inputMargin: HW, formulas: [SizeFormula] = []
    ) {
        self.title = title
        self.code = code
        self.header = header
        self.input = input
        self.fixed = fixed
        self.bias = bias
        self.plan = plan
        self.inputMargin = inputMargin
        self.formulas = formulas
        start = Tensor(shape: output.shape)
        self.output = output
    }

    public var stepCount: Int { plan.grid.h * plan.grid.w }
    public var grid: HW { plan.grid }

    /// The operand used whole, as the code names it: `W`, `dLdZ` or `W_flip`.
    public var fixedName: String { plan.fixedSymbol }
    /// Whether the fixed operand is laid out (C_out, C_in, …) like a weight rather than (N, …).
    public var fixedIsWeight: Bool { plan.fixedNames.first == "C_out" }
    /// Whether the output is laid out (C_out, C_in, …), as dL/dW is.
    public var outputIsWeight: Bool { plan.resultNames.first == "C_out" }

    /// Output element (…, y, x) is written by the step at grid cell (y, x).
    public func firstStep(writing index: [Int]) -> Int? {
        let y = plan.space.spatialAxes == 2 ? index[2] : 0
        let x = index[index.count - 1]
        return y < plan.grid.h && x < plan.grid.w ? y * plan.grid.w + x : nil
    }

    public func step(_ number: Int) -> LoopStep {
        let p = plan.space.position(ofStep: number, grid: plan.grid)
        let read = plan.reads(at: p)
        let window = read.read(from: input)
        return LoopStep(
            number: number, variables: plan.space.variables(plan.loopNames, at: p), line: plan.line,
            reads: [read], operands: [window], operation: .contraction(plan.contraction(window, fixed)),
            writes: plan.writes(at: p), accumulates: false,
            result: Self.column(plan, input, fixed, bias, at: p))
    }

    /// The cells of steps `0...number` taken from `output`, without redoing their tensordots: step k
    /// writes every (n, c) at grid cell k, which is the k-th element of each trailing spatial plane.
    public func accumulated(through number: Int) -> Tensor {
        let cells = plan.grid.h * plan.grid.w
        return Tensor(shape: output.shape) { $0 % cells <= number ? output.scalars[$0] : 0 }
    }

    /// The tensordot at grid position `p` (plus the bias broadcast over rows).
    static func column(_ plan: TensordotPlan, _ input: Tensor, _ fixed: Tensor, _ bias: Tensor?, at p: HW) -> Tensor {
        let window = plan.reads(at: p).read(from: input)
        let product =
            plan.slicedIsLeft
            ? tensordot(window, fixed, axes: (plan.slicedAxes, plan.fixedAxes))
            : tensordot(fixed, window, axes: (plan.fixedAxes, plan.slicedAxes))
        guard let bias else { return product }
        let width = bias.count
        return Tensor(shape: product.shape) { product.scalars[$0] + bias.scalars[$0 % width] }
    }
}

/// How a `TensordotLoop` slices, contracts and writes, with the symbols its code uses.
struct TensordotPlan: Sendable {
    let space: LoopSpace
    /// Loop variable names for 2-D (`["i", "j"]`); 1-D uses the second.
    let loopNames: [String]
    let grid: HW
    /// The index of the loop body's statement in the stage's code.
    let line: Int
    let slicedName: String
    let outName: String
    /// The window at grid position (i, j) starts at `(i·offsetScale.h, j·offsetScale.w)`, spans
    /// `extent` cells of the axis and takes every `step`-th.
    let offsetScale: HW
    let extent: HW
    let step: HW
    let slicedIsLeft: Bool
    let slicedAxes: [Int]
    let fixedAxes: [Int]
    /// Symbols for the contraction: the window as written in the code, the fixed operand's
    /// name, and each operand's and the result's axis names.
    let slicedSymbol: String
    let fixedSymbol: String
    let slicedNames: [String]
    let fixedNames: [String]
    let resultNames: [String]
    let added: String?

    func reads(at p: HW) -> TensorSlice {
        func axis(_ at: Int, _ scale: Int, _ extent: Int, _ step: Int) -> SubscriptAxis {
            .range(AxisSlice(start: at * scale, stop: at * scale + extent, step: step))
        }
        return TensorSlice(
            slicedName,
            space.subscripts(
                axis(p.h, offsetScale.h, extent.h, step.h),
                axis(p.w, offsetScale.w, extent.w, step.w)))
    }

    func writes(at p: HW) -> TensorSlice {
        TensorSlice(outName, space.subscripts(.index(p.h), .index(p.w)))
    }

    /// The written cell's shape inside a tensor of `shape`: its two leading axes, then 1s.
    func cellShape(_ shape: [Int]) -> [Int] {
        [shape[0], shape[1]] + Array(repeating: 1, count: space.spatialAxes)
    }

    func contraction(_ window: Tensor, _ fixed: Tensor) -> Contraction {
        let s = NamedShape(slicedNames, window.shape)
        let f = NamedShape(fixedNames, fixed.shape)
        let freeS = window.shape.indices.filter { !slicedAxes.contains($0) }.map { window.shape[$0] }
        let freeF = fixed.shape.indices.filter { !fixedAxes.contains($0) }.map { fixed.shape[$0] }
        let result = NamedShape(resultNames, slicedIsLeft ? freeS + freeF : freeF + freeS)
        return slicedIsLeft
            ? Contraction(
                left: slicedSymbol, leftShape: s, right: fixedSymbol, rightShape: f,
                axes: (slicedAxes, fixedAxes), resultShape: result, added: added)
            : Contraction(
                left: fixedSymbol, leftShape: f, right: slicedSymbol, rightShape: s,
                axes: (fixedAxes, slicedAxes), resultShape: result, added: added)
    }
}
