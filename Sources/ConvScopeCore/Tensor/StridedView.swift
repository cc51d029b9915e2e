/// A strided window onto a row-major buffer: where element `index` of the view
/// lives is `base + Σ index[a]·strides[a]`.
///
/// Permutes, flips and strided slices are all views of this one kind, so a single
/// gather loop (and a single scatter loop) serves them all.
struct StridedView {
    var shape: [Int]
    var strides: [Int]
    var base: Int

    /// The view that shows a whole contiguous tensor of this shape.
    init(contiguous shape: [Int]) {
        self.shape = shape
        self.strides = Tensor.strides(of: shape)
        self.base = 0
    }

    init(shape: [Int], strides: [Int], base: Int) {
        self.shape = shape
        self.strides = strides
        self.base = base
    }

    var count: Int { Tensor.count(of: shape) }

    /// Calls `body(viewOffset, sourceOffset)` for every element, row-major over the view.
    /// The innermost axis runs as a tight loop; outer axes advance like an odometer.
    func forEachOffset(_ body: (Int, Int) -> Void) {
        let total = count
        if total == 0 { return }
        if shape.isEmpty {
            body(0, base)
            return
        }
        let last = shape.count - 1
        let innerCount = shape[last]
        let innerStride = strides[last]
        var counter = Array(repeating: 0, count: shape.count)
        var rowStart = base
        var viewOffset = 0
        while viewOffset < total {
            var source = rowStart
            for _ in 0..<innerCount {
                body(viewOffset, source)
                viewOffset &+= 1
                source &+= innerStride
            }
            // Advance the odometer over the outer axes.
            var axis = last - 1
            while axis >= 0 {
                counter[axis] += 1
                rowStart += strides[axis]
                if counter[axis] < shape[axis] { break }
                rowStart -= strides[axis] * shape[axis]
                counter[axis] = 0
                axis -= 1
            }
        }
    }
}

extension Tensor {
    /// Copies the elements a view selects into a new contiguous tensor.
    func gathering(_ view: StridedView) -> Tensor {
        var out = [Double](repeating: 0, count: view.count)
        scalars.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                view.forEachOffset { i, s in dst[i] = src[s] }
            }
        }
        return Tensor(shape: view.shape, scalars: out)
    }

    /// Writes (or, with `accumulate`, adds) `values` into the positions a view selects.
    mutating func scattering(_ values: Tensor, into view: StridedView, accumulate: Bool) {
        precondition(values.shape == view.shape, "cannot scatter \(values.shape) into \(view.shape)")
        values.scalars.withUnsafeBufferPointer { src in
            scalars.withUnsafeMutableBufferPointer { dst in
                if accumulate {
                    view.forEachOffset { i, d in dst[d] += src[i] }
                } else {
                    view.forEachOffset { i, d in dst[d] = src[i] }
                }
            }
        }
    }
}
