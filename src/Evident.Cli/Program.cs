using Evident.Cli;

return EvidentApp.Run(args, Console.Out, Console.Error);
