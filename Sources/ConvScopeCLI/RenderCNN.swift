import ArgumentParser
import ConvScopeApp
import ConvScopeCore
import Terminal
import Walkthroughs

/// `convscope render cnn [BUNDLE] [--sample NAME]`: the CNN screen as plain text after
/// `--train N` SGD steps, at a layer of the forward or backward pass; the screen shows the
/// width chain and the Linear input size. Training is driven here through `NetworkSession`'s
/// public API, before the screen's model is made, so it does not depend on how the app
/// performs training.
struct RenderCNNCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convscope render cnn",
        abstract: "Print the CNN screen as plain text: a layer of the forward or backward pass, after N SGD steps.")

    @Argument(help: ArgumentHelp("An .npz with A and Y (optional).", valueName: "bundle.npz"))
    var bundle: String?

    @Option(
        help: ArgumentHelp(
            "A shipped labelled batch, e.g. assignment-cnn (see `convscope samples`).",
            valueName: "name"))
    var sample: String?

    @OptionGroup var architecture: CNNArguments

    @Option(help: ArgumentHelp("The pass: forward, or backward (= dLdA).", valueName: "pass"))
    var phase = "forward"

    @Option(help: "The layer to show, from 1 (in the stack's order); instead of --step.")
    var layer: Int?

    @Option(help: "The step to show, from 1 (forward: input, then each layer's output; backward: from the loss down).")
    var step: Int?

    @Option(help: "SGD steps to take before showing the screen, 0 to 10000.")
    var train = 0

    @OptionGroup var frame: FrameArguments

    func run() throws {
        let (dimensions, mode) = (try frame.dimensions(), try frame.mode())
        let pass: Pass
        switch phase {
        case "forward": pass = .forward
        case "backward", "dLdA": pass = .dLdA
        default:
            throw CLIFailure("--phase \(phase) does not exist for the CNN screen; it has forward, backward (= dLdA)")
        }
        guard (0...10_000).contains(train) else {
            throw CLIFailure("--train \(train) must be from 0 to 10000 SGD steps")
        }
        if layer != nil && step != nil { throw CLIFailure("give --layer or --step, not both") }
        let input = try CNNInput.load(bundle: bundle, sample: sample, arguments: architecture)
        let layers = input.session.cnn.layers.count
        if let layer, !(1...layers).contains(layer) {
            throw CLIFailure("--layer \(layer) is out of range: this CNN has layers 1 to \(layers)")
        }
        for done in 0..<train {
            do {
                try input.session.trainStep()
            } catch {
                let reason = (error as? LayerError)?.message ?? "\(error)"
                throw CLIFailure("--train \(train): SGD step \(done + 1) failed: \(reason)")
            }
        }
        var model = AppModel(scenes: [input.scene], size: dimensions, capabilities: frame.capabilities())
        model.display = mode
        model.phase = pass
        if let layer {
            model.step = pass == .forward ? layer - 1 : layers - (layer - 1)
        } else if let step {
            guard (1...model.stepCount).contains(step) else {
                throw CLIFailure(
                    "--step \(step) is out of range: the \(pass.rawValue) screen has steps "
                        + "1 to \(model.stepCount)")
            }
            model.step = step - 1
        }
        try StandardOutput.print(model.render(keyHints: false).plainText())
    }
}
