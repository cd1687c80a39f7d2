return await SpApi.Cli.CliApp.RunAsync(args);
