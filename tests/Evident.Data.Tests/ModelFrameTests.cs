namespace Evident.Data.Tests;

public class ModelFrameTests
{
    private static ModelFrame Frame(string fixture, string formula, ModelFrameOptions? options = null)
    {
        var f = SurvivalFormula.Parse(formula);
        return ModelFrame.Build(TestFiles.ReadFixture(fixture, f.Columns.ToArray()), f, options);
    }

    private static ModelFrame FrameOf(string csv, string formula, ModelFrameOptions? options = null)
        => ModelFrame.Build(TestFiles.ParseText(csv, source: "t.csv"), SurvivalFormula.Parse(formula), options);

    [Fact]
    public void LungCoxUses227Of228Rows()
    {
        // lung-cox-efron.json: n = 227, events = 164 (status 1/2 coding, one row missing ph_ecog).
        var frame = Frame("lung.csv", "Surv(time, status) ~ age + sex + ph_ecog");
        Assert.Equal(227, frame.RowCount);
        Assert.Equal(1, frame.DroppedRows);
        Assert.Equal(164, frame.EventCount);
        Assert.Equal(3, frame.CovariateCount);
        Assert.Equal([new DesignColumn("age", null, 0), new DesignColumn("sex", null, 1), new DesignColumn("ph_ecog", null, 2)], frame.DesignColumns);
        Assert.Equal([306.0, 455, 1010], frame.Time[..3].ToArray());
        Assert.Equal([true, true, false], frame.Event[..3].ToArray());
        Assert.Equal([1, 1, 0], frame.StatusCodes[..3].ToArray());
        Assert.Equal([74.0, 1, 1, 68, 1, 0], frame.Covariates[..6].ToArray());
        Assert.Equal(1, frame.StratumCount);
        Assert.Equal([new Dictionary<string, string>()], frame.StratumLabels);
        Assert.True(frame.Cluster.IsEmpty);
        Assert.Equal(0, frame.ClusterCount);
    }

    [Fact]
    public void LungKaplanMeierAllUsesEveryRow()
    {
        // lung-km-all.json: n = 228, events = 165.
        var frame = Frame("lung.csv", "Surv(time, status) ~ 1");
        Assert.Equal(228, frame.RowCount);
        Assert.Equal(165, frame.EventCount);
        Assert.Equal(0, frame.CovariateCount);
        Assert.True(frame.Covariates.IsEmpty);
        Assert.Equal([new Dictionary<string, string>()], frame.GroupLabels);
        Assert.All(frame.Group.ToArray(), g => Assert.Equal(0, g));
    }

    [Fact]
    public void StrataAndClusterOnLung()
    {
        // lung-cox-strata-inst-cluster.json: n = 226, events = 163.
        var frame = Frame("lung.csv", "Surv(time, status) ~ age + sex + strata(ph_ecog) + cluster(inst)");
        Assert.Equal(226, frame.RowCount);
        Assert.Equal(163, frame.EventCount);
        Assert.Equal(2, frame.CovariateCount);
        Assert.Equal(["0", "1", "2", "3"], frame.StratumLabels.Select(l => l["ph_ecog"]));
        Assert.Equal(18, frame.ClusterCount);
        Assert.Equal(226, frame.Cluster.Length);
    }

    [Fact]
    public void LogRankGroupsOnLungWithStrata()
    {
        // lung-logrank-sex-strata-ecog.json: groups sex=1 (n 137), sex=2 (n 90).
        var frame = Frame("lung.csv", "Surv(time, status) ~ sex + strata(ph_ecog)");
        Assert.Equal(["1", "2"], frame.GroupLabels.Select(l => l["sex"]));
        var counts = new int[frame.GroupCount];
        foreach (int g in frame.Group) counts[g]++;
        Assert.Equal([137, 90], counts);
    }

