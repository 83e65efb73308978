using System.Globalization;
using BenchmarkDotNet.Running;
using Evident.Benchmarks;
using Evident.Data;

// dotnet run -c Release --project bench/Evident.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Evident.Benchmarks -- generate PATH ROWS      (the Cox/KM/log-rank CSV)
// dotnet run -c Release --project bench/Evident.Benchmarks -- generate-cr PATH ROWS   (competing-risks CSV)
// dotnet run -c Release --project bench/Evident.Benchmarks -- generate-cp PATH ROWS   (counting-process intervals)
// dotnet run -c Release --project bench/Evident.Benchmarks -- profile-cox PATH FORMULA [REPEATS]   (the Cox fit's phases)
switch (args)
{
    case ["generate", var path, var rows]:
        SyntheticData.WriteCoxBenchmarkCsv(path, int.Parse(rows, CultureInfo.InvariantCulture), seed: 20261124);
        return;
    case ["generate-cr", var path, var rows]:
        CompetingRisksData.Generate(int.Parse(rows, CultureInfo.InvariantCulture), seed: 20240603).WriteCsv(path);
        return;
    case ["generate-cp", var path, var rows]:
        CountingProcessData.WriteCsv(path, int.Parse(rows, CultureInfo.InvariantCulture), seed: 20261207);
        return;
    case ["profile-cox", var path, var formula]:
        CoxPhaseProfile.Run(path, formula, 3);
        return;
    case ["profile-cox", var path, var formula, var repeats]:
        CoxPhaseProfile.Run(path, formula, int.Parse(repeats, CultureInfo.InvariantCulture));
        return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
