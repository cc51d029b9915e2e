/// A (height, width) pair: a kernel size, stride, padding, dilation or map size.
/// 1-D layers use `h = 1` (and padding 0, stride 1 on h), so 1-D and 2-D share all code.
public struct HW: Sendable, Hashable, CustomStringConvertible {
    public var h: Int
    public var w: Int

    public init(_ h: Int, _ w: Int) {
        self.h = h
        self.w = w
    }

    /// The same value on both axes.
    public init(square n: Int) {
        self.init(n, n)
    }

    public var description: String { h == w ? "\(h)" : "(\(h), \(w))" }
}

/// The shape arithmetic of one convolution or pooling window: kernel, stride, zero
/// padding and dilation on each spatial axis. It answers every "where" question the
/// layers and the visualizer ask, so that they all agree.
public struct ConvGeometry: Sendable, Hashable {
    public var kernel: HW
    public var stride: HW
    public var padding: HW
    public var dilation: HW

    public init(kernel: HW, stride: HW = HW(square: 1), padding: HW = HW(square: 0), dilation: HW = HW(square: 1)) {
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
    }

    /// `(K−1)·d + 1`: how far one window reaches on each axis.
    public var effectiveKernel: HW {
        HW((kernel.h - 1) * dilation.h + 1, (kernel.w - 1) * dilation.w + 1)
    }

    /// `(H + 2p − d(K−1) − 1)//s + 1` on each axis (PyTorch's formula). Zero or negative
    /// when the window does not fit the padded input.
    public func outputSize(forInput input: HW) -> HW {
        func extent(_ n: Int, _ p: Int, _ reach: Int, _ s: Int) -> Int {
            let room = n + 2 * p - reach
            return room < 0 ? 0 : room / s + 1
        }
        return HW(
            extent(input.h, padding.h, effectiveKernel.h, stride.h),
            extent(input.w, padding.w, effectiveKernel.w, stride.w))
    }

    /// The padded input size, `H + 2p`.
    public func paddedSize(forInput input: HW) -> HW {
        HW(input.h + 2 * padding.h, input.w + 2 * padding.w)
    }

    /// The trailing rows and columns of the padded input that no window reaches, because
    /// the stride does not divide what is left after the first window:
    /// `(H + 2p − d(K−1) − 1) mod s` on each axis (0 when the window does not fit).
    public func unreachedExtent(forInput input: HW) -> HW {
        let padded = paddedSize(forInput: input)
        let reach = effectiveKernel
        func rest(_ n: Int, _ k: Int, _ s: Int) -> Int { n < k ? 0 : (n - k) % s }
        return HW(rest(padded.h, reach.h, stride.h), rest(padded.w, reach.w, stride.w))
    }

    /// Checks the settings and the input size, throwing the first problem; `axes` 1 states
    /// it in widths only, and `pooling` says the window belongs to a pooling layer (which has
    /// no dilation or padding to change).
    public func validate(input: HW, axes: Int = 2, pooling: Bool = false) throws {
        let settings = [
            ("kernel", kernel, 1), ("stride", stride, 1), ("dilation", dilation, 1), ("padding", padding, 0),
        ]
        for (name, value, least) in settings
        where value.h < least || value.w < least {
            throw LayerError.invalidSetting(name: name, value: value, least: least, axes: axes)
        }
        let padded = paddedSize(forInput: input)
        let reach = effectiveKernel
        if reach.h > padded.h || reach.w > padded.w {
            throw LayerError.windowTooLarge(
                kernel: kernel, dilation: dilation, padded: padded, axes: axes,
                pooling: pooling)
        }
    }

    /// The padded-input position of tap `(p, q)` of the window of output `(i, j)`.
    public func paddedPosition(output: HW, tap: HW) -> HW {
        HW(output.h * stride.h + tap.h * dilation.h, output.w * stride.w + tap.w * dilation.w)
    }

    /// The output position whose tap `tap` lands on padded position `padded`, if one does
    /// among `outputSize` (the inverse of `paddedPosition(output:tap:)`): which padded cells a
    /// dL/dW tap reads, without listing every term.
    public func output(readingPadded padded: HW, tap: HW, outputSize: HW) -> HW? {
        let (h, w) = (padded.h - tap.h * dilation.h, padded.w - tap.w * dilation.w)
        guard h >= 0, w >= 0, h % stride.h == 0, w % stride.w == 0 else { return nil }
        let output = HW(h / stride.h, w / stride.w)
        return output.h < outputSize.h && output.w < outputSize.w ? output : nil
    }

    /// The padded-input rows and columns output `(i, j)`'s window spans, first tap to last:
    /// `i·s … i·s + d(K−1)` on each axis (for pooling, padding 0, these are input rows).
    public func windowExtent(ofOutput output: HW) -> (rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        let reach = effectiveKernel
        return (
            (output.h * stride.h)...(output.h * stride.h + reach.h - 1),
            (output.w * stride.w)...(output.w * stride.w + reach.w - 1)
        )
    }

    /// Every tap of output `(i, j)`'s window, row-major over the kernel: the kernel tap and
    /// the input position it reads (in unpadded coordinates; outside the input means padding).
    public func window(ofOutput output: HW) -> [(tap: HW, input: HW)] {
        var taps: [(tap: HW, input: HW)] = []
        taps.reserveCapacity(kernel.h * kernel.w)
        for p in 0..<kernel.h {
            for q in 0..<kernel.w {
                let padded = paddedPosition(output: output, tap: HW(p, q))
                taps.append((HW(p, q), HW(padded.h - padding.h, padded.w - padding.w)))
            }
        }
        return taps
    }

    /// Every output whose window reads input `(h, w)`, with the kernel tap it goes through,
    /// row-major over outputs.
    public func outputsReading(input: HW, inputSize: HW) -> [(output: HW, tap: HW)] {
        let out = outputSize(forInput: inputSize)
        var found: [(output: HW, tap: HW)] = []
        let padded = HW(input.h + padding.h, input.w + padding.w)
        for i in 0..<max(out.h, 0) {
            let dh = padded.h - i * stride.h
            guard dh >= 0, dh % dilation.h == 0, dh / dilation.h < kernel.h else { continue }
            for j in 0..<max(out.w, 0) {
                let dw = padded.w - j * stride.w
                guard dw >= 0, dw % dilation.w == 0, dw / dilation.w < kernel.w else { continue }
                found.append((HW(i, j), HW(dh / dilation.h, dw / dilation.w)))
            }
        }
        return found
    }

    /// Whether an unpadded position lies inside an input of the given size (else it is padding).
    public static func isInside(_ position: HW, _ size: HW) -> Bool {
        position.h >= 0 && position.h < size.h && position.w >= 0 && position.w < size.w
    }
}
