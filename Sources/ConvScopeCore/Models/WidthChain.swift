/// How a stack of unpadded 1-D convolutions shrinks a signal, link by link, and the input
/// size of the Linear layer after Flatten (spec §8): `w ← (w − k)//s + 1` from the input
/// width, then `channels · w_final` features. The assignment's CNN gives
/// `128 → (128 − 5)//1 + 1 = 124 → (124 − 6)//2 + 1 = 60 → (60 − 2)//2 + 1 = 30` and
/// `14 · 30 = 420`. A value, so a screen or the CLI shows it without computing anything.
public struct WidthChain: Equatable, Sendable {
    /// One convolution: `output = (input − kernel)//stride + 1`.
    public struct Link: Equatable, Sendable {
        public let input: Int
        public let kernel: Int
        public let stride: Int
        public let output: Int

        /// `(124 − 6)//2 + 1 = 60`.
        public var formula: String { "(\(input) − \(kernel))//\(stride) + 1 = \(output)" }
    }

    public let inputWidth: Int
    public let links: [Link]
    /// Channels of the last convolution: with the last width, the Linear layer's input size.
    public let finalChannels: Int

    /// The chain for `kernels` and `strides` (one of each per convolution) ending in
    /// `finalChannels` channels. Throws when the lists differ in length or are empty, when a
    /// kernel or stride is below 1, or when a width drops below 1 (a kernel wider than its
    /// input), naming the convolution.
    public init(inputWidth: Int, kernels: [Int], strides: [Int], finalChannels: Int) throws {
        guard !kernels.isEmpty, kernels.count == strides.count else {
            throw LayerError(
                "\(kernels.count) kernel sizes but \(strides.count) strides: "
                    + "give one of each per convolution")
        }
        guard inputWidth >= 1, finalChannels >= 1 else {
            throw LayerError("input width \(inputWidth) and \(finalChannels) channels: both must be at least 1")
        }
        var width = inputWidth
        var links: [Link] = []
        for (index, (kernel, stride)) in zip(kernels, strides).enumerated() {
            guard kernel >= 1, stride >= 1 else {
                throw LayerError(
                    "convolution \(index + 1) has kernel \(kernel) and stride \(stride): "
                        + "both must be at least 1")
            }
            let output = Self.floorDivide(width - kernel, stride) + 1
            guard output >= 1 else {
                let formula = Link(input: width, kernel: kernel, stride: stride, output: output).formula
                throw LayerError(
                    "convolution \(index + 1) gets width \(width), narrower than its kernel \(kernel) "
                        + "(\(formula)): use a wider input, smaller kernels or smaller strides")
            }
            links.append(Link(input: width, kernel: kernel, stride: stride, output: output))
            width = output
        }
        self.inputWidth = inputWidth
        self.links = links
        self.finalChannels = finalChannels
    }

    /// Python's `//`: rounds towards minus infinity (Swift's `/` rounds towards zero).
    static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }

    /// Every width from the input to the last convolution's output, e.g. `[128, 124, 60, 30]`.
    public var widths: [Int] { [inputWidth] + links.map(\.output) }

    /// The width after the last convolution.
    public var finalWidth: Int { links.last!.output }

    /// The Linear layer's input size, `finalChannels · finalWidth`.
    public var linearInputs: Int { finalChannels * finalWidth }

    /// `128 → (128 − 5)//1 + 1 = 124 → (124 − 6)//2 + 1 = 60 → (60 − 2)//2 + 1 = 30`.
    public var text: String { ([String(inputWidth)] + links.map(\.formula)).joined(separator: " → ") }

    /// `14 · 30 = 420`.
    public var linearText: String { "\(finalChannels) · \(finalWidth) = \(linearInputs)" }
}

extension CNN {
    /// The chain of this network's convolutions for inputs `inputWidth` wide.
    public func widthChain(inputWidth: Int) throws -> WidthChain {
        try WidthChain(
            inputWidth: inputWidth, kernels: convolutionalLayers.map { $0.W.shape[2] },
            strides: convolutionalLayers.map { $0.geometry.stride.w },
            finalChannels: convolutionalLayers.last?.W.shape[0] ?? 0)
    }
}
