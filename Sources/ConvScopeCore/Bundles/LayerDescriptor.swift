/// Everything the program knows about one layer kind, in one value: the options and
/// parameters it takes, a line on what it does, how to build it from a bundle, the tensors
/// its screen starts from when the user gives none, and which screen shows it. The table of
/// them is `LayerKind.descriptor` (LayerCatalog.swift).
public struct LayerDescriptor: Sendable {
    /// The options a layer accepts; any other is a mistake worth reporting.
    public let options: Set<LayerOption>
    /// Options that also take an `(h, w)` pair rather than one number.
    public let pairOptions: Set<LayerOption>
    /// The parameter keys a bundle must (W, w1…) or may (b) hold for this layer.
    public let parameterKeys: [String]
    /// The spatial axes the layer works on (1: `(N, C, W)`, 2: `(N, C, H, W)`); nil for layers
    /// that take any shape or a flat one.
    public let spatialAxes: Int?
    /// Whether Z always has A's shape (the activations), which the memory budget can then name.
    public let keepsShape: Bool
    /// The shape `A` must have, as users read it: `(N, C, W)`, `any shape`.
    public let inputLayout: String
    /// One line on what the layer does, for help screens and listings.
    public let blurb: String
    /// Which kind of screen walks through the layer.
    public let family: LayerFamily
    /// How the layer enlarges its input before computing, for refusing options that would
    /// allocate too much.
    public let growth: InputGrowth
    /// The input `A` its screen starts from without a bundle.
    public let exampleInput: ExampleTensor
    /// The shapes of `W` and `b` its screen makes up for an input of the given shape, for
    /// layers with weights.
    public let exampleParameters: (@Sendable (_ inputShape: [Int]) -> (weight: [Int], bias: [Int]))?
    /// Builds the layer from the spec's options and the bundle's parameters.
    let build: @Sendable (LayerSpec, LayerParameters) throws -> Layer

    init(
        options: Set<LayerOption> = [], pairOptions: Set<LayerOption> = [], parameterKeys: [String] = [],
        spatialAxes: Int? = nil, keepsShape: Bool = false, inputLayout: String, blurb: String, family: LayerFamily,
        growth: InputGrowth = .none, exampleInput: ExampleTensor,
        exampleParameters: (@Sendable ([Int]) -> (weight: [Int], bias: [Int]))? = nil,
        build: @escaping @Sendable (LayerSpec, LayerParameters) throws -> Layer
    ) {
        self.options = options
        self.pairOptions = pairOptions
        self.parameterKeys = parameterKeys
        self.spatialAxes = spatialAxes
        self.keepsShape = keepsShape
        self.inputLayout = inputLayout
        self.blurb = blurb
        self.family = family
        self.growth = growth
        self.exampleInput = exampleInput
        self.exampleParameters = exampleParameters
        self.build = build
    }
}

/// The screens a layer can be shown on: each family has one walkthrough and its screens.
public enum LayerFamily: Sendable {
    case convolution, transposedConvolution, pooling, resampling, elementwise, linear, scanning
}

/// How a layer enlarges the last `axes` extents of its input: by twice the padding, or by
/// the factor.
public enum InputGrowth: Sendable, Equatable {
    case none
    case padding(axes: Int)
    case factor(axes: Int)
}

/// A made-up tensor: seeded whole numbers in a range, or seeded normal values.
public enum ExampleTensor: Sendable, Equatable {
    case integers(shape: [Int], range: ClosedRange<Int>, seed: UInt64)
    case normal(shape: [Int], seed: UInt64)
}

/// A bundle's tensors as a layer's builder reads them: required ones name the missing key.
struct LayerParameters {
    let kind: LayerKind
    let bundle: [String: Tensor]

    /// The tensor under `key`, or an error naming the parameters the layer needs.
    func required(_ key: String) throws -> Tensor {
        guard let tensor = bundle[key] else {
            throw LayerSpecError.missingParameter(key: key, kind: kind)
        }
        return tensor
    }

    /// The tensor under `key`, if the bundle has one.
    func optional(_ key: String) -> Tensor? { bundle[key] }
}
