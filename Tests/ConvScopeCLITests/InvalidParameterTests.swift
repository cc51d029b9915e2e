import ConvScopeCore
import Foundation
import TensorFiles
import Testing

/// Bad options and mismatched tensors in every subcommand: one line on stderr, exit 1,
/// nothing on stdout. `view` and `cnn` run with stdout piped, so an error they raised
/// only after opening the terminal would read "not a terminal" instead of the phrase.
@Suite struct InvalidParameterTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        /// The bundle written to BUNDLE, which stands for its path in `arguments`.
        let bundle: [String: Tensor]?
        let phrase: String
        var testDescription: String { arguments.joined(separator: " ") }

        init(_ arguments: String, bundle: [String: Tensor]? = nil, _ phrase: String) {
            self.arguments = arguments.split(separator: " ").map(String.init)
            self.bundle = bundle
            self.phrase = phrase
        }
    }

    static let image = Tensor.randomNormal(shape: [1, 2, 5, 5], seed: 1)
    static let kernel = Tensor.randomNormal(shape: [3, 2, 3, 3], seed: 2)
    static let conv = ["A": image, "W": kernel]
    static let labelled = ["A": Tensor.randomNormal(shape: [4, 1, 8, 8], seed: 3)]

    static let cases: [Case] =
        ["view", "render"].flatMap { command in
            [
                Case("\(command) conv2d --stride 0", "--stride must be at least 1, got 0"),
                Case("\(command) conv2d --stride=-2", "--stride must be at least 1, got -2"),
                Case("\(command) conv2d --padding=-1", "--padding must be 0 or more, got -1"),
                // A negative value after a space is the option's value too, with the same message.
                Case("\(command) conv2d --stride -2", "--stride must be at least 1, got -2"),
                Case("\(command) conv2d --padding -1", "--padding must be 0 or more, got -1"),
                Case("\(command) maxpool2d --kernel -3", "--kernel must be at least 1, got -3"),
                Case(
                    "\(command) conv1d BUNDLE --padding 1",
                    bundle: ["A": Tensor(shape: [1, 2, 6]), "W": Tensor(shape: [1, 2, 11])],
                    "conv1d: kernel 11 is wider than the padded input 8: use a smaller kernel or dilation, or more "
                        + "padding"
                ),
                Case(
                    "\(command) conv1d BUNDLE --dilation 3",
                    bundle: ["A": Tensor(shape: [1, 2, 6]), "W": Tensor(shape: [1, 2, 3])],
                    "conv1d: kernel 3 at dilation 3 spans 7 and is wider than the padded input 6"),
                Case("\(command) conv2d --padding 5000000", "--padding must be at most 1048576, got 5000000"),
                Case(
                    "\(command) conv2d BUNDLE --padding 10000", bundle: conv,
                    "--padding 10000 would grow A [1, 2, 5, 5] to [1, 2, 20005, 20005], more than 268435456"),
                Case("\(command) upsample2d --factor 0", "--factor must be at least 1, got 0"),
                Case("\(command) upsample2d --factor 100000", "--factor 100000 would grow A [1, 1, 4, 4]"),
                Case("\(command) maxpool2d --kernel 0", "--kernel must be at least 1, got 0"),
                Case("\(command) maxpool2d --kernel 9", "kernel reaches 9×9 but the padded input is only 8×8"),
                Case("\(command) conv1d --stride 2,1", "--stride for conv1d takes one number, got 2,1"),
                Case("\(command) relu --dilation 2", "--dilation does not apply to relu; it takes no options"),
                Case(
                    "\(command) conv2d BUNDLE", bundle: ["A": Tensor(shape: [1, 4, 5, 5]), "W": kernel],
                    "A has 4 channels (shape [1, 4, 5, 5]) but W expects C_in = 2"),
                Case(
                    "\(command) conv2d BUNDLE", bundle: ["A": image, "W": kernel, "b": Tensor(shape: [2])],
                    "b has shape [2] but W has C_out = 3, so b must be (3,)"),
                Case(
                    "\(command) conv2d BUNDLE",
                    bundle: ["A": image, "W": kernel, "dLdZ": Tensor(shape: [1, 3, 2, 2])],
                    "dLdZ has shape [1, 3, 2, 2] but the forward output Z has shape [1, 3, 3, 3]"),
                Case(
                    "\(command) conv2d BUNDLE", bundle: ["A": Tensor(shape: [2, 5, 5]), "W": kernel],
                    "A has shape [2, 5, 5] but must be 4-d"),
                Case(
                    "\(command) linear BUNDLE", bundle: ["A": Tensor(shape: [2, 3]), "W": Tensor(shape: [4, 5])],
                    "A has 3 features (shape [2, 3]) but W expects in_features = 5"),
                Case(
                    "\(command) conv2d --phase sideways",
                    "--phase sideways is not one of forward, backward, dLdA, dLdA-taught, dLdW, dLdb"),
                Case(
                    "\(command) maxpool2d --phase dLdW",
                    "--phase dLdW does not exist for this screen; it has forward, dLdA"),
                Case("\(command) conv2d --gradient sometimes", "--gradient sometimes is not ones, random or integers"),
            ]
        } + [
            Case("render conv2d --size 0x10", "--size 0x10 is too small: a screen needs at least 64x20"),
            Case("render conv2d --size 63x19", "--size 63x19 is too small: a screen needs at least 64x20"),
            Case("render conv2d --size 64x19", "--size 64x19 is too small: a screen needs at least 64x20"),
            Case("render conv2d --size 80by24", "--size 80by24 is not WIDTHxHEIGHT"),
            Case("render conv2d --size 5000x24", "--size 5000x24 is too large: the maximum is 1000x1000"),
            Case("render conv2d --size 1001x10", "--size 1001x10 is too large: the maximum is 1000x1000"),
            Case("render conv2d --step 0", "--step 0 is out of range: the forward screen has steps 1 to 50"),
            Case("render conv2d --step -1", "--step -1 is out of range: the forward screen has steps 1 to 50"),
            Case("render conv2d --step=-1", "--step -1 is out of range: the forward screen has steps 1 to 50"),
            Case("render conv2d --scene -2", "--scene -2 is out of range: this layer has scenes 1 to 1"),
            Case("render conv2d --step 51", "--step 51 is out of range: the forward screen has steps 1 to 50"),
            Case("render conv2d --scene 0", "--scene 0 is out of range: this layer has scenes 1 to 1"),
            Case("render convtranspose2d --scene 3", "--scene 3 is out of range: this layer has scenes 1 to 2"),
            Case("render conv2d --display loud", "--display loud is not one of auto, numbers, heatmap"),
            Case(
                "cnn BUNDLE", bundle: labelled,
                "the CNN needs both A (inputs) and Y (labels), and this has A: write an .npz with both"),
            Case(
                "cnn BUNDLE", bundle: labelled.merging(["Y": Tensor([0, 1, 2])]) { $1 },
                "Y has shape [3] but needs one-hot (4, classes) or class numbers (4,)"),
            Case(
                "cnn BUNDLE", bundle: labelled.merging(["Y": Tensor([0, 1, -1, 2])]) { $1 },
                "Y[2] is -1.0 but class numbers must be whole numbers"),
            Case(
                "cnn BUNDLE", bundle: ["A": Tensor(shape: [4, 8]), "Y": Tensor([0, 1, 0, 1])],
                "A has shape [4, 8] but the CNN reads (N, C, W) or (N, 1, H, W)"),
            Case(
                "compute conv2d BUNDLE -o - --dilation 2000000", bundle: conv,
                "--dilation must be at most 1048576, got 2000000"),
            Case("compute conv2d BUNDLE -o - --padding 10000", bundle: conv, "--padding 10000 would grow A"),
            Case(
                "compute conv2d BUNDLE --expect BUNDLE --atol=-1", bundle: conv,
                "--atol -1.0 is negative; give a finite tolerance of 0 or more"),
            Case(
                "compute conv2d BUNDLE --expect BUNDLE --rtol -1", bundle: conv,
                "--rtol -1.0 is negative; give a finite tolerance of 0 or more"),
            // A layer named where the subcommand goes.
            Case(
                "conv2d x.npz --stride 2",
                "conv2d is a layer, not a command: to see it, run `convscope view conv2d x.npz --stride 2`"),
            Case("relu", "relu is a layer, not a command: to see it, run `convscope view relu`"),
        ]

    @Test(arguments: cases)
    func oneLineErrorBeforeTheTerminal(_ c: Case) throws {
        let scratch = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let bundle = scratch.appendingPathComponent("bundle.npz")
        if let tensors = c.bundle { try NPZ.write(tensors, to: bundle) }
        let result = try ConvscopeProcess.run(c.arguments.map { $0 == "BUNDLE" ? bundle.path : $0 }, timeout: 20)
        #expect(result.status == 1, "status \(result.status): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr.hasPrefix("convscope: ") && result.stderr.split(separator: "\n").count == 1,
            "\(result.stderr)")
        #expect(result.stderr.contains(c.phrase), "no '\(c.phrase)' in \(result.stderr)")
    }
}
