import ConvScopeCore
import ConvScopeTestSupport
import Testing

/// Every layer and loss against the golden fixtures of `scripts/make_layer_fixtures.py`.
@Suite struct LayerFixtureTests {
    /// The spec's graded bound: max |error| against float64 references.
    static let tolerance = 1e-12

    @Test func everyKindHasAFixture() {
        let kinds = Set(Fixtures.names.map(Fixture.kind(of:)))
        #expect(kinds == Set(Fixture.layerBuilders.keys).union(Fixture.lossBuilders.keys))
    }

    @Test(arguments: Fixtures.names(storing: "dLdZ"))
    func forwardAndBackwardMatch(_ name: String) throws {
        let fixture = try Fixtures.load(name)
        let layer = try fixture.makeLayer()
        expectClose(try layer.forward(fixture["A"]), try fixture["Z"], tolerance: Self.tolerance, "Z")
        expectClose(try layer.backward(fixture["dLdZ"]), try fixture["dLdA"], tolerance: Self.tolerance, "dLdA")
        let parameterised = layer as? any ParameterizedLayer
        #expect((parameterised != nil) == (fixture.tensors["W"] != nil), "parameters of \(layer.summary)")
        if let parameterised {
            try expectParameterGradients(of: parameterised, match: fixture)
        }
    }

    /// A second backward pass with the same dL/dZ must leave the same gradients, not twice them.
    @Test(arguments: Fixtures.names(storing: "W"))
    func parameterGradientsAreOverwritten(_ name: String) throws {
        let fixture = try Fixtures.load(name)
        let layer = try #require(try fixture.makeLayer() as? any ParameterizedLayer)
        _ = try layer.forward(fixture["A"])
        for _ in 0..<2 { _ = try layer.backward(fixture["dLdZ"]) }
        try expectParameterGradients(of: layer, match: fixture)
    }

    @Test(arguments: Fixtures.names(storing: "Y"))
    func lossMatches(_ name: String) throws {
        let fixture = try Fixtures.load(name)
        let loss = try fixture.makeLoss()
        let value = try loss.forward(fixture["A"], fixture["Y"])
        expectClose(Tensor(scalar: value), try fixture["loss"], tolerance: Self.tolerance, "loss")
        expectClose(try loss.backward(), try fixture["dLdA"], tolerance: Self.tolerance, "dLdA")
    }

    private func expectParameterGradients(of layer: any ParameterizedLayer, match fixture: Fixture) throws {
        expectClose(layer.dLdW, try fixture["dLdW"], tolerance: Self.tolerance, "dLdW")
        expectClose(layer.dLdb, try fixture["dLdb"], tolerance: Self.tolerance, "dLdb")
    }
}