    [Fact]
    public void VeteranCelltypeLevelsInCLocaleOrder()
    {
        // veteran-cox-factor.json: celltype large, smallcell, squamous against adeno; n = 137, events = 128.
        var frame = Frame("veteran.csv", "Surv(time, status) ~ trt + karno + factor(celltype)");
        Assert.Equal(137, frame.RowCount);
        Assert.Equal(128, frame.EventCount);
        Assert.Equal(["trt", "karno", "celltype"], frame.TermNames);
        Assert.Equal([new DesignColumn("trt", null, 0), new DesignColumn("karno", null, 1), new DesignColumn("celltype", "large", 2),
                      new DesignColumn("celltype", "smallcell", 2), new DesignColumn("celltype", "squamous", 2)], frame.DesignColumns);
        // Row 1 is squamous: dummies 0,0,1.
        Assert.Equal([1.0, 60, 0, 0, 1], frame.Covariates[..5].ToArray());
        // Groups for log-rank (veteran-logrank-celltype.json): adeno 27, large 27, smallcell 48, squamous 35.
        var byCell = Frame("veteran.csv", "Surv(time, status) ~ celltype");
        Assert.Equal(["adeno", "large", "smallcell", "squamous"], byCell.GroupLabels.Select(l => l["celltype"]));
        var counts = new int[4];
        foreach (int g in byCell.Group) counts[g]++;
        Assert.Equal([27, 27, 48, 35], counts);
    }

    [Fact]
    public void AmlFactorReferenceAndOverride()
    {
        // aml-cox-x.json: term x, level Nonmaintained.
        var frame = Frame("aml.csv", "Surv(time, status) ~ factor(x)");
        Assert.Equal([new DesignColumn("x", "Nonmaintained", 0)], frame.DesignColumns);
        Assert.Equal(0, frame.Covariates[0]);
        Assert.Equal(["Maintained", "Nonmaintained"], frame.GroupLabels.Select(l => l["x"]));
        var counts = new int[2];
        foreach (int g in frame.Group) counts[g]++;
        Assert.Equal([11, 12], counts); // aml-km-x.json

        var relevelled = Frame("aml.csv", "Surv(time, status) ~ x", new ModelFrameOptions { References = new Dictionary<string, string> { ["x"] = "Nonmaintained" } });
        Assert.Equal([new DesignColumn("x", "Maintained", 0)], relevelled.DesignColumns);
        Assert.Equal(1, relevelled.Covariates[0]);
        Assert.Equal(["Nonmaintained", "Maintained"], relevelled.GroupLabels.Select(l => l["x"]));
    }

    [Fact]
    public void NumericFactorLevelsSortNumericallyAndPrintLikeR()
    {
        var frame = FrameOf("t,s,g\n1,1,10\n2,0,2.5\n3,1,2\n4,1,10\n5,0,100000\n", "Surv(t, s) ~ factor(g)");
        Assert.Equal(["2.5", "10", "1e+05"], frame.DesignColumns.Select(c => c.Level));
        Assert.Equal(["2", "2.5", "10", "1e+05"], frame.GroupLabels.Select(l => l["g"]));
        Assert.Equal([2, 1, 0, 2, 3], frame.Group.ToArray());
        var referenced = FrameOf("t,s,g\n1,1,10\n2,0,2.5\n3,1,2\n", "Surv(t, s) ~ factor(g)",
                                 new ModelFrameOptions { References = new Dictionary<string, string> { ["g"] = "10.0" } });
        Assert.Equal(["2", "2.5"], referenced.DesignColumns.Select(c => c.Level));
    }

