import ConvScopeCLI

ConvScopeCommand.main()
