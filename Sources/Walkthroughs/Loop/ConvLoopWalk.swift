import ConvScopeCore

/// The homework's Conv1d/Conv2d as loop walks: pad → the stride-1 layer's loop → downsample,
/// and backward in reverse. Built from tensors and a `ConvGeometry` (kernel, stride, padding,
/// dilation; 1-D data uses the geometry's `w` components), never from a live layer.
extension LoopWalk {
    /// Forward: `A` (N, C_in, [H,] W), `weight` (C_out, C_in, [kH,] kW), `bias` (C_out,).
    /// Stages: pad (when p > 0), the stride-1 loop on the padded input (its whole Z), downsample
    /// (when s > 1). Its output equals the layer's forward output.
    public static func convForward(
        input A: Tensor, weight: Tensor, bias: Tensor, geometry: ConvGeometry
    ) throws -> LoopWalk {
        let conv = try ConvLoopShapes(input: A, weight: weight, geometry: geometry)
        var stages: [any LoopStage] = []
        var x = A
        if conv.hasPadding {
            let pad = SliceStage.pad(A, by: conv.geometry.padding, space: conv.space)
            stages.append(pad)
            x = pad.output
        }
        let core = try conv.forwardLoop(x, weight, bias)
        stages.append(core)
        if conv.hasStride {
            stages.append(SliceStage.resample(core.output, up: false, factor: conv.stride, space: conv.space))
        }
        return LoopWalk(title: conv.title, formulas: conv.formulas, stages: stages)
    }

    /// Backward for one gradient, the stages in the order backward runs them: the downsample's
    /// backward (when s > 1) scatters `dLdZ` into zeros of the stride-1 output size, then the
    /// stride-1 loop for `gradient`, then (dL/dA with p > 0) the crop of the padding.
    public static func convBackward(
        _ gradient: Pass, input A: Tensor, weight: Tensor, geometry: ConvGeometry,
        dLdZ: Tensor
    ) throws -> LoopWalk {
        let conv = try ConvLoopShapes(input: A, weight: weight, geometry: geometry)
        try conv.requireUpstream(dLdZ)
        var stages: [any LoopStage] = []
        var g = dLdZ
        if conv.hasStride {
            let scatter = SliceStage.resampleBackward(
                dLdZ, up: false, factor: conv.stride, inputSize: conv.coreOutput,
                space: conv.space)
            stages.append(scatter)
            g = scatter.output
        }
        let padded = A.padded(conv.space.padding(conv.geometry.padding))
        switch gradient {
        case .forward:
            throw LayerError("the forward pass is not a gradient: walk it with the forward loop")
        case .dLdb:
            stages.append(BiasGradientStage(dLdZ: g))
        case .dLdW:
            stages.append(try conv.weightGradientLoop(padded, g, weight))
        case .dLdA, .taught:
            let loop = try conv.inputGradientLoop(padded, g, weight)
            stages.append(loop)
            if conv.hasPadding {
                stages.append(SliceStage.crop(loop.output, by: conv.geometry.padding, space: conv.space))
            }
        }
        return LoopWalk(title: conv.title, formulas: conv.formulas, stages: stages)
    }
}

/// The checked shapes of one convolution and the stride-1 loops over them.
struct ConvLoopShapes {
    let space: LoopSpace
    let geometry: ConvGeometry
    let inputShape: [Int]
    let weightShape: [Int]
    /// The padded input's and the stride-1 output's spatial sizes.
    let padded: HW
    let coreOutput: HW