    [Fact]
    public void InteractionDummyCoding()
    {
        const string csv = "t,s,a,b,x,z\n1,1,p,u,1.5,2\n2,0,q,v,2,3\n3,1,r,u,-1,4\n4,1,p,v,0.5,5\n5,1,q,u,3,6\n";
        var num = FrameOf(csv, "Surv(t, s) ~ x:z");
        Assert.Equal([new DesignColumn("x:z", null, 0)], num.DesignColumns);
        Assert.Equal([3.0, 6, -4, 2.5, 18], num.Covariates.ToArray());

        var fn = FrameOf(csv, "Surv(t, s) ~ a*x");
        Assert.Equal(["a", "x", "a:x"], fn.TermNames);
        Assert.Equal([new DesignColumn("a", "q", 0), new DesignColumn("a", "r", 0), new DesignColumn("x", null, 1),
                      new DesignColumn("a:x", "q", 2), new DesignColumn("a:x", "r", 2)], fn.DesignColumns);
        Assert.Equal([0.0, 0, 1.5, 0, 0, 1, 0, 2, 2, 0, 0, 1, -1, 0, -1], fn.Covariates[..15].ToArray());

        // No main effects: every level combination, a fastest (R: model.matrix(~ a:b) has ap:bu, aq:bu, ar:bu, ap:bv, …;
        // coxph drops the intercept and reports the last combination as aliased).
        var ff = FrameOf(csv, "Surv(t, s) ~ a:b");
        Assert.Equal(["p:u", "q:u", "r:u", "p:v", "q:v", "r:v"], ff.DesignColumns.Select(c => c.Level));
        Assert.All(ff.DesignColumns, c => Assert.Equal(("a:b", 0), (c.Term, c.TermIndex)));
        Assert.Equal([1.0, 0, 0, 0, 0, 0,  0, 0, 0, 0, 1, 0,  0, 0, 1, 0, 0, 0,  0, 0, 0, 1, 0, 0,  0, 1, 0, 0, 0, 0], ff.Covariates.ToArray());
        // Groups are the combinations of a and b present, first variable slowest.
        Assert.Equal([("p", "u"), ("p", "v"), ("q", "u"), ("q", "v"), ("r", "u")], ff.GroupLabels.Select(l => (l["a"], l["b"])));
        Assert.Equal([0, 3, 4, 1, 2], ff.Group.ToArray());
    }

    private static string[] Names(ModelFrame frame) => frame.DesignColumns.Select(c => c.Level is null ? c.Term : $"{c.Term}[{c.Level}]").ToArray();

    // Rows: k = 1, 2, 3, 1, 2; g = a, b, a, b, b.
    private const string Mixed = "t,s,k,g,h,x,z\n1,1,1,a,p,1.5,2\n2,0,2,b,q,2,3\n3,1,3,a,r,-1,4\n4,1,1,b,p,0.5,5\n5,1,2,b,q,3,6\n";

    [Fact]
    public void FactorInteractionWithoutItsMainEffectHasEveryLevel()
    {
        // R: model.matrix(~ factor(k):z) → factor(k)1:z, factor(k)2:z, factor(k)3:z (formula-cox-k-z.json).
        var kz = FrameOf(Mixed, "Surv(t, s) ~ factor(k):z");
        Assert.Equal(["k:z[1]", "k:z[2]", "k:z[3]"], Names(kz));
        Assert.Equal([2.0, 0, 0,  0, 3, 0,  0, 0, 4,  5, 0, 0,  0, 6, 0], kz.Covariates.ToArray());

        // R: model.matrix(~ g:x + z) → z, ga:x, gb:x (formula-cox-g-x-z.json).
        var gx = FrameOf(Mixed, "Surv(t, s) ~ g:x + z");
        Assert.Equal(["z", "g:x[a]", "g:x[b]"], Names(gx));
        Assert.Equal([2.0, 1.5, 0,  3, 0, 2,  4, -1, 0,  5, 0, 0.5,  6, 0, 3], gx.Covariates.ToArray());

        // With the main effect the interaction takes contrasts (formula-cox-x-star-g.json).
        var xg = FrameOf(Mixed, "Surv(t, s) ~ x*factor(g)");
        Assert.Equal(["x", "g[b]", "x:g[b]"], Names(xg));
        Assert.Equal([1.5, 0, 0,  2, 1, 2,  -1, 0, 0,  0.5, 1, 0.5,  3, 1, 3], xg.Covariates.ToArray());
    }

