import ArgumentParser
import ConvScopeCore
import Foundation

/// A size in bytes as `--max-memory` takes it: `8G`, `512M`, `1.5GiB`, `300k` or plain bytes
/// (K, M, G, T are powers of 1024).
struct MemorySize: ExpressibleByArgument {
    let bytes: Int

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(String, Double)] = [
            ("TIB", 0x1p40), ("GIB", 0x1p30), ("MIB", 0x1p20), ("KIB", 0x1p10),
            ("TB", 0x1p40), ("GB", 0x1p30), ("MB", 0x1p20), ("KB", 0x1p10),
            ("T", 0x1p40), ("G", 0x1p30), ("M", 0x1p20), ("K", 0x1p10), ("B", 1),
        ]
        let (suffix, scale) = units.first { text.hasSuffix($0.0) } ?? ("", 1)
        guard let value = Double(text.dropLast(suffix.count)), value.isFinite, value > 0, value * scale < 0x1p62 else {
            return nil
        }
        bytes = Int(value * scale)
    }

    init(bytes: Int) { self.bytes = bytes }

    /// Half the machine's memory (or of the container's limit when lower): a run past it
    /// would crowd out everything else or be killed.
    static var machineDefault: MemorySize {
        var total = Int(clamping: ProcessInfo.processInfo.physicalMemory)
        if let text = try? String(contentsOfFile: "/sys/fs/cgroup/memory.max", encoding: .utf8),
            let limit = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)), limit > 0
        {
            total = min(total, limit)
        }
        return MemorySize(bytes: total / 2)
    }

    /// `9.8 GB`, `512 MB`, `4.0 KB`, `17 bytes`: powers of 1024, one decimal.
    static func words(_ bytes: Int) -> String {
        guard bytes < Int.max else { return "more memory than any machine has" }
        let units = [("TB", 0x1p40), ("GB", 0x1p30), ("MB", 0x1p20), ("KB", 0x1p10)]
        for (unit, scale) in units where Double(bytes) >= scale {
            return String(format: "%.1f %@", Double(bytes) / scale, unit)
        }
        return "\(bytes) bytes"
    }
}

extension LayerInput {
    /// Refuses the run when its memory need (from the shapes, see `MemoryNeed`) passes `limit`,
    /// in one line that says how much it would need.
    func requireMemory(within limit: MemorySize?, backward: Bool, writing: Bool) throws {
        let need = spec.memoryNeed(for: tensors, backward: backward, writing: writing)
        let budget = limit ?? .machineDefault
        guard need.bytes > budget.bytes else { return }
        let output = need.outputShape.map { " (Z would be \(TensorSummary.shapeText($0)))" } ?? ""
        let source = self.source.map { "\($0): " } ?? ""
        let input = TensorSummary.shapeText(tensors["A"]?.shape ?? [])
        let allowed =
            MemorySize.words(budget.bytes) + " allowed" + (limit == nil ? " (half this machine's memory)" : "")
        throw CLIFailure(
            "\(source)\(spec.kind.rawValue) on A \(input)\(output) would need "
                + "\(MemorySize.words(need.bytes)) of memory, more than the \(allowed); nothing was run: "
                + "use smaller tensors or options, or raise --max-memory")
    }
}
