/// One axis of a NumPy-style basic slice `start:stop:step` (positive step only).
public struct AxisSlice: Sendable, Equatable {
    public var start: Int
    public var stop: Int?
    public var step: Int

    /// `start:stop:step`; a `nil` stop means "to the end".
    public init(start: Int = 0, stop: Int? = nil, step: Int = 1) {
        precondition(step > 0, "slice step must be positive")
        precondition(start >= 0, "slice start must be non-negative")
        self.start = start
        self.stop = stop
        self.step = step
    }

    /// The whole axis, `:`.
    public static let all = AxisSlice()

    /// Every k-th element from the first, `::k`.
    public static func every(_ k: Int) -> AxisSlice { AxisSlice(step: k) }

    /// How many elements this slice selects from an axis of the given extent.
    public func count(inExtent extent: Int) -> Int {
        let end = min(stop ?? extent, extent)
        return end <= start ? 0 : (end - start - 1) / step + 1
    }
}

extension Tensor {
    /// The same elements under a new shape with the same count (row-major, like `np.reshape`).
    public func reshaped(_ newShape: [Int]) -> Tensor {
        Tensor(shape: newShape, scalars: scalars)
    }

    /// Reorders the axes: result axis `i` is this tensor's axis `axes[i]` (`np.transpose(a, axes)`).
    public func permuted(_ axes: [Int]) -> Tensor {
        precondition(axes.sorted() == Array(0..<rank), "\(axes) is not a permutation of \(rank) axes")
        let sourceStrides = strides
        let view = StridedView(
            shape: axes.map { shape[$0] },
            strides: axes.map { sourceStrides[$0] },
            base: 0)
        return gathering(view)
    }

    /// Reverses the order of the axes (`a.T`).
    public func transposed() -> Tensor {
        permuted(Array((0..<rank).reversed()))
    }

    /// Reverses the given axes (`np.flip(a, axes)`).
    public func flipped(axes: [Int]) -> Tensor {
        var view = StridedView(contiguous: shape)
        for axis in Set(axes) where shape[axis] > 0 {
            view.base += (shape[axis] - 1) * view.strides[axis]
            view.strides[axis] = -view.strides[axis]
        }
        return gathering(view)
    }

    /// The view that a list of per-axis slices selects; missing trailing axes are whole.
    private func view(of slices: [AxisSlice]) -> StridedView {
        precondition(slices.count <= rank, "\(slices.count) slices for a rank-\(rank) tensor")
        var view = StridedView(contiguous: shape)
        for (axis, slice) in slices.enumerated() {
            view.base += min(slice.start, shape[axis]) * view.strides[axis]
            view.shape[axis] = slice.count(inExtent: shape[axis])
            view.strides[axis] *= slice.step
        }
        return view
    }

    /// Strided slicing, `a[s0, s1, …]` with basic slices.
    public func sliced(_ slices: [AxisSlice]) -> Tensor {
        gathering(view(of: slices))
    }

    /// A copy with `values` written at the positions `slices` select (`a[s] = values`).
    /// Consuming, so a temporary (like a fresh zero tensor) is written in place, not copied.
    public consuming func scattering(_ values: Tensor, at slices: [AxisSlice]) -> Tensor {
        let target = view(of: slices)
        var out = self
        out.scattering(values, into: target, accumulate: false)
        return out
    }

    /// Adds `values` into the positions `slices` select (`a[s] += values`).
    public mutating func add(_ values: Tensor, at slices: [AxisSlice]) {
        scattering(values, into: view(of: slices), accumulate: true)
    }

    /// Zero padding: `padding[a] = (before, after)` on axis `a`; missing trailing axes are unpadded.
    public func padded(_ padding: [(before: Int, after: Int)]) -> Tensor {
        precondition(padding.count <= rank, "padding for \(padding.count) axes of a rank-\(rank) tensor")
        precondition(padding.allSatisfy { $0.before >= 0 && $0.after >= 0 }, "negative padding")
        if padding.allSatisfy({ $0.before == 0 && $0.after == 0 }) { return self }
        var newShape = shape
        var slices: [AxisSlice] = []
        for (axis, pad) in padding.enumerated() {
            newShape[axis] = shape[axis] + pad.before + pad.after
            slices.append(AxisSlice(start: pad.before, stop: pad.before + shape[axis]))
        }
        return Tensor(shape: newShape).scattering(self, at: slices)
    }

    /// The inverse of `padded`: drops `(before, after)` elements from each axis.
    public func cropped(_ padding: [(before: Int, after: Int)]) -> Tensor {
        if padding.allSatisfy({ $0.before == 0 && $0.after == 0 }) { return self }
        let slices = padding.enumerated().map { axis, pad in
            AxisSlice(start: pad.before, stop: shape[axis] - pad.after)
        }
        return sliced(slices)
    }
}
