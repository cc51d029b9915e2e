import ConvScopeCore
import Terminal

extension ChannelWindow {
    /// The output maps `Z[n,o]` of the shown channels, `outputs` being sample n's `(C, H, W)`:
    /// cells made before step `current` done, the current one highlighted, later ones pending;
    /// the focused channel's map framed and kept in view around the current cell.
    func outputPanels(_ outputs: Tensor, grid: OutputGrid, current: Int, mode: MapView.Mode) -> [Panel] {
        let here = grid.position(ofStep: current)
        return shown.map { o -> Panel in
            let values = outputs.at([o])
            let map = MapView(
                rows: grid.rows, columns: grid.columns, value: { values[$0, $1] },
                mark: { r, q in
                    let cell = grid.step(n: here.n, c: o, i: r, j: q)
                    return cell == current ? .current : cell < current ? .done : .pending
                },
                mode: mode, focus: o == here.c ? (here.i...here.i, here.j...here.j) : (0...0, 0...0))
            return Panel(title: "Z\(Formatting.index([here.n, o]))", map: map, isActive: o == here.c)
        }
    }
}
