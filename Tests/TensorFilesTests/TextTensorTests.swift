import ConvScopeCore
import Foundation
import Testing

@testable import TensorFiles

/// The plain text tensor format: parsing, errors with line numbers, and round trips.
@Suite struct TextTensorTests {
    @Test func oneBlockIsTwoDimensional() throws {
        let text = """
            # a 2×3 matrix
            1 2 3   # first row
            4\t5  6
            """
        #expect(try TextTensor.decode(text) == Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6]))
    }

    @Test func singleRowStaysTwoDimensional() throws {
        #expect(try TextTensor.decode("7 8 9\n").shape == [1, 3])
        #expect(try TextTensor.decode("42").shape == [1, 1])
    }

    @Test func blankLinesSeparateChannels() throws {
        let text = """

            # channel 1
            1 2
            3 4


            # channel 2
            # (comment lines do not split a block)
            5 6
            # between rows
            7 8

            9 10
            11 12
            \("   ")
            """
        let tensor = try TextTensor.decode(text)
        #expect(tensor == Tensor(shape: [3, 2, 2], scalars: (1...12).map(Double.init)))
    }

    @Test func windowsLineEndingsAndSpecialValues() throws {
        let tensor = try TextTensor.decode("nan inf\r\n-inf -0.0\r\n5e-324 0x1p3\r\n")
        #expect(tensor.shape == [3, 2])
        #expect(tensor.scalars[0].isNaN)
        #expect(
            Array(tensor.scalars.dropFirst()).map(\.bitPattern)
                == [Double.infinity, -.infinity, -0.0, .leastNonzeroMagnitude, 8].map(\.bitPattern))
    }

    static let badTexts: [(text: String, message: String)] = [
        (
            "1 2 3\n4 5\n",
            "sample.txt:2: row has 2 values but the first row has 3; every row needs the same number of values"
        ),
        (
            "# header\n1 2\n\n3 4 5\n",
            "sample.txt:4: row has 3 values but the first row has 2; every row needs the same number of values"
        ),
        (
            "1 2\n3 x4\n",
            "sample.txt:2: 'x4' is not a number; write values like 1.5, -2e-3, nan or inf separated by spaces"
        ),
        ("1,2\n", "sample.txt:1: '1,2' is not a number; write values like 1.5, -2e-3, nan or inf separated by spaces"),
        (
            "1 2\n3 4\n\n5 6\n",
            "sample.txt:4: channel 2 has 1 rows but channel 1 has 2; every blank-line-separated block needs the same "
                + "number of rows"
        ),
        ("# nothing here\n\n  \n", "sample.txt: no numbers found; write whitespace-separated values, one row per line"),
        ("", "sample.txt: no numbers found; write whitespace-separated values, one row per line"),
    ]

    @Test(arguments: badTexts)
    func errorsNameTheLine(text: String, message: String) {
        #expect(errorMessage { _ = try TextTensor.decode(text, source: "sample.txt") } == message)
    }

    @Test(arguments: [[1], [7], [3, 4], [1, 5], [2, 3, 4], [5, 1, 1]])
    func encodeThenDecodeKeepsEveryBit(shape: [Int]) throws {
        let tensor = awkwardTensor(shape: shape, seed: 11)
        let decoded = try TextTensor.decode(TextTensor.encode(tensor))
        // 1-d tensors come back as a single row.
        #expect(decoded.shape == (shape.count == 1 ? [1] + shape : shape))
        for (a, b) in zip(decoded.scalars, tensor.scalars) {
            #expect(sameValue(a, b), "\(a) vs \(b)")
        }
    }

    @Test func encodeLayout() throws {
        let tensor = Tensor(shape: [2, 1, 3], scalars: [1, -0.0, .nan, .infinity, 0.1, .leastNonzeroMagnitude])
        #expect(try TextTensor.encode(tensor) == "# shape (2, 1, 3)\n1.0 -0.0 nan\n\ninf 0.1 5e-324\n")
    }

    @Test(arguments: [[], [0], [2, 0], [1, 1, 1, 1]])
    func encodeRefusesShapesTheFormatCannotHold(shape: [Int]) {
        let message = errorMessage { _ = try TextTensor.encode(Tensor(shape: shape)) }
        #expect(message.contains("save it as .npy instead"), "\(message)")
    }

    @Test func readNamesFileAndRefusesBinary() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("kernel.txt")
        try "1 0 -1\n2 0 -2\n1 0 -1\n".write(to: good, atomically: true, encoding: .utf8)
        #expect(try TextTensor.read(contentsOf: good).shape == [3, 3])

        let ragged = directory.appendingPathComponent("ragged.txt")
        try "1 2\n3\n".write(to: ragged, atomically: true, encoding: .utf8)
        #expect(
            errorMessage { _ = try TextTensor.read(contentsOf: ragged) }.hasPrefix("ragged.txt:2: row has 1 values"))

        let binary = directory.appendingPathComponent("binary.txt")
        try Data([0xFF, 0xFE, 0x00, 0x31]).write(to: binary)
        #expect(
            errorMessage { _ = try TextTensor.read(contentsOf: binary) }
                .hasPrefix("binary.txt: the file is not UTF-8 text"))
    }
}
