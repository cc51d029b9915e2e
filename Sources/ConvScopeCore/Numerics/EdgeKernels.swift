/// Prewitt-style edge detectors of any size K, the demo's kernels at every kernel size:
/// channel 0 answers vertical edges (`W[0,0,i,j] = sign((K−1)/2 − j)`: +1 on the left
/// half, −1 on the right, 0 on an odd K's middle column), channel 1 horizontal ones (its
/// transpose). Each row of the vertical kernel sums to 0 and is antisymmetric, so a flat
/// region gives 0 and only a change of brightness across the window answers. K = 3 is the
/// classic `[[1, 0, −1], …]` pair.
public enum EdgeKernels {
    /// `(2, 1, K, K)`: the vertical then the horizontal detector of size `size` (≥ 1).
    public static func pair(size: Int) -> Tensor {
        let middle = Double(size - 1) / 2
        let step = (0..<size).map { j -> Double in
            let offset = middle - Double(j)
            return offset > 0 ? 1 : offset < 0 ? -1 : 0
        }
        let vertical = (0..<size).flatMap { _ in step }
        let horizontal = step.flatMap { value in Array(repeating: value, count: size) }
        return Tensor(shape: [2, 1, size, size], scalars: vertical + horizontal)
    }
}
