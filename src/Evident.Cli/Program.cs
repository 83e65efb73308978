using Evident.Cli;
using Evident.Cli.Infrastructure;

PhaseTimer.StartOfMain();
return EvidentApp.Run(args, Console.Out, Console.Error);
