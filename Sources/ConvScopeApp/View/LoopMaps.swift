import ConvScopeCore
import Terminal
import Walkthroughs

/// The map panels of the loop walk's tensors, by how each is laid out: a batch `(N, C, …)`
/// shows sample n's channels in one column; a weight `(C_out, C_in, …)` one column per output
/// channel shown, one row per input channel (the slides' kernels); a matrix (a step's
/// `(N, C_out)` result) or a vector (dL/db) one map. 1-D data is drawn as one-row maps.
enum LoopMaps {
    enum Layout {
        case batch(sample: Int, channels: ChannelWindow)
        case weight(ChannelWindow, focus: Int, rows: ChannelWindow)
        case matrix
    }

    /// What each element shows at this step, by its full index in the tensor.
    typealias Marks = ([Int]) -> CellMark

    /// The columns of panels for `tensor`, named `name`, each map kept in view around `focus`
    /// (spatial rows and columns, e.g. the step's window).
    static func columns(
        _ tensor: Tensor, name: String, layout: Layout, mode: MapView.Mode, marks: @escaping Marks,
        focus: (rows: ClosedRange<Int>, columns: ClosedRange<Int>), active: Bool
    ) -> [[Panel]] {
        switch layout {
        case .matrix:
            let grid = tensor.rank == 2 ? tensor : tensor.reshaped([1, tensor.count])
            let flat = tensor.rank == 1
            let view = MapView(
                rows: grid.shape[0], columns: grid.shape[1], value: { grid[$0, $1] },
                mark: { r, c in marks(flat ? [c] : [r, c]) }, mode: mode)
            return [[Panel(title: name, map: view, isActive: active)]]
        case .batch(let sample, let channels):
            let maps = planes(tensor)
            var column = channels.shown.map { c in
                panel(
                    maps, name: name, lead: [sample, c], rank: tensor.rank, mode: mode, marks: marks, focus: focus,
                    active: active)
            }
            let more = channels.total - channels.shown.upperBound
            if more > 0 { column[column.count - 1].notes.append("+\(more) more") }
            return [column]
        case .weight(let window, let focused, let rows):
            let maps = planes(tensor)
            return window.shown.map { o in
                var column = rows.shown.map { c in
                    panel(
                        maps, name: name, lead: [o, c], rank: tensor.rank, mode: mode, marks: marks,
                        focus: (0...0, 0...0),
                        active: active && o == focused)
                }
                let more = rows.total - rows.shown.upperBound
                if more > 0 { column[column.count - 1].notes.append("+\(more) more") }
                return column
            }
        }
    }

    /// The channels of a batch tensor that fit `height` rows stacked, each map whole in `mode`,
    /// in a page holding `focus`.
    static func channelWindow(_ tensor: Tensor, focus: Int, mode: MapView.Mode, height: Int) -> ChannelWindow {
        let maps = planes(tensor)
        let total = maps.shape[1]
        let capacity = max(1, height / (MapView.lines(maps.shape[2], mode) + 2))
        return ChannelWindow(total: total, focus: ((focus % total) + total) % total, capacity: capacity)
    }

    /// `tensor` as (a, b, H, W): 1-D data gets a height of 1.
    static func planes(_ tensor: Tensor) -> Tensor {
        tensor.rank == 3 ? tensor.reshaped([tensor.shape[0], tensor.shape[1], 1, tensor.shape[2]]) : tensor
    }

    /// One `name[a,b]` map of a 4-d view; `rank` is the tensor's own, for the marks' indices.
    private static func panel(
        _ maps: Tensor, name: String, lead: [Int], rank: Int, mode: MapView.Mode,
        marks: @escaping Marks, focus: (rows: ClosedRange<Int>, columns: ClosedRange<Int>),
        active: Bool
    ) -> Panel {
        let plane = maps.at(lead)
        let view = MapView(
            rows: maps.shape[2], columns: maps.shape[3], value: { plane[$0, $1] },
            mark: { r, c in marks(lead + (rank == 3 ? [c] : [r, c])) }, mode: mode, focus: focus)
        return Panel(title: "\(name)\(Formatting.index(lead))", map: view, isActive: active)
    }

    /// The spatial rows and columns a subscript selects in a tensor of `shape`, to keep in view.
    static func extent(of slice: TensorSlice, shape: [Int]) -> (rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        func range(_ axis: Int) -> ClosedRange<Int> {
            let size = shape[axis]
            guard axis < slice.axes.count else { return 0...max(0, size - 1) }
            switch slice.axes[axis] {
            case .all: return 0...max(0, size - 1)
            case .index(let i): return i...i
            case .range(let s): return s.start...max(s.start, min(s.stop ?? size, size) - 1)
            }
        }
        let columns = range(shape.count - 1)
        return (shape.count == 4 ? range(2) : 0...0, columns)
    }
}