    init(input A: Tensor, weight: Tensor, geometry given: ConvGeometry) throws {
        space = try LoopSpace(rank: A.rank)
        // 1-D data reads only the `w` components (as `Conv1d` builds its geometry).
        let geometry =
            space.spatialAxes == 2
            ? given
            : ConvGeometry(
                kernel: HW(1, given.kernel.w), stride: HW(1, given.stride.w),
                padding: HW(0, given.padding.w), dilation: HW(1, given.dilation.w))
        guard geometry.stride.h == geometry.stride.w || space.spatialAxes == 1 else {
            throw LayerError(
                "stride \(geometry.stride) differs per axis but the homework's Downsample2d has one "
                    + "factor: use one stride for both axes")
        }
        guard weight.rank == A.rank else {
            throw LayerError(
                "W has shape \(weight.shape) but A \(A.shape) needs W of rank \(A.rank): (C_out, C_in, kernel…)")
        }
        guard weight.shape[1] == A.shape[1] else {
            throw LayerError(
                "W has C_in = \(weight.shape[1]) but A has \(A.shape[1]) channels: give W \(A.shape[1]) input channels")
        }
        let kernel = space.size(weight.shape)
        guard kernel == geometry.kernel else {
            throw LayerError(
                "W's kernel \(space.text(kernel)) differs from the geometry's \(space.text(geometry.kernel)): "
                    + "pass W's kernel in the geometry")
        }
        try geometry.validate(input: space.size(A.shape))
        self.geometry = geometry
        inputShape = A.shape
        weightShape = weight.shape
        padded = geometry.paddedSize(forInput: space.size(A.shape))
        let reach = geometry.effectiveKernel
        coreOutput = HW(padded.h - reach.h + 1, padded.w - reach.w + 1)
    }

    var hasPadding: Bool { geometry.padding != HW(0, 0) }
    var hasStride: Bool { geometry.stride != HW(1, 1) }
    /// The homework's layers stride both axes alike; `w` is the 1-D stride.
    var stride: Int { geometry.stride.w }
    var kernelNames: [String] { space.kernelNames(geometry.kernel) }

    var title: String {
        "Conv\(space.spatialAxes)d(kernel \(space.text(geometry.kernel)), stride \(space.text(geometry.stride)), "
            + "padding \(space.text(geometry.padding))"
            + (geometry.dilation == HW(1, 1) ? ")" : ", dilation \(space.text(geometry.dilation)))")
    }

    var formulas: [SizeFormula] {
        let input = space.size(inputShape)
        return SizeFormula.perAxis(space) { axis, c in
            .conv(
                axis: axis, input: input[keyPath: c], kernel: geometry.kernel[keyPath: c],
                stride: geometry.stride[keyPath: c],
                padding: geometry.padding[keyPath: c], dilation: geometry.dilation[keyPath: c])
        }
    }

    /// The stride-1 layer the loops walk, from the library: the kernel and dilation, no stride
    /// and no padding (its input is the padded input).
    private func core(_ weight: Tensor, _ bias: Tensor) -> ConvFunction {
        ConvFunction(
            inChannels: weightShape[1], outChannels: weightShape[0], spatialAxes: space.spatialAxes,
            geometry: ConvGeometry(kernel: geometry.kernel, dilation: geometry.dilation), W: weight, b: bias)
    }

    /// The stride-1 layer's gradients for upstream `g` on the padded input `x`, from the library.
    private func coreGradients(_ x: Tensor, _ g: Tensor, _ weight: Tensor) throws -> ParameterGradients {
        let layer = core(weight, Tensor(shape: [weightShape[0]]))
        return try layer.backward(layer.forward(x).record, g)
    }

    /// The stride-1 layer's sizes on `x`, the padded input: `W_out = W_in − K + 1`.
    private func coreFormulas(_ x: Tensor) -> [SizeFormula] {
        let input = space.size(x.shape)
        return SizeFormula.perAxis(space) { axis, c in
            .conv(
                axis: axis, input: input[keyPath: c], kernel: geometry.kernel[keyPath: c], stride: 1, padding: 0,
                dilation: geometry.dilation[keyPath: c])
        }
    }

    func requireUpstream(_ dLdZ: Tensor) throws {
        let out = geometry.outputSize(forInput: space.size(inputShape))
        let expected = space.shape(inputShape[0], weightShape[0], out)
        guard dLdZ.shape == expected else {
            throw LayerError("dLdZ has shape \(dLdZ.shape) but the layer's output is \(expected): give dLdZ that shape")
        }
    }

