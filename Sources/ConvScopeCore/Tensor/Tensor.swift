/// An n-dimensional array of `Double` in row-major (C) order.
///
/// The one value type every layer, file reader and screen passes around. Shapes
/// follow NumPy: `[]` is a scalar, `[N, C, W]` is a batch of 1-D signals and
/// `[N, C, H, W]` a batch of 2-D maps.
public struct Tensor: Sendable, Equatable, CustomStringConvertible {
    /// Extent of every axis, outermost first.
    public private(set) var shape: [Int]
    /// The elements in row-major order; `scalars.count == shape.product`.
    public var scalars: [Double]

    /// Wraps existing storage; the count must match the shape.
    public init(shape: [Int], scalars: [Double]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative extent in shape \(shape)")
        precondition(
            scalars.count == Tensor.count(of: shape),
            "\(scalars.count) scalars cannot fill shape \(shape)")
        self.shape = shape
        self.scalars = scalars
    }

    /// A tensor of the given shape filled with one value (zeros by default).
    public init(shape: [Int], repeating value: Double = 0) {
        self.init(shape: shape, scalars: Array(repeating: value, count: Tensor.count(of: shape)))
    }

    /// A tensor whose element at flat (row-major) offset `i` is `body(i)`.
    public init(shape: [Int], generating body: (Int) -> Double) {
        self.init(shape: shape, scalars: (0..<Tensor.count(of: shape)).map(body))
    }

    /// A 0-d tensor holding one number.
    public init(scalar: Double) {
        self.init(shape: [], scalars: [scalar])
    }

    /// A 1-d tensor of the given values.
    public init(_ values: [Double]) {
        self.init(shape: [values.count], scalars: values)
    }

    /// Number of axes.
    public var rank: Int { shape.count }

    /// Number of elements.
    public var count: Int { scalars.count }

    /// Row-major strides, in elements.
    public var strides: [Int] { Tensor.strides(of: shape) }

    /// The product of the extents: how many elements a shape holds.
    public static func count(of shape: [Int]) -> Int {
        shape.reduce(1, *)
    }

    /// Row-major strides of a shape, in elements.
    public static func strides(of shape: [Int]) -> [Int] {
        var strides = Array(repeating: 1, count: shape.count)
        var step = 1
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[axis] = step
            step *= shape[axis]
        }
        return strides
    }

    /// Flat offset of a multi-index.
    public func offset(of index: [Int]) -> Int {
        precondition(index.count == shape.count, "index \(index) does not match shape \(shape)")
        var offset = 0
        for axis in 0..<shape.count {
            precondition(
                index[axis] >= 0 && index[axis] < shape[axis],
                "index \(index) out of range for shape \(shape)")
            offset = offset * shape[axis] + index[axis]
        }
        return offset
    }

    /// The multi-index of a flat offset.
    public func index(ofOffset offset: Int) -> [Int] {
        var rest = offset
        var index = Array(repeating: 0, count: shape.count)
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            index[axis] = rest % shape[axis]
            rest /= shape[axis]
        }
        return index
    }

    /// Element access by multi-index, e.g. `t[n, c, h, w]`.
    public subscript(_ index: Int...) -> Double {
        get { scalars[offset(of: index)] }
        set { scalars[offset(of: index)] = newValue }
    }

    /// Element access by an index array.
    public subscript(index index: [Int]) -> Double {
        get { scalars[offset(of: index)] }
        set { scalars[offset(of: index)] = newValue }
    }

    /// The single value of a tensor with one element.
    public var scalar: Double {
        precondition(count == 1, "tensor of shape \(shape) is not a scalar")
        return scalars[0]
    }

    public var description: String {
        "Tensor(shape: \(shape), \(scalars.prefix(8).map { "\($0)" }.joined(separator: ", "))\(count > 8 ? ", …" : ""))"
    }
}
