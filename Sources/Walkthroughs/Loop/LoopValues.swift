import ConvScopeCore

/// A loop variable and its value at one step, shown as `i = 1`.
public struct LoopVariable: Sendable, Equatable, CustomStringConvertible {
    public let name: String
    public let value: Int

    public init(_ name: String, _ value: Int) {
        self.name = name
        self.value = value
    }

    public var description: String { "\(name) = \(value)" }
}

/// One axis of a NumPy subscript: `:`, a single index `2`, or a basic slice `1:4`, `::2`.
public enum SubscriptAxis: Sendable, Equatable, CustomStringConvertible {
    case all
    case index(Int)
    case range(AxisSlice)

    public var description: String {
        switch self {
        case .all: return ":"
        case .index(let i): return "\(i)"
        case .range(let s):
            // `0:3` keeps its start (it is `i:i+K` at i = 0); only an open slice drops it (`::2`).
            let head = (s.start == 0 && s.stop == nil ? "" : "\(s.start)") + ":" + (s.stop.map { "\($0)" } ?? "")
            return s.step == 1 ? head : head + ":\(s.step)"
        }
    }

    /// Whether this axis selects position `i` of an axis of the given extent.
    public func selects(_ i: Int, extent: Int) -> Bool {
        switch self {
        case .all: return i >= 0 && i < extent
        case .index(let at): return i == at
        case .range(let s):
            return i >= s.start && i < min(s.stop ?? extent, extent) && (i - s.start) % s.step == 0
        }
    }
}

/// A named tensor with a subscript, as written in the code: `A[:, :, 1:4, 2:5]` or `Z[:, :, 1, 2]`.
/// Trailing axes left out are whole (`:`), as in NumPy.
public struct TensorSlice: Sendable, Equatable, CustomStringConvertible {
    public let name: String
    public let axes: [SubscriptAxis]

    public init(_ name: String, _ axes: [SubscriptAxis]) {
        self.name = name
        self.axes = axes
    }

    /// The whole tensor, written as its bare name.
    public static func whole(_ name: String) -> TensorSlice { TensorSlice(name, []) }

    public var description: String {
        axes.isEmpty ? name : "\(name)[\(axes.map(\.description).joined(separator: ", "))]"
    }

    /// Whether the element at `index` of a tensor of `shape` is selected: a screen uses this to
    /// mark the cells a step reads or writes (the window, the kept cells of a downsample).
    public func selects(_ index: [Int], shape: [Int]) -> Bool {
        index.indices.allSatisfy { a in a >= axes.count || axes[a].selects(index[a], extent: shape[a]) }
    }

    /// The NumPy basic slices for `Tensor.sliced`/`scattering`; an index is a length-1 range.
    var axisSlices: [AxisSlice] {
        axes.map {
            switch $0 {
            case .all: AxisSlice.all
            case .index(let i): AxisSlice(start: i, stop: i + 1)
            case .range(let s): s
            }
        }
    }

    /// The values this subscript selects from `tensor`, with indexed axes removed (NumPy's shape).
    func read(from tensor: Tensor) -> Tensor {
        let values = tensor.sliced(axisSlices)
        var shape: [Int] = []
        for (a, n) in values.shape.enumerated() {
            if a < axes.count, case .index = axes[a] { continue }
            shape.append(n)
        }
        return values.reshaped(shape)
    }
}

/// A tensor operand described by its axis names and sizes: `(N, C_in, K, K) = (2, 2, 3, 3)`.
public struct NamedShape: Sendable, Equatable, CustomStringConvertible {
    public let names: [String]
    public let sizes: [Int]

    public init(_ names: [String], _ sizes: [Int]) {
        precondition(names.count == sizes.count, "one name per axis")
        self.names = names
        self.sizes = sizes
    }

    public var description: String {
        "(\(names.joined(separator: ", "))) = (\(sizes.map(String.init).joined(separator: ", ")))"
    }
}

