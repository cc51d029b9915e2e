import ConvScopeCore
import Testing

/// The table of layers agrees with itself and with the layers it builds: options that can
/// be pairs or grow the input are options the layer takes, and each kind builds the layer
/// its parameters describe from a bundle of the descriptor's example shapes.
@Suite struct LayerCatalogTests {
    @Test(arguments: LayerKind.allCases) func optionsAgreeWithPairsAndGrowth(kind: LayerKind) {
        let d = kind.descriptor
        #expect(d.pairOptions.isSubset(of: d.options))
        switch d.growth {
        case .none: break
        case .padding: #expect(d.options.contains(.padding))
        case .factor: #expect(d.options.contains(.factor))
        }
        #expect(
            (d.exampleParameters != nil) == (d.parameterKeys == ["W", "b"]),
            "made-up W and b exactly for W, b layers")
    }

    @Test(arguments: LayerKind.allCases) func aMissingParameterIsNamed(kind: LayerKind) throws {
        let required = kind.descriptor.parameterKeys.filter { $0 != "b" }
        guard let first = required.first else {
            _ = try LayerSpec(kind: kind).makeLayer(from: [:])
            return
        }
        #expect(throws: LayerSpecError.missingParameter(key: first, kind: kind)) {
            _ = try LayerSpec(kind: kind).makeLayer(from: [:])
        }
    }

}
