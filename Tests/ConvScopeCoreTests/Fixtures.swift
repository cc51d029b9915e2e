import ConvScopeCore
import Foundation
import TensorFiles

/// A problem with a fixture file itself (not with the layer under test).
struct FixtureError: Error, CustomStringConvertible {
    let description: String
}

/// One golden bundle written by `scripts/make_layer_fixtures.py`: inputs, parameters,
/// options and the expected outputs, keyed as in the script's header.
struct Fixture {
    /// The file stem, e.g. `conv1d_stride1_basic`.
    let name: String
    let tensors: [String: Tensor]

    /// The layer a fixture exercises: its stem up to the last underscore (cases use hyphens).
    static func kind(of name: String) -> String {
        String(name[..<(name.lastIndex(of: "_") ?? name.endIndex)])
    }

    var kind: String { Fixture.kind(of: name) }

    /// The tensor stored under `key`.
    subscript(_ key: String) -> Tensor {
        get throws {
            guard let tensor = tensors[key] else { throw FixtureError(description: "\(name) has no key \(key)") }
            return tensor
        }
    }

    /// A one-element option such as `factor` or a 1-d `stride`.
    func integer(_ key: String) throws -> Int {
        Int(try self[key].scalars[0])
    }

    /// A 2-d option stored as `(h, w)`.
    func pair(_ key: String) throws -> HW {
        let values = try self[key].scalars
        guard values.count == 2 else { throw FixtureError(description: "\(name): \(key) is not an (h, w) pair") }
        return HW(Int(values[0]), Int(values[1]))
    }
}

/// The fixture files bundled with the tests.
enum Fixtures {
    /// The bundled copy of `Tests/ConvScopeCoreTests/Fixtures`; nil if the resources are missing,
    /// in which case there are no names and `LayerFixtureTests.everyKindHasAFixture` fails.
    static let directory = Bundle.module.url(forResource: "Fixtures", withExtension: nil)

    /// Every fixture's stem, sorted.
    static let names: [String] = {
        guard let directory else { return [] }
        let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "npz" }.map { $0.deletingPathExtension().lastPathComponent }.sorted()
    }()

    static func load(_ name: String) throws -> Fixture {
        guard let directory else { throw FixtureError(description: "the Fixtures resource is not bundled") }
        let url = directory.appendingPathComponent(name).appendingPathExtension("npz")
        return Fixture(name: name, tensors: try NPZ.read(contentsOf: url))
    }

    /// The stems of the fixtures that store `key` (e.g. `dLdZ` for layers, `W` for layers
    /// with parameters, `Y` for losses).
    static func names(storing key: String) -> [String] {
        names.filter { (try? load($0))?.tensors[key] != nil }
    }
}
