import ConvScopeCore

/// The `_stride1` pooling loop: for each output (i, j), the K×K window of every (sample, channel)
/// reduced to its max (with the argmax, flat and unravelled) or its mean, filling `Z[:, :, i, j]` (N, C).
public struct PoolForwardLoop: LoopStage {
    public let kind: PoolFunction.Kind
    public let kernel: Int
    public let code: [String]
    public let input: Tensor
    public let start: Tensor
    public let output: Tensor
    public let grid: HW

    init(kind: PoolFunction.Kind, input A: Tensor, kernel: Int) throws {
        self.kind = kind
        self.kernel = kernel
        input = A
        grid = HW(A.shape[2] - kernel + 1, A.shape[3] - kernel + 1)
        let window = "A[:, :, i:i+K, j:j+K]"
        code =
            ["Z = np.zeros((N, C, H_out, W_out))", "for i in range(H_out):", "    for j in range(W_out):"]
            + (kind == .max
                ? [
                    "        Z[:, :, i, j] = \(window).max(axis=(2, 3))",
                    "        idx = \(window).reshape(N, C, K * K).argmax(axis=2)",
                    "        self.p[:, :, i, j], self.q[:, :, i, j] = np.unravel_index(idx, (K, K))",
                ]
                : ["        Z[:, :, i, j] = \(window).mean(axis=(2, 3))"])
        // The whole Z as the library's stride-1 pool computes it; each step's column is one window
        // reduction, and the tests check that replaying them gives this output.
        output = try PoolFunction(kind: kind, kernel: kernel, stride: 1).forward(A).output
        start = Tensor(shape: output.shape)
    }

    public var title: String { "\(kind == .max ? "MaxPool2d" : "MeanPool2d")_stride1(\(kernel))" }
    public var header: String { "2 loops, H_out·W_out = \(stepCount) iterations" }
    public var stepCount: Int { grid.h * grid.w }

    /// Output element (n, c, i, j) is written by step (i, j).
    public func firstStep(writing index: [Int]) -> Int? { index[2] * grid.w + index[3] }

    /// The cells of steps `0...number` taken from `output`: step k writes cell k of every plane.
    public func accumulated(through number: Int) -> Tensor {
        let cells = grid.h * grid.w
        return Tensor(shape: output.shape) { $0 % cells <= number ? output.scalars[$0] : 0 }
    }

    /// The stride-1 pool's sizes, `H_out = H_in − K + 1` (inside a strided pool, not its final size).
    public var formulas: [SizeFormula] {
        [
            SizeFormula.pool(axis: "H", input: input.shape[2], kernel: kernel, stride: 1),
            SizeFormula.pool(axis: "W", input: input.shape[3], kernel: kernel, stride: 1),
        ]
    }

    public func step(_ number: Int) -> LoopStep {
        let at = HW(number / grid.w, number % grid.w)
        let window = PoolWindow(input, at: at, kernel: kernel)
        let (column, picks) = window.reduce(kind)
        return LoopStep(
            number: number, variables: [LoopVariable("i", at.h), LoopVariable("j", at.w)], line: 3,
            reads: [window.slice("A")], operands: [window.values],
            operation: kind == .max
                ? .windowMax(picks) : .windowMean(sums: window.values.sum(axes: [2, 3]), divisor: kernel * kernel),
            writes: TensorSlice("Z", [.all, .all, .index(at.h), .index(at.w)]), accumulates: false, result: column)
    }
}

/// The `_stride1` pooling backward loop: for each output (i, j), `dLdZ[:, :, i, j]` routed to the
/// window's stored argmax (max) or spread as dLdZ / K² over the window (mean), added into
/// `dLdA[:, :, i:i+K, j:j+K]` (overlapping windows add up).
public struct PoolBackwardLoop: LoopStage {
    public let kind: PoolFunction.Kind
    public let kernel: Int
    public let code: [String]
    /// The upstream gradient (N, C, H_out, W_out).
    public let input: Tensor
    /// The forward input (N, C, H_in, W_in), whose windows' argmax positions max pooling routes through.
    public let forwardInput: Tensor
    /// The library's stride-1 pool's record of that forward pass (its argmax positions).
    let record: PoolRecord
    public let start: Tensor
    public let output: Tensor

    init(kind: PoolFunction.Kind, forwardInput A: Tensor, dLdZ: Tensor, kernel: Int) throws {
        self.kind = kind
        self.kernel = kernel
        input = dLdZ
        forwardInput = A
        code =
            ["dLdA = np.zeros((N, C, H_in, W_in))", "for i in range(H_out):", "    for j in range(W_out):"]
            + (kind == .max
                ? [
                    "        for n, c in np.ndindex(N, C):",
                    "            dLdA[n, c, i + self.p[n, c, i, j], j + self.q[n, c, i, j]] += dLdZ[n, c, i, j]",
                ]
                : ["        dLdA[:, :, i:i+K, j:j+K] += dLdZ[:, :, i, j, None, None] / (K * K)"])
        start = Tensor(shape: A.shape)
        let pool = PoolFunction(kind: kind, kernel: kernel, stride: 1)
        record = try pool.forward(A).record
        output = try pool.backward(record, dLdZ).dLdA
    }

