/// A cell that differs between two frames.
public struct CellChange: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cell: Cell

    public init(x: Int, y: Int, cell: Cell) {
        self.x = x
        self.y = y
        self.cell = cell
    }
}

extension Buffer {
    /// The cells of `self` that differ from `previous`, row by row. When the sizes differ
    /// every cell is reported, since the terminal has to be redrawn from scratch.
    public func diff(from previous: Buffer) -> [CellChange] {
        let sameSize = previous.size == size
        var changes: [CellChange] = []
        for y in 0..<height {
            let old = sameSize ? Array(previous.row(y)) : []
            for (x, cell) in row(y).enumerated() where !sameSize || old[x] != cell {
                changes.append(CellChange(x: x, y: y, cell: cell))
            }
        }
        return changes
    }
}
