namespace Evident.Data.Tests;

public class SyntheticDataTests
{
    [Fact]
    public void GeneratedBenchmarkFileParsesIntoAFrame()
    {
        using var file = TestFiles.Temp(".csv");
        SyntheticData.WriteCoxBenchmarkCsv(file.Path, 20_000, seed: 11);
        var table = TableReader.Read(file.Path);
        Assert.Equal(20_000, table.RowCount);
        Assert.Equal(["id", "time", "status", "arm", "stratum", "x1", "x2", "x3", "x4", "x5"], table.Columns.Select(c => c.Name));
        Assert.Equal(ColumnKind.Text, table["arm"].Kind);
        Assert.Equal(2, table["arm"].Dictionary.Count);
        Assert.Equal(Enumerable.Range(1, 20_000).Select(i => (double)i), table["id"].Numbers.ToArray());
        foreach (double t in table["time"].Numbers) Assert.Equal(Math.Round(t, 3), t);

        var formula = SurvivalFormula.Parse("Surv(time, status) ~ x1 + x2 + x3 + x4 + x5 + arm + strata(stratum)");
        var frame = ModelFrame.Build(TableReader.Read(file.Path, formula.Columns.ToArray()), formula);
        Assert.Equal(20_000, frame.RowCount);
        Assert.Equal(6, frame.CovariateCount);
        Assert.Equal(4, frame.StratumCount);
        Assert.InRange(frame.EventCount, 1_000, 10_000);
        // Values read back exactly as written: the shortest round-trip text is parsed to the same double.
        var text = File.ReadLines(file.Path).Skip(1).First().Split(',');
        Assert.Equal(double.Parse(text[5], System.Globalization.CultureInfo.InvariantCulture), frame.Covariates[0]);

        // The same seed gives the same file.
        using var again = TestFiles.Temp(".csv");
        SyntheticData.WriteCoxBenchmarkCsv(again.Path, 20_000, seed: 11);
        Assert.Equal(File.ReadAllBytes(file.Path), File.ReadAllBytes(again.Path));
    }
}
