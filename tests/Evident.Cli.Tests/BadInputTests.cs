namespace Evident.Cli.Tests;

/// <summary>
/// Every bad input of the survival core gets one clear line naming file, row, column and value, exit code 2, and
/// nothing written to the requested output file.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("evident-bad-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Csv(string name, string content)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private (int Code, string Stdout, string Stderr, bool OutputWritten) Cox(string file, string formula)
    {
        string output = Path.Combine(_directory, "result.json");
        var (code, stdout, stderr) = Fixtures.Run("cox", file, "--formula", formula, "--format", "json", "--output", output);
        return (code, stdout, stderr, File.Exists(output));
    }

    [Fact]
    public void NonNumericTimeNamesFileRowColumnAndValue()
    {
        string file = Csv("nonnum.csv", "time,status,arm\n1,1,A\n2,0,B\nabc,1,A\n3,1,B\n");
        var r = Cox(file, "Surv(time, status) ~ arm");
        Assert.Equal(2, r.Code);
        Assert.False(r.OutputWritten);
        Assert.Equal("", r.Stdout);
        Assert.Contains("nonnum.csv, row 3, column 'time': value 'abc' is not a number", r.Stderr);
    }

    [Fact]
    public void NegativeTime()
    {
        var r = Cox(Csv("neg.csv", "time,status,arm\n1,1,A\n2,0,B\n-3,1,A\n3,1,B\n"), "Surv(time, status) ~ arm");
        Assert.Equal(2, r.Code);
        Assert.False(r.OutputWritten);
        Assert.Contains("neg.csv, row 3, column 'time': value '-3' is negative", r.Stderr);
    }

    [Fact]
    public void StatusOutsideTheAllowedCodes()
    {
        var r = Cox(Csv("status.csv", "time,status,arm\n1,1,A\n2,3,B\n3,1,A\n3,1,B\n"), "Surv(time, status) ~ arm");
        Assert.Equal(2, r.Code);
        Assert.Contains("status.csv, row 2, column 'status': value '3' is not a valid status; status must be 0/1, 1/2 or TRUE/FALSE", r.Stderr);
    }

    [Fact]
    public void MissingColumnListsTheColumnsThere()
    {
        var r = Cox(Csv("cols.csv", "time,status,arm\n1,1,A\n2,0,B\n"), "Surv(time, status) ~ arms");
        Assert.Equal(2, r.Code);
        Assert.Contains("column 'arms' not found in", r.Stderr);
        Assert.Contains("columns are: time, status, arm", r.Stderr);
    }

    [Fact]
    public void NoEvents()
    {
        var r = Cox(Csv("none.csv", "time,status,arm\n1,0,A\n2,0,B\n3,0,A\n3,0,B\n"), "Surv(time, status) ~ arm");
        Assert.Equal(2, r.Code);
        Assert.Contains("none.csv: no events: every one of the 4 rows is censored", r.Stderr);
    }

    [Fact]
    public void FactorWithOneLevelAfterDroppingMissingRows()
    {
        var r = Cox(Csv("one.csv", "time,status,arm\n1,1,A\n2,0,A\n3,1,A\n3,1,NA\n"), "Surv(time, status) ~ arm");
        Assert.Equal(2, r.Code);
        Assert.Contains("column 'arm' has a single level 'A'; a factor needs at least two", r.Stderr);
    }

    [Fact]
    public void SingularDesignIsAnErrorNamingTheAliasedColumn()
    {
        // x2 = 2·x1: not identifiable. The issue makes this an input error; nothing is written.
        var r = Cox(Csv("singular.csv", "time,status,x1,x2\n1,1,1,2\n2,0,2,4\n3,1,3,6\n4,1,4,8\n5,0,2,4\n"), "Surv(time, status) ~ x1 + x2");
        Assert.Equal(2, r.Code);
        Assert.False(r.OutputWritten);
        Assert.Contains("singular.csv: singular design: 'x2' is constant or a linear combination of the other covariates", r.Stderr);
        Assert.Contains("--singular-ok", r.Stderr);
    }

    [Fact]
    public void SingularOkFitsAsRDoesWithAWarning()
    {
        // R's coxph(singular.ok = TRUE): x2 is reported as NA (aliased) and the rest is fitted.
        string file = Csv("singular.csv", "time,status,x1,x2\n1,1,1,2\n2,0,2,4\n3,1,3,6\n4,1,4,8\n5,0,2,4\n");
        string output = Path.Combine(_directory, "result.json");
        var (code, _, stderr) = Fixtures.Run("cox", file, "--formula", "Surv(time, status) ~ x1 + x2", "--singular-ok", "--format", "json", "--output", output);
        Assert.Equal(0, code);
        Assert.Contains("singular design: column 'x2' is constant or a linear combination of the other covariates", stderr);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(output));
        var terms = json.RootElement.GetProperty("terms");
        Assert.Equal(System.Text.Json.JsonValueKind.Number, terms[0].GetProperty("estimate").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, terms[1].GetProperty("estimate").ValueKind);
    }

    [Fact]
    public void SingularDesignWithNothingEstimableIsAnError()
    {
        var r = Cox(Csv("constant.csv", "time,status,x\n1,1,5\n2,0,5\n3,1,5\n4,1,5\n"), "Surv(time, status) ~ x");
        Assert.Equal(2, r.Code);
        Assert.False(r.OutputWritten);
        Assert.Contains("singular design: no covariate", r.Stderr);
    }

    [Fact]
    public void FormulaSyntaxErrorSaysWhereAndWhat()
    {
        var r = Cox(Csv("f.csv", "time,status,x\n1,1,5\n2,0,6\n"), "Surv(time, status ~ x");
        Assert.Equal(2, r.Code);
        Assert.Contains("expected ')'", r.Stderr);
        Assert.Contains("column 19", r.Stderr);
    }

    [Fact]
    public void MissingFile()
    {
        var (code, _, stderr) = Fixtures.Run("km", Path.Combine(_directory, "nope.csv"), "--formula", "Surv(time, status) ~ 1");
        Assert.Equal(2, code);
        Assert.Contains("nope.csv' does not exist", stderr);
    }

    [Fact]
    public void UnknownCommandListsTheCommands()
    {
        var (code, _, stderr) = Fixtures.Run("kaplan", "x.csv");
        Assert.Equal(2, code);
        Assert.Contains("unknown command 'kaplan'", stderr);
        Assert.Contains("km", stderr);
    }

    [Theory]
    [InlineData("--times", "1,x", "--times '1,x': value 'x' is not a number")]
    [InlineData("--conf-level", "1.5", "--conf-level 1.5: expected a number strictly between 0 and 1")]
    public void BadOptionValues(string option, string value, string message)
    {
        string file = Csv("ok.csv", "time,status\n1,1\n2,0\n3,1\n");
        var (code, _, stderr) = Fixtures.Run("km", file, "--formula", "Surv(time, status) ~ 1", option, value);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
    }

    [Fact]
    public void OutputFileIsWrittenWholeAndOnlyOnSuccess()
    {
        string file = Csv("ok.csv", "time,status,arm\n1,1,A\n2,0,B\n3,1,A\n4,1,B\n5,1,A\n");
        string output = Path.Combine(_directory, "out", "km.json");
        var (code, stdout, _) = Fixtures.Run("km", file, "--formula", "Surv(time, status) ~ arm", "--format", "json", "--output", output);
        Assert.Equal(0, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("{", File.ReadAllText(output));
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(output)!, "*.tmp"));
    }

    [Fact]
    public void CountingProcessStartNotBelowStopNamesTheRow()
    {
        var r = Cox(Csv("cp.csv", "start,stop,event,x\n0,5,1,1\n5,9,0,2\n9,9,1,2\n0,4,1,0\n"), "Surv(start, stop, event) ~ x");
        Assert.Equal(2, r.Code);
        Assert.False(r.OutputWritten);
        Assert.Contains("cp.csv, row 3, column 'start': value '9' is not below the stop time 9 in column 'stop'", r.Stderr);
    }

    [Fact]
    public void CountingProcessIsRefusedByRightCensoredAnalyses()
    {
        string file = Csv("cp2.csv", "start,stop,event,x\n0,5,1,1\n5,9,0,2\n0,4,1,0\n");
        var (code, _, stderr) = Fixtures.Run("rmst", file, "--formula", "Surv(start, stop, event) ~ x", "--tau", "4");
        Assert.Equal(2, code);
        Assert.Contains("this analysis takes right-censored data, Surv(time, status)", stderr);
    }

    [Fact]
    public void SurvregTimeOfZeroNamesTheRow()
    {
        string file = Csv("zero.csv", "time,status,x\n3,1,1\n0,1,2\n4,0,0\n5,1,1\n");
        var (code, stdout, stderr) = Fixtures.Run("survreg", file, "--formula", "Surv(time, status) ~ x", "--format", "json");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("zero.csv, row 2, column 'time': value '0' is not above 0", stderr);
    }
}
