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

    /// Calls `body(viewOffset, sourceOffset)` once per innermost row, row-major over the
    /// view: the row's elements are at `viewOffset + j` and `sourceOffset + j·innerStride`
    /// for `j < innerCount`. The outer axes advance like an odometer.
    func forEachRow(_ body: (_ viewOffset: Int, _ sourceOffset: Int) -> Void) {
        let total = count
        if total == 0 { return }
        if shape.isEmpty {
            body(0, base)
            return
        }
        let last = shape.count - 1
        var counter = Array(repeating: 0, count: shape.count)
        var rowStart = base
        var viewOffset = 0
        while viewOffset < total {
            body(viewOffset, rowStart)
            viewOffset &+= innerCount
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

    /// Elements per innermost row (1 for a 0-d view).
    var innerCount: Int { shape.last ?? 1 }

    /// The source step between neighbours in a row.
    var innerStride: Int { strides.last ?? 1 }
}

extension Tensor {
    /// Copies the elements a view selects into a new contiguous tensor.
    func gathering(_ view: StridedView) -> Tensor {
        guard view.count > 0 else { return Tensor(shape: view.shape, scalars: []) }
        let (inner, step) = (view.innerCount, view.innerStride)
        let out = [Double](unsafeUninitializedCapacity: view.count) { dst, initialized in
            scalars.withUnsafeBufferPointer { srcBuffer in
                let (src, to) = (srcBuffer.baseAddress!, dst.baseAddress!)
                view.forEachRow { v, s in
                    for j in 0..<inner { (to + (v &+ j)).initialize(to: src[s &+ j &* step]) }
                }
            }
            initialized = view.count
        }
        return Tensor(shape: view.shape, scalars: out)
    }

    /// Writes (or, with `accumulate`, adds) `values` into the positions a view selects.
    mutating func scattering(_ values: Tensor, into view: StridedView, accumulate: Bool) {
        precondition(values.shape == view.shape, "cannot scatter \(values.shape) into \(view.shape)")
        let (inner, step) = (view.innerCount, view.innerStride)
        values.scalars.withUnsafeBufferPointer { srcBuffer in
            scalars.withUnsafeMutableBufferPointer { dstBuffer in
                guard let src = srcBuffer.baseAddress, let dst = dstBuffer.baseAddress else { return }
                view.forEachRow { v, d in
                    if accumulate {
                        for j in 0..<inner { dst[d &+ j &* step] += src[v &+ j] }
                    } else {
                        for j in 0..<inner { dst[d &+ j &* step] = src[v &+ j] }
                    }
                }
            }
        }
    }
}