    /// `i:i+K` (or `i:i+(K-1)*d+1:d` when dilated) for each loop variable; `start` writes the
    /// window's first index from the variable, `extent` replaces the kernel span.
    private func window(
        _ vars: [String], _ start: (String) -> String = { $0 },
        extent: [String]? = nil
    ) -> [String] {
        let dilations = space.names(["\(geometry.dilation.h)", "\(geometry.dilation.w)"])
        return zip(space.names(vars), kernelNames).enumerated().map { a, pair in
            let (v, k) = pair
            let from = start(v)
            if let extent { return "\(from):\(from)+\(extent[a])" }
            return dilations[a] == "1" ? "\(from):\(from)+\(k)" : "\(from):\(from)+(\(k)-1)*d+1:d"
        }
    }

    private func subscripted(_ name: String, _ axes: [String]) -> String {
        "\(name)[:, :, \(axes.joined(separator: ", "))]"
    }
    private var kernelAxes: [Int] { Array(2..<(2 + space.spatialAxes)) }
    private func axesList(_ a: [Int]) -> String { a.map(String.init).joined(separator: ", ") }

    /// The stride-1 forward loop on `x` (the padded input).
    func forwardLoop(_ x: Tensor, _ weight: Tensor, _ bias: Tensor) throws -> TensordotLoop {
        let vars = space.spatialAxes == 1 ? ["w", "w"] : ["i", "j"]
        let bounds = space.names(["H_out", "W_out"])
        let contracted = [1] + kernelAxes
        let windowText = subscripted("A", window(vars))
        let body =
            subscripted("Z", space.names(vars)) + " = np.tensordot(\(windowText), W, axes=([\(axesList(contracted))], "
            + "[\(axesList(contracted))])) + b"
        let code =
            ["Z = np.zeros((N, C_out, \(bounds.joined(separator: ", "))))"] + space.loopLines(vars, ["H_out", "W_out"])
            + [space.bodyIndent + body]
        let plan = TensordotPlan(
            space: space, loopNames: vars, grid: coreOutput, line: code.count - 1, slicedName: "A", outName: "Z",
            offsetScale: HW(1, 1), extent: geometry.effectiveKernel, step: geometry.dilation,
            slicedIsLeft: true, slicedAxes: contracted, fixedAxes: contracted,
            slicedSymbol: windowText, fixedSymbol: "W", slicedNames: ["N", "C_in"] + kernelNames,
            fixedNames: ["C_out", "C_in"] + kernelNames, resultNames: ["N", "C_out"], added: "b")
        return TensordotLoop(
            title: "Conv\(space.spatialAxes)d_stride1" + (hasPadding ? " on the padded input" : ""),
            code: code, header: space.header(["H_out", "W_out"], grid: coreOutput), input: x, fixed: weight,
            bias: bias, output: try core(weight, bias).forward(x).output, plan: plan,
            inputMargin: geometry.padding, formulas: hasPadding || hasStride ? coreFormulas(x) : [])
    }

