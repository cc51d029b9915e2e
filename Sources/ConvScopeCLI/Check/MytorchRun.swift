import ConvScopeCore
import Foundation
import TensorFiles

/// One run of the user's class through the driver, in a temporary folder that is removed
/// afterwards: the bundle goes in, their Z, dLdA, dLdW, dLdb come back. The user's folder is
/// only read (bytecode writing is off and the working directory is the temporary folder).
struct MytorchRun {
    /// Their answers by key; without dLd… keys when backward was not run.
    let answers: [String: Tensor]
    /// False when their Z had the wrong shape, so the bundle's dLdZ could not be fed back.
    let ranBackward: Bool

    /// The interpreter: `CONVSCOPE_PYTHON` if set, else `python3` on PATH.
    static var python: String { ProcessInfo.processInfo.environment["CONVSCOPE_PYTHON"] ?? "python3" }

    /// Runs `layer` from the folder `dir` on `bundle` (A, dLdZ, and W, b for layers with
    /// weights); `expectedZ` is the library's Z shape. Every failure is one line naming
    /// their file and line where there is one.
    init(_ layer: MytorchClass, dir: String, bundle: [String: Tensor], expectedZ: [Int], timeout: Double) throws {
        let fileManager = FileManager.default
        let scratch = fileManager.temporaryDirectory.appendingPathComponent("convscope-check-\(UUID().uuidString)")
        let work = scratch.appendingPathComponent("work")
        try fileManager.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fileManager.removeItem(at: scratch) }
        func file(_ name: String) -> String { scratch.appendingPathComponent(name).path }

        try MytorchDriverSource.text.write(toFile: file("convscope_driver.py"), atomically: false, encoding: .utf8)
        try NPZ.write(bundle, to: URL(fileURLWithPath: file("in.npz")))
        let request: [String: Any] = [
            "dir": URL(fileURLWithPath: dir).path, "path": layer.path, "module": layer.module, "class": layer.name,
            "args": layer.arguments, "signature": layer.signature, "core": layer.core ?? "", "expectedZ": expectedZ,
            "input": file("in.npz"), "output": file("out.npz"), "status": file("status.json"), "work": work.path,
        ]
        try JSONSerialization.data(withJSONObject: request).write(to: URL(fileURLWithPath: file("request.json")))

        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        let outcome: ChildProcess.Outcome
        do {
            outcome = try ChildProcess.run(
                [Self.python, "-B", file("convscope_driver.py"), file("request.json")],
                environment: environment, stderrPath: file("stderr.txt"), timeout: timeout)
        } catch let error as POSIXError {
            let reason = String(cString: strerror(error.code.rawValue))
            throw CLIFailure(
                "cannot start \(Self.python) (\(reason)); check runs your code with Python 3 and NumPy: "
                    + "install them, or set CONVSCOPE_PYTHON to the interpreter")
        }
        let root = dir.count > 1 && dir.hasSuffix("/") ? String(dir.dropLast()) : dir
        let place = "\(root)/\(layer.path)"
        if outcome == .timedOut {
            let stage = (try? String(contentsOfFile: file("status.json.stage"), encoding: .utf8)) ?? "starting"
            throw CLIFailure(
                "\(place): \(layer.name) did not finish within \(Self.seconds(timeout)) s (an endless loop?) "
                    + "and was stopped while \(stage); give more time with --timeout SECONDS")
        }
        guard let data = fileManager.contents(atPath: file("status.json")),
            let status = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else {
            throw CLIFailure(
                "\(place): \(Self.python) stopped (\(Self.describe(outcome))) before answering: "
                    + Self.lastLine(of: file("stderr.txt")))
        }
        if let message = status["error"] as? String {
            let inside = (status["file"] as? String).map { $0 == "." ? root : "\(root)/\($0)" }
            let line = (status["line"] as? Int).map { ":\($0)" } ?? ""
            throw CLIFailure((inside.map { "\($0)\(line): " } ?? "") + message)
        }
        answers = try NPZ.read(contentsOf: URL(fileURLWithPath: file("out.npz")))
        ranBackward = status["backward"] as? Bool ?? false
    }

    private static func describe(_ outcome: ChildProcess.Outcome) -> String {
        switch outcome {
        case .exited(let status): "exit status \(status)"
        case .signalled(let signal): "signal \(signal)"
        case .timedOut: "time-out"
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// The last non-empty line of a file, for a driver that died without a status.
    private static func lastLine(of path: String) -> String {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").last.map(String.init) ?? "no message"
    }
}
