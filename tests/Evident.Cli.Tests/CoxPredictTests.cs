namespace Evident.Cli.Tests;

/// <summary>
/// <c>cox --predict</c>: a pattern the model cannot place (an unknown level, a missing variable, a stratum without
/// data) is bad input — one line naming the file, row, column and value, exit code 2, nothing written.
/// The values themselves are R's, in tests/fixtures/predict.
/// </summary>
public sealed class CoxPredictTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("evident-predict-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "predict", "data", name);

    private (int Code, string Stdout, string Stderr, bool OutputWritten) Predict(string data, string formula, string patterns)
    {
        string file = Path.Combine(_directory, "patterns.csv");
        File.WriteAllText(file, patterns);
        string output = Path.Combine(_directory, "result.json");
        var (code, stdout, stderr) = Fixtures.Run("cox", Data(data), "--formula", formula, "--predict", file, "--format", "json", "--output", output);
        return (code, stdout, stderr, File.Exists(output));
    }

    [Fact]
    public void AnUnknownLevelIsRefused()
    {
        var r = Predict("veteran.csv", "Surv(time, status) ~ celltype + karno", "celltype,karno\nadeno,40\nlarge cell,50\n");
        Assert.Equal(2, r.Code);
        Assert.False(r.OutputWritten);
        Assert.Contains("patterns.csv, row 2, column 'celltype': value 'large cell' is not a level of 'celltype' in ", r.Stderr);
        Assert.Contains("the levels are: adeno, large, smallcell, squamous.", r.Stderr);
    }

    [Fact]
    public void AMissingCovariateIsRefused()
    {
        var r = Predict("lung.csv", "Surv(time, status) ~ age + sex + ph_ecog", "age,sex\n60,1\n");
        Assert.Equal(2, r.Code);
        Assert.False(r.OutputWritten);
        Assert.Contains("patterns.csv: no column 'ph_ecog': each pattern must give every variable of the model (age, sex, ph_ecog).", r.Stderr);
        var missingValue = Predict("lung.csv", "Surv(time, status) ~ age + sex + ph_ecog", "age,sex,ph_ecog\n60,1,\n");
        Assert.Equal(2, missingValue.Code);
        Assert.Contains("patterns.csv, row 1, column 'ph_ecog': value 'NA' is missing", missingValue.Stderr);
    }

    [Fact]
    public void AStratumWithoutDataIsRefused()
    {
        var r = Predict("lung.csv", "Surv(time, status) ~ age + strata(sex)", "age,sex\n60,1\n60,3\n");
        Assert.Equal(2, r.Code);
        Assert.Contains("patterns.csv, row 2, column 'sex': value '3' is not a level of 'sex'", r.Stderr);
    }

    [Fact]
    public void OneCurvePerPatternInItsStratum()
    {
        var r = Predict("lung.csv", "Surv(time, status) ~ age + strata(sex)", "age,sex\n60,2\n70,1\n");
        Assert.Equal(0, r.Code);
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_directory, "result.json")));
        var curves = doc.RootElement.GetProperty("curves");
        Assert.Equal(2, curves.GetArrayLength());
        Assert.Equal("sex=2", curves[0].GetProperty("stratum").GetString());
        Assert.Equal("60", curves[0].GetProperty("pattern").GetProperty("age").GetString());
        Assert.Equal("sex=1", curves[1].GetProperty("stratum").GetString());
        // lung has 90 women (sex 2) and 138 men: each curve's first risk set is its stratum.
        Assert.Equal(90, curves[0].GetProperty("n_risk")[0].GetInt32());
        Assert.Equal(138, curves[1].GetProperty("n_risk")[0].GetInt32());
    }

    [Fact]
    public void AdjustedCurvesNeedAVariableOfTheTermsAndOneRowPerParticipant()
    {
        string output = Path.Combine(_directory, "adjusted.json");
        var (code, _, stderr) = Fixtures.Run("cox", Data("lung.csv"), "--formula", "Surv(time, status) ~ age + strata(sex)", "--adjusted-by", "sex",
                                             "--format", "json", "--output", output);
        Assert.Equal(2, code);
        Assert.False(File.Exists(output));
        Assert.Contains("cannot adjust by 'sex': it is not a variable of the terms of 'Surv(time, status) ~ age + strata(sex)'", stderr);
        (code, _, stderr) = Fixtures.Run("cox", Data("heart.csv"), "--formula", "Surv(start, stop, event) ~ age + transplant", "--adjusted-by", "transplant",
                                         "--format", "json", "--output", output);
        Assert.Equal(2, code);
        Assert.False(File.Exists(output));
        Assert.Contains("adjusted curves average over participants, one row each", stderr);
    }
}