    /// What steps `0...number` have added up: the library's backward of dLdZ with the later
    /// windows' values set to 0 (overlapping windows add, so cells hold partial sums).
    public func accumulated(through number: Int) -> Tensor {
        let cells = grid.h * grid.w
        let early = Tensor(shape: input.shape) { $0 % cells <= number ? input.scalars[$0] : 0 }
        let pool = PoolFunction(kind: kind, kernel: kernel, stride: 1)
        // dLdZ has the shape the record was made for, so backward cannot refuse it; were it to,
        // replaying the steps gives the same partial sums the slow way.
        return (try? pool.backward(record, early).dLdA) ?? replayed(through: number)
    }

    public var title: String { "\(kind == .max ? "MaxPool2d" : "MeanPool2d")_stride1(\(kernel)) backward" }
    public var header: String { "2 loops, H_out·W_out = \(stepCount) iterations" }
    public var stepCount: Int { input.shape[2] * input.shape[3] }
    public var grid: HW { HW(input.shape[2], input.shape[3]) }

    /// Input element (n, c, y, x) first receives from the window at (max(0, y − K + 1), max(0, x − K + 1)).
    public func firstStep(writing index: [Int]) -> Int? {
        max(0, index[2] - kernel + 1) * grid.w + max(0, index[3] - kernel + 1)
    }

    public func step(_ number: Int) -> LoopStep {
        let at = HW(number / input.shape[3], number % input.shape[3])
        let (routed, picks) = Self.route(kind, forwardInput, input, kernel, at: at)
        let window = PoolWindow(forwardInput, at: at, kernel: kernel)
        return LoopStep(
            number: number, variables: [LoopVariable("i", at.h), LoopVariable("j", at.w)], line: code.count - 1,
            reads: [TensorSlice("dLdZ", [.all, .all, .index(at.h), .index(at.w)])],
            operands: [column(input, at)],
            operation: kind == .max ? .routeToArgmax(picks) : .spreadMean(divisor: kernel * kernel),
            writes: window.slice("dLdA"), accumulates: true, result: routed)
    }

    /// What output (i, j) adds into its window: an (N, C, K, K) tensor, and for max the picks.
    static func route(
        _ kind: PoolFunction.Kind, _ A: Tensor, _ dLdZ: Tensor, _ kernel: Int, at: HW
    ) -> (Tensor, [WindowPick]) {
        let (n, c) = (dLdZ.shape[0], dLdZ.shape[1])
        let cells = kernel * kernel
        let g = column(dLdZ, at)
        guard kind == .max else {
            return (Tensor(shape: [n, c, kernel, kernel]) { g.scalars[$0 / cells] / Double(cells) }, [])
        }
        let picks = PoolWindow(A, at: at, kernel: kernel).reduce(.max).1.map {
            WindowPick(
                sample: $0.sample, channel: $0.channel, flatIndex: $0.flatIndex, tap: $0.tap, input: $0.input,
                value: g[$0.sample, $0.channel])
        }
        var routed = Tensor(shape: [n, c, kernel, kernel])
        for p in picks { routed.scalars[(p.sample * c + p.channel) * cells + p.flatIndex] = p.value }
        return (routed, picks)
    }
}

/// `dLdZ[:, :, i, j]` as an (N, C) matrix.
private func column(_ t: Tensor, _ at: HW) -> Tensor {
    TensorSlice("", [.all, .all, .index(at.h), .index(at.w)]).read(from: t)
}

/// One pooling window `A[:, :, i:i+K, j:j+K]` of every (sample, channel).
struct PoolWindow {
    let at: HW
    let kernel: Int
    /// (N, C, K, K).
    let values: Tensor

    init(_ A: Tensor, at: HW, kernel: Int) {
        self.at = at
        self.kernel = kernel
        values = TensorSlice("", Self.axes(at, kernel)).read(from: A)
    }

    func slice(_ name: String) -> TensorSlice { TensorSlice(name, Self.axes(at, kernel)) }

    private static func axes(_ at: HW, _ k: Int) -> [SubscriptAxis] {
        [.all, .all, .range(AxisSlice(start: at.h, stop: at.h + k)), .range(AxisSlice(start: at.w, stop: at.w + k))]
    }

    /// The (N, C) max or mean; for max also each (n, c)'s first maximum in row-major window order.
    func reduce(_ kind: PoolFunction.Kind) -> (Tensor, [WindowPick]) {
        let (n, c) = (values.shape[0], values.shape[1])
        let cells = kernel * kernel
        var result = Tensor(shape: [n, c])
        var picks: [WindowPick] = []
        for plane in 0..<n * c {
            let cellsOfPlane = values.scalars[(plane * cells)..<((plane + 1) * cells)]
            guard kind == .max else {
                result.scalars[plane] = cellsOfPlane.reduce(0, +) / Double(cells)
                continue
            }
            var best = 0
            for (k, v) in cellsOfPlane.enumerated() where v > cellsOfPlane[plane * cells + best] { best = k }
            let tap = HW(best / kernel, best % kernel)
            let value = cellsOfPlane[plane * cells + best]
            result.scalars[plane] = value
            picks.append(
                WindowPick(
                    sample: plane / c, channel: plane % c, flatIndex: best, tap: tap,
                    input: HW(at.h + tap.h, at.w + tap.w), value: value))
        }
        return (result, picks)
    }
}
