import ConvScopeCore
import Foundation

/// A plain text format for hand-written samples: whitespace-separated numbers, one row
/// per line, '#' starts a comment, and a blank line starts the next channel.
///
///     # a 2-channel 2×3 image
///     1 2 3
///     4 5 6
///
///     0.5 nan -inf
///     7 8 9
public enum TextTensor {
    /// Parses the text: one block gives a 2-d tensor (rows, cols), even for a single row;
    /// several blank-line-separated blocks give (channels, rows, cols). Lines holding only a
    /// comment are skipped without separating blocks. Values are anything `Double("…")`
    /// accepts, including nan, inf and -inf. Errors name `source` and the line number.
    public static func decode(_ text: String, source: String = "input") throws -> Tensor {
        var blocks: [(firstLine: Int, rows: [[Double]])] = []
        var columns: Int?
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var startsBlock = true
        for (index, line) in lines.enumerated() {
            let number = index + 1
            let content = line.prefix { $0 != "#" }
            let tokens = content.split(whereSeparator: \.isWhitespace)
            if tokens.isEmpty {
                if content.count == line.count { startsBlock = true }
                continue
            }
            var row: [Double] = []
            for token in tokens {
                guard let value = Double(token) else {
                    throw TensorFileError(
                        "\(source):\(number): '\(token)' is not a number; write values like "
                            + "1.5, -2e-3, nan or inf separated by spaces")
                }
                row.append(value)
            }
            if let columns, row.count != columns {
                throw TensorFileError(
                    "\(source):\(number): row has \(row.count) values but the first row has "
                        + "\(columns); every row needs the same number of values")
            }
            columns = row.count
            if startsBlock { blocks.append((number, [])) }
            startsBlock = false
            blocks[blocks.count - 1].rows.append(row)
        }
        guard let first = blocks.first, let columns else {
            throw TensorFileError("\(source): no numbers found; write whitespace-separated values, one row per line")
        }
        for (channel, block) in blocks.enumerated() where block.rows.count != first.rows.count {
            throw TensorFileError(
                "\(source):\(block.firstLine): channel \(channel + 1) has \(block.rows.count) "
                    + "rows but channel 1 has \(first.rows.count); every blank-line-separated "
                    + "block needs the same number of rows")
        }
        let shape = blocks.count == 1 ? [first.rows.count, columns] : [blocks.count, first.rows.count, columns]
        return Tensor(shape: shape, scalars: blocks.flatMap { $0.rows.joined() })
    }

    /// Reads a text tensor file; errors name the file and line.
    public static func read(contentsOf url: URL) throws -> Tensor {
        let data = try FileAccess.contents(of: url)
        guard let text = String(data: data, encoding: .utf8) else {
            throw TensorFileError(
                "\(url.lastPathComponent): the file is not UTF-8 text; "
                    + "save it as plain text or use .npy for binary data")
        }
        return try decode(text, source: url.lastPathComponent)
    }

    /// Formats a non-empty 1-d (one row), 2-d or 3-d (blank line between channels) tensor,
    /// using the shortest text that reads back to the same Double (every NaN is written "nan").
    public static func encode(_ tensor: Tensor) throws -> String {
        let shape = tensor.shape
        guard (1...3).contains(shape.count), tensor.count > 0 else {
            throw TensorFileError(
                "text format holds non-empty 1-d, 2-d or 3-d tensors, not shape "
                    + "\(NPYHeader.describe(shape)); save it as .npy instead")
        }
        let columns = shape[shape.count - 1]
        let rowsPerBlock = shape.count == 3 ? shape[1] : tensor.count / columns
        var text = "# shape \(NPYHeader.describe(shape))\n"
        for (rowIndex, start) in stride(from: 0, to: tensor.count, by: columns).enumerated() {
            if rowIndex > 0 && rowIndex % rowsPerBlock == 0 { text += "\n" }
            text +=
                tensor.scalars[start..<start + columns]
                .map { $0.isNaN ? "nan" : "\($0)" }
                .joined(separator: " ") + "\n"
        }
        return text
    }
}
