using PlaceDeMarche.Pipeline.Cli;

return PipelineCommand.Execute(args, Console.Out, Console.Error);
