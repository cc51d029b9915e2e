import ArgumentParser
import ConvScopeCore
import Foundation

/// The CNN's architecture as options (`--channels 56,28,14 --kernels 5,6,2 --strides 1,2,2
/// --activations tanh,relu,sigmoid --lr 0.001`), shared by `cnn` and `render cnn`.
///
/// The architecture used is the sample's (its `index.json` options, as for assignment-cnn)
/// with every option given here winning; an option given without a sample architecture
/// starts from the assignment's (`CNNArchitecture.assignment`). Neither: nil, and the
/// screen's own small network is used. Input width, channels and classes come from the data.
struct CNNArguments: ParsableArguments {
    @Option(help: ArgumentHelp("Output channels of each Conv1d, e.g. 56,28,14.", valueName: "list"))
    var channels: String?

    @Option(help: ArgumentHelp("Kernel size of each Conv1d, e.g. 5,6,2.", valueName: "list"))
    var kernels: String?

    @Option(
        help: ArgumentHelp(
            "Stride of each Conv1d, e.g. 1,2,2 (no padding, as in the assignment).",
            valueName: "list"))
    var strides: String?

    @Option(
        help: ArgumentHelp(
            "Activation after each Conv1d: tanh, relu, sigmoid or identity, e.g. tanh,relu,sigmoid.",
            valueName: "list"))
    var activations: String?

    @Option(help: ArgumentHelp("SGD learning rate, e.g. 0.001.", valueName: "rate"))
    var lr: Double?

    @Option(name: .customLong("weight-seed"), help: "Seed of the N(0, 1) initial weights (with an architecture).")
    var weightSeed: UInt64 = 1

    /// The architecture from `sample`'s options with the options given here on top; nil when
    /// neither names one. Malformed lists are one-line errors.
    func architecture(sample: Sample.Options?) throws -> CNNArchitecture? {
        let given = [channels, kernels, strides, activations].contains { $0 != nil } || lr != nil
        guard var architecture = try Self.architecture(of: sample) ?? (given ? .assignment : nil) else { return nil }
        if let channels { architecture.channels = try Self.numbers(channels, option: "--channels") }
        if let kernels { architecture.kernelSizes = try Self.numbers(kernels, option: "--kernels") }
        if let strides { architecture.strides = try Self.numbers(strides, option: "--strides") }
        if let activations {
            architecture.activations = try Self.activations(Self.items(activations), option: "--activations")
        }
        if let lr {
            guard lr > 0, lr.isFinite else { throw CLIFailure("--lr \(lr) must be a positive number such as 0.001") }
            architecture.learningRate = lr
        }
        return architecture
    }

    /// The assignment's architecture with a sample's options applied; nil when it names none.
    static func architecture(of sample: Sample.Options?) throws -> CNNArchitecture? {
        guard let sample,
            sample.channels != nil || sample.kernels != nil || sample.strides != nil
                || sample.activations != nil || sample.lr != nil
        else { return nil }
        var architecture = CNNArchitecture.assignment
        if let values = sample.channels { architecture.channels = values }
        if let values = sample.kernels { architecture.kernelSizes = values }
        if let values = sample.strides { architecture.strides = values }
        if let names = sample.activations {
            architecture.activations = try activations(names, option: "the sample's activations")
        }
        if let rate = sample.lr { architecture.learningRate = rate }
        return architecture
    }

    /// `56,28,14` as numbers ≥ 1.
    static func numbers(_ text: String, option: String) throws -> [Int] {
        let parts = items(text)
        let values = parts.compactMap { Int($0) }
        guard values.count == parts.count, values.allSatisfy({ $0 >= 1 }) else {
            throw CLIFailure(
                "\(option) \(text) is not a list of whole numbers ≥ 1 separated by commas, "
                    + "such as 56,28,14")
        }
        return values
    }

    /// `a, b,c` as `["a", "b", "c"]` (empty entries kept, so `1,,2` is refused).
    static func items(_ text: String) -> [String] {
        text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// Activation names to kinds; an unknown name lists the known ones.
    static func activations(_ names: [String], option: String) throws -> [CNNArchitecture.ActivationKind] {
        try names.map { name in
            guard let kind = CNNArchitecture.ActivationKind(rawValue: name.lowercased()) else {
                let known = CNNArchitecture.ActivationKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw CLIFailure("\(option): unknown activation \"\(name)\"; use \(known)")
            }
            return kind
        }
    }
}
