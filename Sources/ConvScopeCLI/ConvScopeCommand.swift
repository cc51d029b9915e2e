import ArgumentParser

/// `convscope`: the root command, whose subcommands are the tool's faces.
public struct ConvScopeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "convscope",
        abstract: "See convolutional networks compute, number by number, in your terminal.",
        subcommands: [
            DemoCommand.self, ViewCommand.self, CNNCommand.self, RenderCommand.self, ComputeCommand.self,
            CheckCommand.self, SamplesCommand.self,
        ],
        defaultSubcommand: DemoCommand.self)

    public init() {}
}
