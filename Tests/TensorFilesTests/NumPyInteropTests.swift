import ConvScopeCore
import Foundation
import Testing

@testable import TensorFiles

/// Files we write must load in NumPy bit-exactly; NumPy is the reference implementation.
@Suite struct NumPyInteropTests {
    /// Loads each file named in the expectations with np.load(allow_pickle=False) and checks
    /// dtype, shape and float64 bits; for .npy also that np.save writes the very same bytes.
    static let checker = """
        import io, json, sys
        import numpy as np

        def check(label, a, want):
            if a.dtype != np.dtype('<f8'):
                sys.exit(f'{label}: dtype {a.dtype}')
            if list(a.shape) != want['shape']:
                sys.exit(f'{label}: shape {a.shape} != {want["shape"]}')
            got = [f'{b:016x}' for b in np.ascontiguousarray(a).ravel().view('<u8')]
            if got != want['bits']:
                sys.exit(f'{label}: bits {got} != {want["bits"]}')

        expectations = json.load(open(sys.argv[1]))
        for path, members in expectations.items():
            if path.endswith('.npz'):
                with np.load(path, allow_pickle=False) as archive:
                    if sorted(archive.files) != sorted(members):
                        sys.exit(f'{path}: members {archive.files}')
                    for key, want in members.items():
                        check(f'{path}[{key}]', archive[key], want)
            else:
                a = np.load(path, allow_pickle=False)
                check(path, a, members['A'])
                buffer = io.BytesIO()
                np.save(buffer, a)
                if buffer.getvalue() != open(path, 'rb').read():
                    sys.exit(f'{path}: np.save writes different bytes')
        print('ok')
        """

    @Test func numpyLoadsWhatWeWriteBitExactly() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tensors = [
            "scalar": Tensor(scalar: .leastNonzeroMagnitude),
            "vector": awkwardTensor(shape: [13], seed: 3),
            "matrix": awkwardTensor(shape: [3, 5], seed: 4),
            "batch": awkwardTensor(shape: [2, 3, 4, 5], seed: 5),
            "empty": Tensor(shape: [0, 3]),
            "wide": awkwardTensor(shape: Array(repeating: 1, count: 32) + [3], seed: 6),
            // At rank 16 NumPy's 21 growth spaces push the data to the next 64-byte boundary.
            "deep": awkwardTensor(shape: Array(repeating: 1, count: 15) + [2], seed: 7),
            // Over a megabyte: several of the writer's chunks and the reader's streamed path.
            "large": awkwardTensor(shape: [400, 400], seed: 8),
        ]
        func expectation(_ tensor: Tensor) -> [String: Any] {
            ["shape": tensor.shape, "bits": tensor.scalars.map(hex)]
        }
        var expectations: [String: [String: Any]] = [:]
        for (name, tensor) in tensors {
            let url = directory.appendingPathComponent("\(name).npy")
            try NPY.write(tensor, to: url)
            expectations[url.path] = ["A": expectation(tensor)]
        }
        for compressed in [false, true] {
            let url = directory.appendingPathComponent(compressed ? "deflated.npz" : "stored.npz")
            try NPZ.write(tensors, to: url, compressed: compressed)
            expectations[url.path] = tensors.mapValues(expectation)
        }
        let json = directory.appendingPathComponent("expectations.json")
        try JSONSerialization.data(withJSONObject: expectations).write(to: json)

        let result = try runPython(["-c", Self.checker, json.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasSuffix("ok\n"), "\(result.output)")
    }

    /// Runs python3 (CI has it with NumPy) and returns its exit status and combined output.
    private func runPython(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
