namespace Evident.Data.Tests;

public class FormulaTests
{
    private static string Describe(SurvivalFormula f) => string.Join(" + ", f.Terms.Select(t => t.ToString()));

    [Fact]
    public void MainEffectsFactorsStrataAndCluster()
    {
        var f = SurvivalFormula.Parse("Surv(time, status) ~ age + sex + strata(ph_ecog) + cluster(inst)");
        Assert.Equal("time", f.TimeColumn);
        Assert.Equal("status", f.StatusColumn);
        Assert.Equal("age + sex", Describe(f));
        Assert.Equal(["ph_ecog"], f.StrataColumns);
        Assert.Equal("inst", f.ClusterColumn);
        Assert.Equal(["time", "status", "age", "sex", "ph_ecog", "inst"], f.Columns);
        Assert.Equal("Surv(time, status) ~ age + sex + strata(ph_ecog) + cluster(inst)", f.Text);
    }

    [Fact]
    public void FactorAndInterceptOnly()
    {
        var f = SurvivalFormula.Parse("Surv(time,status)~trt+karno+factor(celltype)");
        Assert.Equal("trt + karno + factor(celltype)", Describe(f));
        Assert.True(f.Terms[2].Variables[0].ForceFactor);
        Assert.Equal("celltype", f.Terms[2].Name);
        var one = SurvivalFormula.Parse("  Surv( etime , event )  ~  1 ");
        Assert.Empty(one.Terms);
        Assert.Empty(one.StrataColumns);
        Assert.Null(one.ClusterColumn);
        Assert.Equal(["etime", "event"], one.Columns);
    }

    [Fact]
    public void StarExpandsAndInteractionsComeAfterMainEffects()
    {
        Assert.Equal("a + b + a:b", Describe(SurvivalFormula.Parse("Surv(t, s) ~ a*b")));
        Assert.Equal("c + a + b + a:b", Describe(SurvivalFormula.Parse("Surv(t, s) ~ a:b + c + a + b")));
        Assert.Equal("a + b + c + a:b + a:c + b:c + a:b:c", Describe(SurvivalFormula.Parse("Surv(t, s) ~ a*b*c")));
        Assert.Equal("a + b + factor(x) + a:b + a:factor(x)", Describe(SurvivalFormula.Parse("Surv(t, s) ~ a*b + a*factor(x) + a")));
        Assert.Equal("a + x + a:x", Describe(SurvivalFormula.Parse("Surv(t, s) ~ a * x:x")));
    }

    [Fact]
    public void InteractionVariablesFollowTheirFirstAppearanceAsInR()
    {
        // R: attr(terms(~ x:z + g:z), "term.labels") is "x:z" "z:g"; terms(~ b:c + a*b) gives "a" "b" "b:c" "b:a";
        // terms(~ a:b + b:a + x) gives "x" "a:b".
        Assert.Equal("x:z + z:g", Describe(SurvivalFormula.Parse("Surv(t, s) ~ x:z + g:z")));
        Assert.Equal("a + b + b:c + b:a", Describe(SurvivalFormula.Parse("Surv(t, s) ~ b:c + a*b")));
        Assert.Equal("x + a:b", Describe(SurvivalFormula.Parse("Surv(t, s) ~ a:b + b:a + x")));
        Assert.Equal("factor(g) + x + factor(g):x", Describe(SurvivalFormula.Parse("Surv(t, s) ~ factor(g) + x + x:factor(g)")));
        // factor(k) and k are different variables, as in R.
        Assert.Equal("k + factor(k):z", Describe(SurvivalFormula.Parse("Surv(t, s) ~ k + factor(k):z")));
    }

