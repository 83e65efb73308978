namespace Evident.Data.Tests;

/// <summary>
/// Patterns are coded by the frame's own design: coding the frame's data as patterns gives back its design matrix and
/// strata (interactions, factors by all levels, a changed reference level included); R's refusals are input errors.
/// </summary>
public class CovariatePatternTests
{
    private const string Csv =
        "time,status,arm,k,z,site\n" +
        "1,1,B,1,0.5,x\n2,0,A,2,1.5,y\n3,1,C,2,-1,x\n4,1,A,1,2,y\n5,0,B,2,0,x\n6,1,C,3,1,y\n7,1,A,2,0.25,x\n8,0,B,1,3,y\n";

    private static (ModelFrame Frame, DataTable Table) FrameOf(string formula, ModelFrameOptions? options = null)
    {
        var table = TestFiles.ParseText(Csv, source: "t.csv");
        return (ModelFrame.Build(table, SurvivalFormula.Parse(formula), options), table);
    }

    [Theory]
    [InlineData("Surv(time, status) ~ arm + z")]
    [InlineData("Surv(time, status) ~ arm * z + factor(k)")]
    [InlineData("Surv(time, status) ~ factor(k):z + arm:z")]
    [InlineData("Surv(time, status) ~ z + strata(site, arm)")]
    public void TheFramesOwnRowsCodeAsItsDesign(string formula)
    {
        var (frame, table) = FrameOf(formula, new ModelFrameOptions { References = new Dictionary<string, string> { ["arm"] = "B" } });
        var patterns = frame.CodePatterns(table);
        Assert.Equal(frame.RowCount, patterns.Count);
        Assert.Equal(frame.CovariateCount, patterns.CovariateCount);
        Assert.Equal(frame.Covariates.ToArray(), patterns.Covariates.ToArray());
        if (frame.StratumCount > 1) Assert.Equal(frame.Stratum.ToArray(), patterns.Stratum.ToArray());
        else Assert.True(patterns.Stratum.IsEmpty);
        Assert.Equal("B", patterns.Labels[0]["arm"]);
    }

    [Fact]
    public void NumbersWrittenDifferentlyFindTheirLevel()
    {
        var (frame, _) = FrameOf("Surv(time, status) ~ factor(k) + z");
        var patterns = frame.CodePatterns(TestFiles.ParseText("k,z\n2.0,1\n\"3\",2\n", source: "p.csv"));
        Assert.Equal([1.0, 0, 1, 0, 1, 2], patterns.Covariates.ToArray());
        Assert.Equal("2", patterns.Labels[0]["k"]);
    }

    [Fact]
    public void AnUnknownLevelNamesRowColumnValueAndTheLevels()
    {
        var (frame, _) = FrameOf("Surv(time, status) ~ arm + z");
        var e = Assert.Throws<DataInputException>(() => frame.CodePatterns(TestFiles.ParseText("arm,z\nA,1\nD,2\n", source: "p.csv")));
        Assert.Equal("p.csv, row 2, column 'arm': value 'D' is not a level of 'arm' in t.csv; the levels are: A, B, C.", e.Message);
        Assert.Equal(2, e.Row);
    }

    [Fact]
    public void AMissingVariableOrValueIsRefused()
    {
        var (frame, _) = FrameOf("Surv(time, status) ~ arm + z + strata(site)");
        var noColumn = Assert.Throws<DataInputException>(() => frame.CodePatterns(TestFiles.ParseText("arm,z\nA,1\n", source: "p.csv")));
        Assert.Equal("p.csv: no column 'site': each pattern must give every variable of the model (arm, z, site).", noColumn.Message);
        var missing = Assert.Throws<DataInputException>(() => frame.CodePatterns(TestFiles.ParseText("arm,z,site\nA,NA,x\n", source: "p.csv")));
        Assert.Contains("p.csv, row 1, column 'z': value 'NA' is missing", missing.Message);
        var text = Assert.Throws<DataInputException>(() => frame.CodePatterns(TestFiles.ParseText("arm,z,site\nA,high,x\n", source: "p.csv")));
        Assert.Contains("p.csv, row 1, column 'z': value 'high' is not a finite number", text.Message);
    }

    [Fact]
    public void AStrataCombinationTheModelLacksIsRefused()
    {
        // Site x has k = 1 and 2 only: (x, 3) is no stratum.
        var (frame, _) = FrameOf("Surv(time, status) ~ z + strata(site, k)");
        var e = Assert.Throws<DataInputException>(() => frame.CodePatterns(TestFiles.ParseText("z,site,k\n1,y,3\n1,x,3\n1,y,2\n", source: "p.csv")));
        Assert.Contains("p.csv, row 2, column 'site': the strata (site=x, k=3) are not a stratum of the model", e.Message);
    }
}
