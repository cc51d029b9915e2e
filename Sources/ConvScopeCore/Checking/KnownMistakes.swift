/// The classic mistakes of spec §9 that numbers can reveal, most specific first: a
/// tensor is named after the first one that fits.
extension KnownMistake {
    static let convolutions: Set<LayerKind> = [.conv1d, .conv2d, .convtranspose1d, .convtranspose2d]
    static let parameterized: Set<LayerKind> = convolutions.union([.linear])
    static let downsampling: Set<LayerKind> = [.downsample1d, .downsample2d]

    public static let catalogue: [KnownMistake] = [
        KnownMistake(
            name: "flipped kernel in forward",
            explanation:
                "your Z equals the convolution with W flipped; forward is a cross-correlation (no flip), as "
                + "PyTorch's Conv",
            kinds: convolutions, keys: ["Z"],
            pattern: .answer { try $0.rerun(replacing: ["W": MistakeAnswers.spatiallyFlipped($0.bundle["W"])]) }),
        KnownMistake(
            name: "unflipped kernel in backward",
            explanation:
                "your dLdA equals the correlation of the padded dLdZ with the unflipped kernel; dLdA needs W flipped "
                + "on its spatial axes",
            kinds: convolutions, keys: ["dLdA"],
            pattern: .answer { try $0.rerun(replacing: ["W": MistakeAnswers.spatiallyFlipped($0.bundle["W"])]) }),
        KnownMistake(
            name: "empty crop x[p:-p] with p = 0",
            explanation: "your dLdA is empty where the padding is 0: x[0:-0] is x[0:0]; crop with x[p:p+W] instead",
            kinds: [.conv1d, .conv2d], keys: ["dLdA"],
            pattern: .shape(MistakeAnswers.emptyCropShape)),
        KnownMistake(
            name: "padding ignored",
            explanation: "your Z equals the convolution without zero padding; "
                + "pad A by p zeros on both ends of each spatial axis first",
            kinds: [.conv1d, .conv2d], keys: ["Z"],
            pattern: .answer(MistakeAnswers.unpaddedForward)),
        KnownMistake(
            name: "gradients accumulated across calls",
            explanation:
                "yours is twice the library's: backward must overwrite dLdW and dLdb (=), not add to them (+=)",
            kinds: parameterized, keys: ["dLdW", "dLdb"],
            pattern: .answer { 2 * $0.expected }),
        KnownMistake(
            name: "gradient averaged over the batch",
            explanation: "yours is the library's divided by N: dLdW and dLdb are plain sums over the batch, no 1/N",
            kinds: parameterized, keys: ["dLdW", "dLdb"],
            pattern: .answer { context in
                guard let n = context.bundle["A"]?.shape.first, n > 1 else { return nil }
                return context.expected / Double(n)
            }),
        KnownMistake(
            name: "max-pool backward assigns instead of adding",
            explanation:
                "your dLdA equals setting (=) dLdZ at each window's argmax; windows that share an argmax must add (+=)",
            kinds: [.maxpool2d], keys: ["dLdA"],
            pattern: .answer(MistakeAnswers.assigningMaxPoolGradient)),
        KnownMistake(
            name: "downsample size W//k + 1",
            explanation:
                "your Z is W//k + 1 long; the output size is ceil(W/k) = (W−1)//k + 1, one less when k divides W",
            kinds: downsampling, keys: ["Z"],
            pattern: .shape(MistakeAnswers.offByOneDownsampleShape)),
        KnownMistake(
            name: "downsample backward by upsampling",
            explanation:
                "your dLdA is dLdZ upsampled, k(W′−1)+1 long; backward must scatter into zeros of the remembered "
                + "input size",
            kinds: downsampling, keys: ["dLdA"],
            pattern: .answer { context in
                guard let dLdZ = context.bundle["dLdZ"] else { return nil }
                return Resampling.upsample(dLdZ, factor: context.spec.factorValue, spatialAxes: dLdZ.rank - 2)
            }),
        KnownMistake(
            name: "MLP weights reshaped channel-major",
            explanation:
                "your Z equals kernels made by w.T.reshape(C_out, C_in, K); the MLP reads time-major: "
                + "w.T.reshape(C_out, K, C_in).transpose(0, 2, 1)",
            kinds: [.scanMLPSimple, .scanMLPDistributed], keys: ["Z"],
            pattern: .answer(MistakeAnswers.channelMajorScan)),
        KnownMistake(
            name: "Float32 arithmetic",
            explanation:
                "every value of yours is a Float32 and within Float32 rounding of the library's: compute in float64",
            kinds: Set(LayerKind.allCases), keys: ["Z", "dLdA", "dLdW", "dLdb", "dLdw1", "dLdw2", "dLdw3"],
            pattern: .test(MistakeAnswers.looksLikeFloat32)),
    ]
}
