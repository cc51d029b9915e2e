import ConvScopeCore

/// An output-size formula written symbolically and with the numbers put in:
/// `W_out = (W_in + 2p − K)//s + 1 = (7 + 2·1 − 3)//2 + 1 = 4`.
public struct SizeFormula: Sendable, Equatable, CustomStringConvertible {
    /// The size named, e.g. `W_out`.
    public let name: String
    /// The right-hand side in symbols, e.g. `(W_in + 2p − K)//s + 1`.
    public let symbolic: String
    /// The right-hand side with numbers, e.g. `(7 + 2·1 − 3)//2 + 1`.
    public let numeric: String
    public let value: Int

    public var description: String { "\(name) = \(symbolic) = \(numeric) = \(value)" }

    /// A convolution's size on one axis (`W` or `H`): PyTorch's formula, with the dilation term
    /// only when d > 1, the padding term only when p > 0 and the stride only when s > 1.
    public static func conv(
        axis: String, input: Int, kernel: Int, stride: Int, padding: Int, dilation: Int
    ) -> SizeFormula {
        var symbols = "\(axis)_in"
        var numbers = "\(input)"
        if padding > 0 {
            symbols += " + 2p"
            numbers += " + 2·\(padding)"
        }
        if dilation > 1 {
            symbols += " − d(K − 1) − 1"
            numbers += " − \(dilation)·(\(kernel) − 1) − 1"
        } else {
            symbols += " − K"
            numbers += " − \(kernel)"
        }
        let reach = (kernel - 1) * dilation + 1
        let room = input + 2 * padding - reach
        let value = room < 0 ? 0 : room / stride + 1
        if stride > 1 {
            return SizeFormula(
                name: "\(axis)_out", symbolic: "(\(symbols))//s + 1",
                numeric: "(\(numbers))//\(stride) + 1", value: value)
        }
        return SizeFormula(name: "\(axis)_out", symbolic: "\(symbols) + 1", numeric: "\(numbers) + 1", value: value)
    }

    /// Pooling (no padding or dilation): `(W_in − K)//s + 1`.
    public static func pool(axis: String, input: Int, kernel: Int, stride: Int) -> SizeFormula {
        conv(axis: axis, input: input, kernel: kernel, stride: stride, padding: 0, dilation: 1)
    }

    /// Upsampling by k: `k(W_in − 1) + 1`.
    public static func upsample(axis: String, input: Int, factor: Int) -> SizeFormula {
        SizeFormula(
            name: "\(axis)_out", symbolic: "k(\(axis)_in − 1) + 1", numeric: "\(factor)·(\(input) − 1) + 1",
            value: Resampling.upsampledExtent(input, factor: factor))
    }

    /// Downsampling by k: `(W_in − 1)//k + 1`, that is ceil(W_in / k).
    public static func downsample(axis: String, input: Int, factor: Int) -> SizeFormula {
        SizeFormula(
            name: "\(axis)_out", symbolic: "(\(axis)_in − 1)//k + 1", numeric: "(\(input) − 1)//\(factor) + 1",
            value: Resampling.downsampledExtent(input, factor: factor))
    }

    /// The assignment's transposed convolution: `k(W_in − 1) + 1 − K + 1`.
    public static func convTranspose(axis: String, input: Int, kernel: Int, factor: Int) -> SizeFormula {
        SizeFormula(
            name: "\(axis)_out", symbolic: "k(\(axis)_in − 1) + 1 − K + 1",
            numeric: "\(factor)·(\(input) − 1) + 1 − \(kernel) + 1",
            value: max(Resampling.upsampledExtent(input, factor: factor) - kernel + 1, 0))
    }

    /// One formula per spatial axis (`H_out` then `W_out`; only `W_out` in 1-D).
    static func perAxis(_ space: LoopSpace, _ make: (String, KeyPath<HW, Int>) -> SizeFormula) -> [SizeFormula] {
        space.spatialAxes == 1 ? [make("W", \.w)] : [make("H", \.h), make("W", \.w)]
    }
}
