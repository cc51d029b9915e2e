import ConvScopeCore

/// A stage of one statement that moves values unchanged from a subscript of its input to a
/// subscript of a fresh output: padding, cropping, upsampling, downsampling and their backwards.
/// Its single step reads `reads` from `input` and writes them at `writes` in zeros of the
/// output shape (so a downsample's `reads` marks the kept cells; the rest are dropped).
public struct SliceStage: LoopStage {
    public let title: String
    public let code: [String]
    public var header: String { "1 step" }
    public let input: Tensor
    public let start: Tensor
    public let output: Tensor
    /// What is read, e.g. `A[:, :, ::2, ::2]`, and where it goes, e.g. `Z` or `Z[:, :, ::2, ::2]`.
    public let reads: TensorSlice
    public let writes: TensorSlice
    /// The statement's index in `code`.
    let line: Int

    init(
        title: String, code: [String], line: Int, input: Tensor, outputShape: [Int], reads: TensorSlice,
        writes: TensorSlice
    ) {
        self.title = title
        self.code = code
        self.line = line
        self.input = input
        self.reads = reads
        self.writes = writes
        start = Tensor(shape: outputShape)
        output = Tensor(shape: outputShape).scattering(reads.read(from: input), at: writes.axisSlices)
    }

    public var stepCount: Int { 1 }

    public func step(_ number: Int) -> LoopStep {
        let values = reads.read(from: input)
        return LoopStep(
            number: number, variables: [], line: line, reads: [reads], operands: [values],
            operation: .copy, writes: writes, accumulates: false, result: values)
    }
}

/// dL/db in one statement: `dLdb = np.sum(dLdZ, axis=(0, 2, 3))`, (C_out,).
public struct BiasGradientStage: LoopStage {
    public var title: String { "dLdb: the sum over the batch and positions" }
    public let code: [String]
    public var header: String { "1 step" }
    public let input: Tensor
    public let start: Tensor
    public let output: Tensor
    /// The summed axes, `[0, 2, 3]` (2-D) or `[0, 2]` (1-D).
    public let axes: [Int]

    init(dLdZ: Tensor) {
        input = dLdZ
        axes = [0] + Array(2..<dLdZ.rank)
        code = ["dLdb = np.sum(dLdZ, axis=(\(axes.map(String.init).joined(separator: ", "))))"]
        start = Tensor(shape: [dLdZ.shape[1]])
        output = dLdZ.sum(axes: axes)
    }

    public var stepCount: Int { 1 }

    public func step(_ number: Int) -> LoopStep {
        LoopStep(
            number: number, variables: [], line: 0, reads: [.whole("dLdZ")], operands: [input],
            operation: .sum(axes: axes), writes: .whole("dLdb"), accumulates: false, result: output)
    }
}

extension SliceStage {
    /// `A_pad = np.pad(A, …)`: the input in zeros, `pad` cells wider on each side of each spatial axis.
    static func pad(_ A: Tensor, by pad: HW, space: LoopSpace) -> SliceStage {
        let size = space.size(A.shape)
        let padded = HW(size.h + 2 * pad.h, size.w + 2 * pad.w)
        return SliceStage(
            title: "Pad the input by \(space.text(pad)) with zeros",
            code: ["A_pad = np.pad(A, \(space.padWidths(pad)))"], line: 0, input: A,
            outputShape: space.shape(A.shape[0], A.shape[1], padded), reads: .whole("A"),
            writes: TensorSlice("A_pad", interior(size, pad, space)))
    }

    /// The backward of padding: `dLdA = dLdA_pad[:, :, p:p+H, p:p+W]` (never `[p:-p]`, empty when p = 0).
    static func crop(_ dLdApad: Tensor, by pad: HW, space: LoopSpace) -> SliceStage {
        let padded = space.size(dLdApad.shape)
        let size = HW(padded.h - 2 * pad.h, padded.w - 2 * pad.w)
        let read = TensorSlice("dLdA_pad", interior(size, pad, space))
        return SliceStage(
            title: "Crop the padding \(space.text(pad)) off dLdA", code: ["dLdA = \(read)"], line: 0,
            input: dLdApad, outputShape: space.shape(dLdApad.shape[0], dLdApad.shape[1], size),
            reads: read, writes: .whole("dLdA"))
    }

    /// Forward resampling by `k`: `Z[:, :, ::k] = A` into zeros (up) or `Z = A[:, :, ::k]` (down).
    static func resample(_ A: Tensor, up: Bool, factor k: Int, space: LoopSpace) -> SliceStage {
        let size = space.size(A.shape)
        let every = TensorSlice("", space.subscripts(.range(.every(k)), .range(.every(k))))
        let outSize = space.resized(size) {
            up ? Resampling.upsampledExtent($0, factor: k) : Resampling.downsampledExtent($0, factor: k)
        }
        let outShape = space.shape(A.shape[0], A.shape[1], outSize)
        let name = "\(up ? "Upsample" : "Downsample")\(space.spatialAxes)d(\(k))"
        if up {
            let writes = TensorSlice("Z", every.axes)
            return SliceStage(
                title: name,
                code: [
                    "Z = np.zeros((N, C, "
                        + "\(space.names(["k * (H_in - 1) + 1", "k * (W_in - 1) + 1"]).joined(separator: ", "))))",
                    "\(writes) = A",
                ],
                line: 1, input: A, outputShape: outShape, reads: .whole("A"), writes: writes)
        }
        let reads = TensorSlice("A", every.axes)
        return SliceStage(
            title: name,
            code: [
                "\(space.names(["self.H_in", "self.W_in"]).joined(separator: ", ")) = "
                    + "\(space.names(["A.shape[2]", "A.shape[\(space.spatialAxes + 1)]"]).joined(separator: ", "))",
                "Z = \(reads)",
            ],
            line: 1, input: A, outputShape: outShape, reads: reads, writes: .whole("Z"))
    }

    /// Backward resampling by `k`: `dLdA = dLdZ[:, :, ::k]` (up) or zeros of the remembered input
    /// size with `dLdA[:, :, ::k] = dLdZ` (down).
    static func resampleBackward(_ dLdZ: Tensor, up: Bool, factor k: Int, inputSize: HW, space: LoopSpace) -> SliceStage
    {
        let every = space.subscripts(.range(.every(k)), .range(.every(k)))
        let outShape = space.shape(dLdZ.shape[0], dLdZ.shape[1], inputSize)
        let name = "\(up ? "Upsample" : "Downsample")\(space.spatialAxes)d(\(k)) backward"
        if up {
            let reads = TensorSlice("dLdZ", every)
            return SliceStage(
                title: name, code: ["dLdA = \(reads)"], line: 0, input: dLdZ, outputShape: outShape,
                reads: reads, writes: .whole("dLdA"))
        }
        let writes = TensorSlice("dLdA", every)
        return SliceStage(
            title: name,
            code: [
                "dLdA = np.zeros((N, C, \(space.names(["self.H_in", "self.W_in"]).joined(separator: ", "))))",
                "\(writes) = dLdZ",
            ],
            line: 1, input: dLdZ, outputShape: outShape, reads: .whole("dLdZ"), writes: writes)
    }

    /// `[:, :, p:p+H, p:p+W]`: the unpadded interior of a padded map.
    private static func interior(_ size: HW, _ pad: HW, _ space: LoopSpace) -> [SubscriptAxis] {
        space.subscripts(
            .range(AxisSlice(start: pad.h, stop: pad.h + size.h)),
            .range(AxisSlice(start: pad.w, stop: pad.w + size.w)))
    }
}
