import ConvScopeCLI

ConvScopeCommand.runMain()