    [Fact]
    public void ContrastsWhenTheMarginIsInsideAnEarlierTerm()
    {
        // R's TermCode looks for the margin inside any earlier term, not only for an equal one:
        // model.matrix(~ x:z + g:z) → x:z, z:gb (formula-cox-xz-zg.json), but ~ g:z + x:z → ga:z, gb:z, z:x.
        var before = FrameOf(Mixed, "Surv(t, s) ~ x:z + g:z");
        Assert.Equal(["x:z", "z:g"], before.TermNames);
        Assert.Equal(["x:z", "z:g[b]"], Names(before));
        Assert.Equal([3.0, 0,  6, 3,  -4, 0,  2.5, 5,  18, 6], before.Covariates.ToArray());
        var after = FrameOf(Mixed, "Surv(t, s) ~ g:z + x:z");
        Assert.Equal(["g:z[a]", "g:z[b]", "z:x"], Names(after));

        // model.matrix(~ g:h + g) → gb, ga:hq, gb:hq, ga:hr, gb:hr: h has its margin g, g's margin h is absent.
        var gh = FrameOf(Mixed, "Surv(t, s) ~ g:h + g");
        Assert.Equal(["g[b]", "g:h[a:q]", "g:h[b:q]", "g:h[a:r]", "g:h[b:r]"], Names(gh));
        // model.matrix(~ g:h:x + g:x) → ga:x, gb:x, ga:hq:x, gb:hq:x, ga:hr:x, gb:hr:x.
        var ghx = FrameOf(Mixed, "Surv(t, s) ~ g:h:x + g:x");
        Assert.Equal(["g:x[a]", "g:x[b]", "g:h:x[a:q]", "g:h:x[b:q]", "g:h:x[a:r]", "g:h:x[b:r]"], Names(ghx));
        // model.matrix(~ k + factor(k):z): numeric k is another variable than factor(k) → k, factor(k)1:z, …3:z.
        var numericK = FrameOf(Mixed, "Surv(t, s) ~ k + factor(k):z");
        Assert.Equal(["k", "k:z[1]", "k:z[2]", "k:z[3]"], Names(numericK));
    }

    [Fact]
    public void NonAsciiColumnNamesNeedNoBackquotes()
    {
        var frame = FrameOf("zeit,status,größe,ärm\n1,1,170,A\n2,0,180,B\n3,1,165,A\n", "Surv(zeit, status) ~ größe + ärm");
        Assert.Equal(["größe", "ärm[B]"], Names(frame));
        Assert.Equal([170.0, 0, 180, 1, 165, 0], frame.Covariates.ToArray());
        Assert.Equal(["A", "B"], frame.GroupLabels.Select(l => l["ärm"]).Distinct());
    }

    [Fact]
    public void LogicalAndTextColumnsAreFactors()
    {
        var frame = FrameOf("t,s,flag\n1,TRUE,TRUE\n2,FALSE,FALSE\n3,TRUE,TRUE\n", "Surv(t, s) ~ flag");
        Assert.Equal([new DesignColumn("flag", "TRUE", 0)], frame.DesignColumns);
        Assert.Equal([1.0, 0, 1], frame.Covariates.ToArray());
        Assert.Equal([true, false, true], frame.Event.ToArray());
    }

    [Fact]
    public void StatusOneTwoCodingMeansTwoIsTheEvent()
    {
        var frame = FrameOf("t,s\n1,1\n2,2\n3,2\n", "Surv(t, s) ~ 1");
        Assert.Equal([false, true, true], frame.Event.ToArray());
        Assert.Equal([0, 1, 1], frame.StatusCodes.ToArray());
        Assert.Equal(2, frame.EventCount);
        var allOnes = FrameOf("t,s\n1,1\n2,1\n", "Surv(t, s) ~ 1");
        Assert.Equal(2, allOnes.EventCount);
    }

