import ConvScopeCore
import Foundation
import Testing

@testable import TensorFiles

/// Reading np.savez archives and writing archives NPZ reads back.
@Suite struct NPZTests {
    @Test(arguments: ["savez", "savez_compressed"])
    func archiveMatchesNumPy(name: String) throws {
        let tensors = try NPZ.read(contentsOf: Fixtures.url(name + ".npz"))
        let expected = try Fixtures.expectedMembers(name)
        #expect(Set(tensors.keys) == Set(expected.keys))
        #expect(tensors.keys.contains("größe"))
        for (key, values) in expected {
            guard let tensor = tensors[key] else { continue }
            expectMatches(tensor, values, "\(name)[\(key)]")
        }
    }

    @Test(arguments: [false, true])
    func writeThenReadIsIdentity(compressed: Bool) throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("model.npz")
        let tensors = [
            "conv1": awkwardTensor(shape: [4, 1, 3, 3], seed: 1),
            "bias": awkwardTensor(shape: [4], seed: 2),
            "scalar": Tensor(scalar: -0.0),
            "empty": Tensor(shape: [0, 2]),
            "ключ": Tensor([1, 2]),
        ]
        try NPZ.write(tensors, to: url, compressed: compressed)
        let read = try NPZ.read(contentsOf: url)
        #expect(Set(read.keys) == Set(tensors.keys))
        for (key, tensor) in tensors {
            #expect(read[key]?.shape == tensor.shape, "\(key)")
            #expect(read[key]?.scalars.map(\.bitPattern) == tensor.scalars.map(\.bitPattern), "\(key)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["model.npz"])
    }

    @Test func compressionShrinksRepetitiveData() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tensors = ["zeros": Tensor(shape: [64, 64])]
        let stored = directory.appendingPathComponent("stored.npz")
        let deflated = directory.appendingPathComponent("deflated.npz")
        try NPZ.write(tensors, to: stored)
        try NPZ.write(tensors, to: deflated, compressed: true)
        let size = { (url: URL) in try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0 }
        #expect(try size(stored) > 64 * 64 * 8)
        #expect(try size(deflated) < 2_000)
    }

    @Test func emptyArchiveRoundTrips() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("empty.npz")
        try NPZ.write([:], to: url)
        #expect(try NPZ.read(contentsOf: url).isEmpty)
    }

    @Test func overwritingReplacesTheWholeArchive() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("a.npz")
        try NPZ.write(["old": Tensor([1])], to: url)
        try NPZ.write(["new": Tensor([2])], to: url)
        #expect(try NPZ.read(contentsOf: url) == ["new": Tensor([2])])
    }

    @Test func keysThatCannotNameMembersAreRefused() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("bad.npz")
        let message = errorMessage { try NPZ.write(["": Tensor([1])], to: url) }
        #expect(message.hasPrefix("bad.npz: key \"\" cannot name an archive member"), "\(message)")
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    static let badArchives: [(file: String, phrases: [String])] = [
        ("bad_not_npy_member.npz", ["member 'notes.txt' is not a .npy array"]),
        ("bad_duplicate.npz", ["member 'a.npy' occurs more than once"]),
        ("bad_member.npz", ["bad_member.npz member 'broken.npy': data is truncated"]),
        ("bad_bomb.npz", ["member 'bomb.npy': inflates to more than its declared 200 bytes", "zip bomb"]),
        ("bad_utf8_name.npz", ["member name is not valid text", "key_\u{FF}.npy"]),
        ("bad_not_zip.npz", ["not a readable zip archive"]),
    ]

    @Test(arguments: badArchives)
    func badArchiveThrowsNamedError(file: String, phrases: [String]) {
        let message = errorMessage { _ = try NPZ.read(contentsOf: Fixtures.url(file)) }
        #expect(message.hasPrefix(file + ": ") || message.hasPrefix(file + " member"), "\(message)")
        #expect(!message.contains("\n"), "\(message)")
        for phrase in phrases {
            #expect(message.contains(phrase), "\(message) lacks \(phrase)")
        }
    }

    @Test func everyBadNpzFixtureIsCovered() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.directory.path)
        let bad = files.filter { $0.hasPrefix("bad_") && $0.hasSuffix(".npz") }
        #expect(Set(bad) == Set(Self.badArchives.map(\.file)))
    }

    @Test func declaredSizesOverTheCapAreRefusedBeforeExtracting() {
        // savez.npz members declare 128+48, 128+16 and 128+2 bytes.
        let message = errorMessage { _ = try NPZ.read(contentsOf: Fixtures.url("savez.npz"), maxTotalBytes: 400) }
        #expect(
            message == "savez.npz: members declare more than 400 bytes in total; "
                + "split the archive or pass a larger maxTotalBytes")
        #expect(throws: Never.self) { try NPZ.read(contentsOf: Fixtures.url("savez.npz"), maxTotalBytes: 450) }
    }

    /// An honest bomb: 8 MB of zeros deflate to a few kilobytes and declare their true size,
    /// so a 1 MB cap refuses the archive before inflating anything.
    @Test func compressibleMemberOverTheCapIsRefused() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("bomb.npz")
        try NPZ.write(["A": Tensor(shape: [1 << 20])], to: url, compressed: true)
        #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0 < 64 << 10)
        let message = errorMessage { _ = try NPZ.read(contentsOf: url, maxTotalBytes: 1 << 20) }
        #expect(
            message == "bomb.npz: members declare more than 1048576 bytes in total; "
                + "split the archive or pass a larger maxTotalBytes")
    }

    /// Randomly damaged and truncated archives must throw TensorFileError or decode — never trap.
    @Test(arguments: ["savez.npz", "savez_compressed.npz"])
    func damagedArchivesNeverCrash(name: String) throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let valid = try Data(contentsOf: Fixtures.url(name))
        let url = directory.appendingPathComponent(name)
        var generator = SeededGenerator(seed: 99)
        for trial in 0..<500 {
            var damaged = valid
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                damaged[Int.random(in: 0..<damaged.count, using: &generator)] = UInt8.random(
                    in: 0...255, using: &generator)
            }
            if trial % 10 == 0 { damaged = damaged.prefix(Int.random(in: 0..<damaged.count, using: &generator)) }
            try damaged.write(to: url)
            do { _ = try NPZ.read(contentsOf: url) } catch is TensorFileError {}
        }
    }

    @Test func missingFileNamesPath() {
        let message = errorMessage { _ = try NPZ.read(contentsOf: URL(fileURLWithPath: "/nonexistent/w.npz")) }
        #expect(message == "w.npz: there is no file at /nonexistent/w.npz; check the path", "\(message)")
    }
}