/// One `np.tensordot` with its operands named: `A[:, :, i:i+K, j:j+K] (N, C_in, K, K) = (2, 2, 3, 3)
/// ⊗ W (C_out, C_in, K, K) = (3, 2, 3, 3) over axes ([1, 2, 3], [1, 2, 3]) → (N, C_out) = (2, 3), + b`.
public struct Contraction: Sendable, Equatable, CustomStringConvertible {
    /// The left operand as written in the code (symbolic), e.g. `A[:, :, i:i+K, j:j+K]`.
    public let left: String
    public let leftShape: NamedShape
    public let right: String
    public let rightShape: NamedShape
    /// The contracted axes of each operand, as in `axes=([1, 2, 3], [1, 2, 3])`.
    public let axes: (left: [Int], right: [Int])
    public let resultShape: NamedShape
    /// The broadcast term added after the product (`b`), if any.
    public let added: String?

    public static func == (x: Contraction, y: Contraction) -> Bool {
        x.left == y.left && x.leftShape == y.leftShape && x.right == y.right && x.rightShape == y.rightShape
            && x.axes.left == y.axes.left && x.axes.right == y.axes.right && x.resultShape == y.resultShape
            && x.added == y.added
    }

    /// `axes=([1, 2, 3], [1, 2, 3])` as in the call.
    public var axesText: String { "([\(list(axes.left))], [\(list(axes.right))])" }

    public var description: String {
        "\(left) \(leftShape) ⊗ \(right) \(rightShape) over axes \(axesText) → \(resultShape)"
            + (added.map { ", + \($0)" } ?? "")
    }

    private func list(_ a: [Int]) -> String { a.map(String.init).joined(separator: ", ") }
}

/// Where one window's maximum is, for one (sample, channel): the flat index the argmax gives,
/// the `np.unravel_index(idx, (K, K))` tap, the input position it reads and the value.
public struct WindowPick: Sendable, Equatable {
    public let sample: Int
    public let channel: Int
    /// Row-major index in the K×K window, `window.reshape(N, C, K*K).argmax(axis=2)`.
    public let flatIndex: Int
    /// `np.unravel_index(flatIndex, (K, K))`: the (row, column) inside the window.
    public let tap: HW
    /// The input position `(i + p, j + q)`.
    public let input: HW
    /// The window maximum (forward) or the dLdZ value routed there (backward).
    public let value: Double
}

/// What one loop step computes from what it reads.
public enum LoopOperation: Sendable, Equatable {
    /// `np.tensordot(...)`, plus a bias when the contraction says so.
    case contraction(Contraction)
    /// `np.sum(x, axis=axes)`.
    case sum(axes: [Int])
    /// `window.max(axis=(2, 3))` with each (n, c)'s argmax and unravelled tap.
    case windowMax([WindowPick])
    /// `window.mean(axis=(2, 3))`: each (n, c)'s window sum, (N, C), over `divisor` = K·K cells.
    case windowMean(sums: Tensor, divisor: Int)
    /// Max-pool backward: each (n, c)'s dLdZ value added at its stored argmax position.
    case routeToArgmax([WindowPick])
    /// Mean-pool backward: dLdZ / `divisor` added to every cell of the window.
    case spreadMean(divisor: Int)
    /// Slicing, padding or cropping: values move unchanged.
    case copy
}

/// One iteration of a loop (or the single statement of a one-step stage), holding every value a
/// screen shows. `result` is written (`=`) or added (`+=`, when `accumulates`) at `writes`.
public struct LoopStep: Sendable, Equatable {
    /// 0-based step number within its stage.
    public let number: Int
    /// The loop variables' values (`i = 1, j = 2`); empty for a one-step stage.
    public let variables: [LoopVariable]
    /// Index into the stage's `code` of the statement this step runs.
    public let line: Int
    /// The subscripts read, with numbers (`A[:, :, 1:4, 2:5]`), and their values, in order.
    public let reads: [TensorSlice]
    public let operands: [Tensor]
    public let operation: LoopOperation
    /// The subscript written, with numbers (`Z[:, :, 1, 2]`).
    public let writes: TensorSlice
    public let accumulates: Bool
    /// The value written, in the shape NumPy gives `writes` (e.g. (N, C_out) for a column).
    public let result: Tensor

}