    [Fact]
    public void CompetingRisksCauseCodes()
    {
        // mgus2: event 0 = censored, 1 = progression, 2 = death.
        var frame = Frame("mgus2.csv", "Surv(etime, event) ~ 1", new ModelFrameOptions { StatusIsCause = true });
        Assert.Equal(1384, frame.RowCount);
        Assert.Equal(0, frame.DroppedRows);
        int[] counts = new int[3];
        foreach (int c in frame.StatusCodes) counts[c]++;
        Assert.Equal(frame.EventCount, counts[1] + counts[2]);
        Assert.True(counts[1] > 0 && counts[2] > 0);

        var e = Assert.Throws<DataInputException>(() => FrameOf("t,s\n1,1\n2,1.5\n", "Surv(t, s) ~ 1", new ModelFrameOptions { StatusIsCause = true }));
        Assert.Equal("t.csv, row 2, column 's': value '1.5' is not a whole number; cause codes must be whole numbers (0 = censored, k = failure from cause k).", e.Message);
        var negative = Assert.Throws<DataInputException>(() => FrameOf("t,s\n1,-1\n2,1\n", "Surv(t, s) ~ 1", new ModelFrameOptions { StatusIsCause = true }));
        Assert.Equal("t.csv, row 1, column 's': value '-1' is not a non-negative cause code; cause codes must be whole numbers (0 = censored, k = failure from cause k).", negative.Message);
    }

    [Fact]
    public void MissingValuesAreDroppedButErrorsNameTheFileRow()
    {
        var frame = FrameOf("t,s,x\n1,1,NA\n2,0,3\n,1,4\n4,1,5\n", "Surv(t, s) ~ x");
        Assert.Equal(2, frame.RowCount);
        Assert.Equal(2, frame.DroppedRows);
        Assert.Equal([2, 4], frame.SourceRows.ToArray());
        var e = Assert.Throws<DataInputException>(() => FrameOf("t,s,x\n1,1,NA\n2,0,3\n-4,1,5\n", "Surv(t, s) ~ x"));
        Assert.Equal("t.csv, row 3, column 't': value '-4' is negative; survival times must be non-negative numbers.", e.Message);
        Assert.Equal(3, e.Row);
        Assert.Equal("t", e.Column);
        Assert.Equal("-4", e.Value);
        Assert.Equal("survival times must be non-negative numbers", e.Expected);
    }

