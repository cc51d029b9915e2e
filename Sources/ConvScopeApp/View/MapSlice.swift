import ConvScopeCore

/// The 2-d map of a tensor that holds a given element, and where the element sits in it:
/// `(N, F)` is one map, `(N, C, W)` shows sample n as C rows, `(N, C, H, W)` shows
/// channel c of sample n. The title names the map, e.g. `A[0,1]`.
struct MapSlice {
    let values: Tensor
    let cell: (row: Int, column: Int)
    let label: String

    init(_ name: String, _ tensor: Tensor, at index: [Int]) {
        switch tensor.rank {
        case 4:
            values = tensor.at([index[0], index[1]])
            cell = (index[2], index[3])
            label = name + Formatting.index([index[0], index[1]])
        case 3:
            values = tensor.at([index[0]])
            cell = (index[1], index[2])
            label = name + Formatting.index([index[0]])
        case 2:
            values = tensor
            cell = (index[0], index[1])
            label = name
        default:
            values = tensor.reshaped([1, tensor.count])
            cell = (0, tensor.count == 0 ? 0 : tensor.offset(of: index))
            label = name
        }
    }

    /// The step (row-major offset in the whole tensor) of a cell of this map.
    func step(in tensor: Tensor, row: Int, column: Int, of index: [Int]) -> Int {
        switch tensor.rank {
        case 4: tensor.offset(of: [index[0], index[1], row, column])
        case 3: tensor.offset(of: [index[0], row, column])
        case 2: tensor.offset(of: [row, column])
        default: column
        }
    }
}