    [Theory]
    [InlineData("Surv(time, status) ~ größe", "größe")]
    [InlineData("Surv(time, status) ~ gro\u0308ße", "gro\u0308ße")]          // decomposed ö: o + combining diaeresis
    [InlineData("Surv(time, status) ~ âge_2.b", "âge_2.b")]
    [InlineData("Surv(time, status) ~ 年龄", "年龄")]
    [InlineData("Surv(time, status) ~ x٣", "x٣")]                                // Arabic-Indic digit three
    [InlineData("Surv(time, status) ~ \U0001D4B3", "\U0001D4B3")]            // a letter outside the BMP
    public void UnicodeSyntacticNamesNeedNoBackquotes(string text, string column)
    {
        text = System.Text.RegularExpressions.Regex.Unescape(text);
        column = System.Text.RegularExpressions.Regex.Unescape(column);
        var f = SurvivalFormula.Parse(text);
        Assert.Equal(column, Assert.Single(f.Terms).Name);
        Assert.Equal(["time", "status", column], f.Columns);
        var interaction = SurvivalFormula.Parse($"Surv(zeit, status) ~ factor({column}):größe + strata(été)");
        Assert.Equal($"{column}:größe", interaction.Terms[0].Name);
        Assert.Equal(["été"], interaction.StrataColumns);
        Assert.Equal("zeit", interaction.TimeColumn);
    }

    [Fact]
    public void NonLetterSymbolsAreNotNames()
    {
        var e = Assert.Throws<FormulaException>(() => SurvivalFormula.Parse("Surv(time, status) ~ €uro"));
        Assert.Equal("expected a column name, factor(), strata(), cluster() or '1' at column 22 (found '€')", e.Message);
        var after = Assert.Throws<FormulaException>(() => SurvivalFormula.Parse("Surv(time, status) ~ größe€"));
        Assert.Equal(27, after.Position);
    }

    [Fact]
    public void SeveralStrataTermsCombineAndBackquotesWork()
    {
        var f = SurvivalFormula.Parse("Surv(`follow up`, status) ~ `my col` + strata(a, b) + strata(c)");
        Assert.Equal("follow up", f.TimeColumn);
        Assert.Equal("my col", Describe(f));
        Assert.Equal(["a", "b", "c"], f.StrataColumns);
    }

    [Theory]
    [InlineData("Surv(time, status) ~ age + strata(risk", "expected ')' after 'strata(risk' at column 39 (found the end of the formula)", 39)]
    [InlineData("time ~ age", "expected 'Surv(time, status)' on the left of '~' at column 1 (found 't')", 1)]
    [InlineData("Surv(time status) ~ age", "expected ',' after 'Surv(time' at column 11 (found 's')", 11)]
    [InlineData("Surv(time, status) age", "expected '~' after 'Surv(time, status)' at column 20 (found 'a')", 20)]
    [InlineData("Surv(time, status) ~ age +", "expected a column name, factor(), strata(), cluster() or '1' at column 27 (found the end of the formula)", 27)]
    [InlineData("Surv(time, status) ~ age - 1", "expected '+' (removing terms with '-' is not supported) after 'Surv(time, status) ~ age' at column 26 (found '-')", 26)]
    [InlineData("Surv(time, status) ~ strata(a):b", "expected a variable here (strata() cannot be part of an interaction) at column 22 (found 's')", 22)]
    [InlineData("Surv(a, b, c, d) ~ x", "expected ')' (Surv() takes (time, status) or (start, stop, event)) after 'Surv(a, b, c' at column 13 (found ',')", 13)]
    public void SyntaxErrorsNamePositionAndExpectation(string text, string message, int position)
    {
        var e = Assert.Throws<FormulaException>(() => SurvivalFormula.Parse(text));
        Assert.Equal(message, e.Message);
        Assert.Equal(position, e.Position);
        Assert.Equal(text, e.Formula);
    }

    [Fact]
    public void UnknownFunctionIsNamed()
    {
        var e = Assert.Throws<FormulaException>(() => SurvivalFormula.Parse("Surv(time, status) ~ log(age)"));
        Assert.Equal("unknown function 'log()' at column 22; the formula can use factor(), strata() and cluster() (transform columns before the analysis)", e.Message);
        Assert.Equal(22, e.Position);
    }

    [Fact]
    public void CountingProcessNamesStartStopAndEvent()
    {
        var f = SurvivalFormula.Parse("Surv(start, stop, event) ~ age + strata(surgery) + cluster(id)");
        Assert.True(f.IsCountingProcess);
        Assert.Equal("start", f.EntryColumn);
        Assert.Equal("stop", f.TimeColumn);
        Assert.Equal("event", f.StatusColumn);
        Assert.Equal(["start", "stop", "event", "age", "surgery", "id"], f.Columns);
        Assert.False(SurvivalFormula.Parse("Surv(time, status) ~ 1").IsCountingProcess);
    }
}