    [Theory]
    [InlineData("t,s\n1,1\nabc,1\n", "t.csv, row 2, column 't': value 'abc' is not a number; survival times must be non-negative numbers.")]
    [InlineData("t,s\n1,1\nInf,1\n", "t.csv, row 2, column 't': value 'Inf' is infinite; survival times must be non-negative numbers.")]
    [InlineData("t,s\n1,1\n2,3\n", "t.csv, row 2, column 's': value '3' is not a valid status; status must be 0/1, 1/2 or TRUE/FALSE.")]
    [InlineData("t,s\n1,0\n2,1\n3,2\n", "t.csv, row 3, column 's': value '2' mixes the 0/1 and 1/2 status codings; status must be 0/1, 1/2 or TRUE/FALSE.")]
    [InlineData("t,s\n1,dead\n", "t.csv, row 1, column 's': value 'dead' is not a valid status; status must be 0/1, 1/2 or TRUE/FALSE.")]
    [InlineData("t,s\n1,1\n2,dead\n", "t.csv, row 2, column 's': value 'dead' is not a valid status; status must be 0/1, 1/2 or TRUE/FALSE.")]
    [InlineData("t,s\n1,0\n2,2\n3,7\n", "t.csv, row 3, column 's': value '7' is not a valid status; status must be 0/1, 1/2 or TRUE/FALSE.")]
    [InlineData("t,s\n1,1\n2,NaN\n3,-1\n", "t.csv, row 3, column 's': value '-1' is not a valid status; status must be 0/1, 1/2 or TRUE/FALSE.")]
    [InlineData("t,s\nTRUE,1\n", "t.csv, row 1, column 't': value 'TRUE' is TRUE/FALSE, not a number; survival times must be non-negative numbers.")]
    [InlineData("t,s\n1,0\n2,0\n3,NA\n", "t.csv: no events: every one of the 2 rows is censored.")]
    [InlineData("t,s\nNA,1\n2,NA\n", "t.csv: no complete rows: every one of the 2 rows has a missing value in at least one of t, s.")]
    public void TimeAndStatusErrors(string csv, string message)
    {
        var e = Assert.Throws<DataInputException>(() => FrameOf(csv, "Surv(t, s) ~ 1"));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void NumericStrataAreCodedInNumericOrderWhateverTheirValues()
    {
        // Small whole numbers (a table lookup), −0 and 0 (one level), fractions, large and negative values (a search).
        double[] values = [3, 0.5, -0.0, 300, 0, 3, 2, -7, 1e6, 0.5, 255, 256, 2];
        string csv = "t,s,g\n" + string.Concat(values.Select((v, i) => $"{i + 1},1,{v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}\n"));
        var frame = FrameOf(csv, "Surv(t, s) ~ strata(g)");
        double[] levels = values.Select(v => v == 0 ? 0 : v).Distinct().Order().ToArray();
        Assert.Equal(levels.Length, frame.StratumCount);
        Assert.Equal(values.Select(v => Array.IndexOf(levels, v == 0 ? 0 : v)).ToArray(), frame.Stratum.ToArray());
        Assert.Equal("g=-7", frame.StratumNames[0]);
    }

    [Fact]
    public void FactorErrors()
    {
        var single = Assert.Throws<DataInputException>(() => FrameOf("t,s,g\n1,1,A\n2,0,A\n3,1,NA\n", "Surv(t, s) ~ g"));
        Assert.Equal("t.csv: column 'g' has a single level 'A'; a factor needs at least two.", single.Message);
        var unknown = Assert.Throws<DataInputException>(() => Frame("veteran.csv", "Surv(time, status) ~ celltype",
            new ModelFrameOptions { References = new Dictionary<string, string> { ["celltype"] = "huge" } }));
        Assert.Equal($"{TestFiles.Fixture("veteran.csv")}, column 'celltype': the reference level 'huge' does not occur; the levels are: adeno, large, smallcell, squamous.", unknown.Message);
        var unused = Assert.Throws<DataInputException>(() => FrameOf("t,s,g\n1,1,A\n2,0,B\n", "Surv(t, s) ~ 1",
            new ModelFrameOptions { References = new Dictionary<string, string> { ["g"] = "B" } }));
        Assert.Equal("t.csv: a reference level 'B' was given for column 'g', which the formula does not use as a term.", unused.Message);
        var inf = Assert.Throws<DataInputException>(() => FrameOf("t,s,x\n1,1,2\n2,0,-Inf\n", "Surv(t, s) ~ x"));
        Assert.Equal("t.csv, row 2, column 'x': value '-Inf' is infinite; covariates must be finite numbers.", inf.Message);
        var missing = Assert.Throws<DataInputException>(() => FrameOf("t,s\n1,1\n", "Surv(t, s) ~ age"));
        Assert.Equal("column 'age' not found in t.csv; columns are: t, s", missing.Message);
    }

    [Fact]
    public void EdgeCasesOneRowAllTiedNaN()
    {
        var one = FrameOf("t,s,x\n5,1,2\n", "Surv(t, s) ~ x");
        Assert.Equal(1, one.RowCount);
        Assert.Equal([2.0], one.Covariates.ToArray());
        var tied = FrameOf("t,s,g\n3,1,a\n3,1,b\n3,0,a\n3,1,b\n", "Surv(t, s) ~ g");
        Assert.Equal([3.0, 3, 3, 3], tied.Time.ToArray());
        Assert.Equal(3, tied.EventCount);
        Assert.Equal([0, 1, 0, 1], tied.Group.ToArray());
        var nan = FrameOf("t,s,x\nNaN,1,1\n1,1,NaN\n2,1,3\n", "Surv(t, s) ~ x");
        Assert.Equal(1, nan.RowCount);
        Assert.Equal(2, nan.DroppedRows);
    }

    [Fact]
    public void ResultsAreReadOnly()
    {
        var frame = Frame("aml.csv", "Surv(time, status) ~ x");
        Assert.False(frame.DesignColumns is DesignColumn[]);
        Assert.Throws<NotSupportedException>(() => ((IDictionary<string, string>)frame.GroupLabels[0]).Add("y", "z"));
    }

    private static readonly ModelFrameOptions CountingProcess = new() { AllowCountingProcess = true };

    [Fact]
    public void CountingProcessKeepsEntryTimesOfCompleteRows()
    {
        var frame = FrameOf("a,b,e,x\n0,5,0,1\n5,9,1,2\nNA,4,1,3\n-2,3,1,4\n", "Surv(a, b, e) ~ x", CountingProcess);
        Assert.True(frame.IsCountingProcess);
        Assert.Equal([0.0, 5, -2], frame.Entry.ToArray());
        Assert.Equal([5.0, 9, 3], frame.Time.ToArray());
        Assert.Equal([1, 2, 4], frame.SourceRows.ToArray());
        Assert.True(Frame("lung.csv", "Surv(time, status) ~ 1").Entry.IsEmpty);
    }

    [Theory]
    [InlineData("a,b,e\n0,5,1\n5,5,1\n", "t.csv, row 2, column 'a': value '5' is not below the stop time 5 in column 'b' (each row is at risk on (start, stop]); start times must be finite numbers below the stop time.", 2)]
    [InlineData("a,b,e\n0,5,1\n7,6,0\n", "t.csv, row 2, column 'a': value '7' is not below the stop time 6 in column 'b' (each row is at risk on (start, stop]); start times must be finite numbers below the stop time.", 2)]
    [InlineData("a,b,e\n0,5,1\nInf,6,0\n", "t.csv, row 2, column 'a': value 'Inf' is infinite; start times must be finite numbers below the stop time.", 2)]
    [InlineData("a,b,e\n0,5,1\n1,x,0\n", "t.csv, row 2, column 'b': value 'x' is not a number; stop times must be finite numbers.", 2)]
    public void CountingProcessIntervalsAreChecked(string csv, string message, int row)
    {
        var e = Assert.Throws<DataInputException>(() => FrameOf(csv, "Surv(a, b, e) ~ 1", CountingProcess));
        Assert.Equal(message, e.Message);
        Assert.Equal(row, e.Row);
    }

    [Fact]
    public void CountingProcessIsRefusedWhereNotAllowed()
    {
        var e = Assert.Throws<FormulaException>(() => FrameOf("a,b,e\n0,5,1\n", "Surv(a, b, e) ~ 1"));
        Assert.Equal("this analysis takes right-censored data, Surv(time, status); counting-process data Surv(a, b, e) are accepted by cox, zph and km.", e.Message);
    }

    [Fact]
    public void LandmarkKeepsLaterRowsOnTheLandmarkClock()
    {
        var frame = FrameOf("t,s,x\n5,1,1\n10,0,2\n12,1,NA\n15,1,3\n30,0,4\n", "Surv(t, s) ~ x", new ModelFrameOptions { Landmark = 10 });
        Assert.Equal([5.0, 20], frame.Time.ToArray());
        Assert.Equal([4, 5], frame.SourceRows.ToArray());
        Assert.Equal(1, frame.DroppedRows);
        Assert.Equal(2, frame.ExcludedByLandmark);
        Assert.Equal(10, frame.Landmark);
        var counting = FrameOf("a,b,e\n0,4,0\n4,9,1\n0,12,1\n", "Surv(a, b, e) ~ 1", CountingProcess with { Landmark = 5 });
        Assert.Equal([0.0, 0], counting.Entry.ToArray());
        Assert.Equal([4.0, 7], counting.Time.ToArray());
        var e = Assert.Throws<DataInputException>(() => FrameOf("t,s\n5,1\n10,0\n", "Surv(t, s) ~ 1", new ModelFrameOptions { Landmark = 10 }));
        Assert.Equal("t.csv: no rows after the landmark: none of the 2 complete rows has t > 10.", e.Message);
    }
}
