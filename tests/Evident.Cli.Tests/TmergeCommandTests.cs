namespace Evident.Cli.Tests;

/// <summary>
/// <c>evident tmerge</c>: the data it writes are the data its JSON shows and feed <c>cox</c> with
/// <c>Surv(tstart, tstop, event)</c>; usage errors exit 2 and write nothing. R's values: tests/fixtures/tmerge.
/// </summary>
public sealed class TmergeCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("evident-tmerge-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "tmerge", "data", name);

    [Fact]
    public void TheWrittenFileFeedsCountingProcessCox()
    {
        string merged = Path.Combine(_directory, "cgd2.csv");
        var (code, stdout, stderr) = Fixtures.Run("tmerge", Data("cgd-baseline.csv"), "--id", "id", "--range", "tstop=futime", "--changes", Data("cgd-infections.csv"),
                                                  "--add", "infect=event(etime)", "--add", "infected=tdc(etime)", "--write", merged, "--format", "json");
        Assert.True(code == 0, stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.Equal(merged, doc.RootElement.GetProperty("written").GetString());
        var table = Evident.Data.TableReader.Read(merged);
        Assert.Equal(doc.RootElement.GetProperty("rows").GetInt32(), table.RowCount);
        Assert.Equal(doc.RootElement.GetProperty("data").GetProperty("tstop").EnumerateArray().Select(e => e.GetDouble()), table["tstop"].Numbers.ToArray());
        (code, stdout, stderr) = Fixtures.Run("cox", merged, "--formula", "Surv(tstart, tstop, infect) ~ treat + infected + cluster(id)", "--format", "json");
        Assert.True(code == 0, stderr);
        using var cox = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.Equal(doc.RootElement.GetProperty("rows").GetInt32(), cox.RootElement.GetProperty("n").GetInt32());
    }

    [Fact]
    public void UsageErrorsWriteNothing()
    {
        string merged = Path.Combine(_directory, "out.csv");
        var (code, _, stderr) = Fixtures.Run("tmerge", Data("cgd-baseline.csv"), "--id", "id", "--range", "tstop=futime", "--add", "infect=event(etime)", "--write", merged);
        Assert.Equal(2, code);
        Assert.Contains("--add needs --changes FILE", stderr);
        (code, _, stderr) = Fixtures.Run("tmerge", Data("cgd-baseline.csv"), "--id", "id", "--range", "tstop=futime", "--changes", Data("cgd-infections.csv"),
                                         "--add", "infect=cumevent(etime)", "--write", merged);
        Assert.Equal(2, code);
        Assert.Contains("expected NAME=tdc(TIME)", stderr);
        (code, _, stderr) = Fixtures.Run("tmerge", Data("cgd-baseline.csv"), "--id", "id", "--range", "x=tdc(futime)", "--write", merged);
        Assert.Equal(2, code);
        Assert.Contains("--range 'x=tdc(futime)': expected", stderr);
        Assert.False(File.Exists(merged));
    }
}
