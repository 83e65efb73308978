using BenchmarkDotNet.Running;
using Evident.Data;

// dotnet run -c Release --project bench/Evident.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Evident.Benchmarks -- generate PATH ROWS   (the 1M-row CSV of the issue)
if (args is ["generate", var path, var rows])
{
    SyntheticData.WriteCoxBenchmarkCsv(path, int.Parse(rows, System.Globalization.CultureInfo.InvariantCulture), seed: 20261124);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
