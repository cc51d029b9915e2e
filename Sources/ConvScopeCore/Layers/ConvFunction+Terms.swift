extension ConvFunction {
    /// Spatial part of an index as (h, w); h is 0 for Conv1d.
    func spatial(_ index: [Int]) -> HW {
        spatialAxes == 1 ? HW(0, index[2]) : HW(index[2], index[3])
    }

    func spatialIndex(_ position: HW) -> [Int] {
        spatialAxes == 1 ? [position.w] : [position.h, position.w]
    }

    /// Every term of output element `(n, o, i[, j])`'s sum, ordered by input channel then
    /// kernel tap (row-major): exactly the products the forward pass adds, before the bias.
    public func receptiveField(of output: [Int], in record: ConvRecord) -> [ConvTerm] {
        let size = spatialSize(record.input.shape)
        let (n, o) = (output[0], output[1])
        let window = geometry.window(ofOutput: spatial(output))
        return (0..<inChannels).flatMap { c in
            window.map { tap, position in
                let inside = ConvGeometry.isInside(position, size)
                let input = [n, c] + spatialIndex(position)
                let weight = [o, c] + spatialIndex(tap)
                return ConvTerm(
                    output: output, input: input, weight: weight, isPadding: !inside,
                    weightValue: W[index: weight], inputValue: inside ? record.input[index: input] : 0)
            }
        }
    }

    /// Every term input element `(n, c, h[, w])` takes part in, across all output channels,
    /// ordered by output channel then output position: the terms whose sum is dL/dA there.
    public func influence(of input: [Int], in record: ConvRecord) -> [ConvTerm] {
        let size = spatialSize(record.input.shape)
        let (n, c) = (input[0], input[1])
        let reached = geometry.outputsReading(input: spatial(input), inputSize: size)
        return (0..<outChannels).flatMap { o in
            reached.map { output, tap in
                let weight = [o, c] + spatialIndex(tap)
                return ConvTerm(
                    output: [n, o] + spatialIndex(output), input: input, weight: weight, isPadding: false,
                    weightValue: W[index: weight], inputValue: record.input[index: input])
            }
        }
    }
}