    /// dL/dW, one step per kernel tap: `dLdW[:, :, p, q] = tensordot(dLdZ, A[:, :, p:p+H_out, q:q+W_out], …)`
    /// with `x` the padded input and `g` the stride-1 dLdZ.
    func weightGradientLoop(_ x: Tensor, _ g: Tensor, _ weight: Tensor) throws -> TensordotLoop {
        let vars = space.spatialAxes == 1 ? ["k", "k"] : ["p", "q"]
        let kernel = geometry.kernel
        let d = geometry.dilation
        let summed = [0] + kernelAxes
        let windowText = subscripted(
            "A",
            window(
                vars, { d == HW(1, 1) ? $0 : "\($0)*d" },
                extent: space.names(["H_out", "W_out"])))
        let body =
            subscripted("dLdW", space.names(vars))
            + " = np.tensordot(dLdZ, \(windowText), axes=([\(axesList(summed))], "
            + "[\(axesList(summed))]))"
        let bounds = space.spatialAxes == 2 && kernel.h != kernel.w ? ["kH", "kW"] : ["K", "K"]
        let code = ["dLdW = np.zeros(W.shape)"] + space.loopLines(vars, bounds) + [space.bodyIndent + body]
        let plan = TensordotPlan(
            space: space, loopNames: vars, grid: kernel, line: code.count - 1, slicedName: "A", outName: "dLdW",
            offsetScale: d, extent: coreOutput, step: HW(1, 1), slicedIsLeft: false,
            slicedAxes: summed, fixedAxes: summed, slicedSymbol: windowText, fixedSymbol: "dLdZ",
            slicedNames: ["N", "C_in"] + space.names(["H_out", "W_out"]),
            fixedNames: ["N", "C_out"] + space.names(["H_out", "W_out"]),
            resultNames: ["C_out", "C_in"], added: nil)
        return TensordotLoop(
            title: "dLdW: one kernel tap per step", code: code, header: space.header(bounds, grid: kernel),
            input: x, fixed: g, bias: nil, output: try coreGradients(x, g, weight).dLdW, plan: plan,
            inputMargin: geometry.padding)
    }

    /// dL/dA of the padded input, one step per position: dLdZ padded by the reach − 1, W flipped
    /// in its kernel axes, `dLdA[:, :, y, x] = tensordot(dLdZ_pad[:, :, y:y+K, x:x+K], W_flip, …)`.
    func inputGradientLoop(_ x: Tensor, _ g: Tensor, _ weight: Tensor) throws -> TensordotLoop {
        let vars = ["y", "x"]
        let reach = geometry.effectiveKernel
        let margin = HW(reach.h - 1, reach.w - 1)
        let gPad = g.padded(space.padding(margin))
        let flipped = weight.flipped(axes: kernelAxes)
        let windowText = subscripted("dLdZ_pad", window(vars))
        let marginText = kernelNames.map { k in
            geometry.dilation == HW(1, 1) ? "(\(k)-1, \(k)-1)" : "((\(k)-1)*d, (\(k)-1)*d)"
        }
        let body =
            subscripted("dLdA", space.names(vars))
            + " = np.tensordot(\(windowText), W_flip, axes=([\(axesList([1] + kernelAxes))], "
            + "[\(axesList([0] + kernelAxes))]))"
        let code =
            [
                "dLdZ_pad = np.pad(dLdZ, ((0, 0), (0, 0), \(marginText.joined(separator: ", "))))",
                "W_flip = np.flip(W, axis=(\(axesList(kernelAxes))\(kernelAxes.count == 1 ? "," : "")))",
                "dLdA = np.zeros((N, C_in, \(space.names(["H_in", "W_in"]).joined(separator: ", "))))",
            ]
            + space.loopLines(vars, ["H_in", "W_in"]) + [space.bodyIndent + body]
        let plan = TensordotPlan(
            space: space, loopNames: vars, grid: padded, line: code.count - 1, slicedName: "dLdZ_pad",
            outName: "dLdA", offsetScale: HW(1, 1), extent: reach, step: geometry.dilation,
            slicedIsLeft: true, slicedAxes: [1] + kernelAxes, fixedAxes: [0] + kernelAxes,
            slicedSymbol: windowText, fixedSymbol: "W_flip", slicedNames: ["N", "C_out"] + kernelNames,
            fixedNames: ["C_out", "C_in"] + kernelNames, resultNames: ["N", "C_in"], added: nil)
        return TensordotLoop(
            title: "dLdA" + (hasPadding ? " of the padded input" : "") + ": one position per step",
            code: code, header: space.header(["H_in", "W_in"], grid: padded), input: gPad, fixed: flipped,
            bias: nil, output: try coreGradients(x, g, weight).dLdA, plan: plan, inputMargin: margin)
    }
}
