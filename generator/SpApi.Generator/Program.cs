return await SpApi.Generator.Cli.GeneratorCommandLine.RunAsync(args);
