import ConvScopeCore

/// Builds the layer or loss a fixture describes, from its parameters and option arrays.
extension Fixture {
    typealias LayerBuilder = @Sendable (Fixture) throws -> any Layer
    typealias LossBuilder = @Sendable (Fixture) throws -> any Loss

    /// One builder per layer kind, keyed as the fixture script names them.
    static let layerBuilders: [String: LayerBuilder] = [
        "upsample1d": { Upsample1d(factor: try $0.integer("factor")) },
        "downsample1d": { Downsample1d(factor: try $0.integer("factor")) },
        "upsample2d": { Upsample2d(factor: try $0.integer("factor")) },
        "downsample2d": { Downsample2d(factor: try $0.integer("factor")) },
        "conv1d_stride1": {
            let W = try $0["W"]
            return Conv1d_stride1(
                inChannels: W.shape[1], outChannels: W.shape[0], kernelSize: W.shape[2],
                W: W, b: try $0["b"])
        },
        "conv1d": {
            try Conv1d(
                weight: $0["W"], bias: $0["b"], stride: $0.integer("stride"),
                padding: $0.integer("padding"), dilation: $0.integer("dilation"))
        },
        "conv2d_stride1": {
            let W = try $0["W"]
            return Conv2d_stride1(
                inChannels: W.shape[1], outChannels: W.shape[0], kernelSize: W.shape[2],
                W: W, b: try $0["b"])
        },
        "conv2d": {
            try Conv2d(
                weight: $0["W"], bias: $0["b"], stride: $0.pair("stride"),
                padding: $0.pair("padding"), dilation: $0.pair("dilation"))
        },
        "convtranspose1d": {
            try ConvTranspose1d(weight: $0["W"], bias: $0["b"], upsamplingFactor: $0.integer("factor"))
        },
        "convtranspose2d": {
            try ConvTranspose2d(weight: $0["W"], bias: $0["b"], upsamplingFactor: $0.integer("factor"))
        },
        "maxpool2d_stride1": { MaxPool2d_stride1(kernel: try $0.integer("kernel")) },
        "maxpool2d": { MaxPool2d(kernel: try $0.integer("kernel"), stride: try $0.integer("stride")) },
        "meanpool2d_stride1": { MeanPool2d_stride1(kernel: try $0.integer("kernel")) },
        "meanpool2d": { MeanPool2d(kernel: try $0.integer("kernel"), stride: try $0.integer("stride")) },
        "flatten": { _ in Flatten() },
        "linear": { try Linear(weight: $0["W"], bias: $0["b"]) },
        "identity": { _ in Identity() },
        "relu": { _ in ReLU() },
        "sigmoid": { _ in Sigmoid() },
        "tanh": { _ in Tanh() },
    ]

    static let lossBuilders: [String: LossBuilder] = [
        "mse": { _ in MSELoss() },
        "crossentropy": { _ in CrossEntropyLoss() },
    ]

    func makeLayer() throws -> any Layer {
        guard let build = Fixture.layerBuilders[kind] else {
            throw FixtureError(description: "\(name): no layer kind \(kind)")
        }
        return try build(self)
    }

    func makeLoss() throws -> any Loss {
        guard let build = Fixture.lossBuilders[kind] else {
            throw FixtureError(description: "\(name): no loss kind \(kind)")
        }
        return try build(self)
    }
}
