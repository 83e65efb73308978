using System.Text.Json;

namespace Evident.Cli.Tests;

/// <summary>
/// <c>logrank --gamma</c> and <c>--maxcombo</c> through the command line: the table labels each test FH(ρ, γ), and bad
/// options exit 2 with one line naming what was expected (the reference values are in tests/fixtures/nonph).
/// </summary>
public sealed class WeightedLogRankTests
{
    private static string Aml => Fixtures.Data("aml.csv");

    [Fact]
    public void MaxCombo_table_labels_each_test()
    {
        var (code, stdout, stderr) = Fixtures.Run("logrank", Aml, "--formula", "Surv(time, status) ~ x", "--maxcombo", "0,0;0,1;1,0;1,1");
        Assert.True(code == 0, stderr);
        foreach (string label in new[] { "FH(0, 0)", "FH(0, 1)", "FH(1, 0)", "FH(1, 1)", "max |z|" }) Assert.Contains(label, stdout);
    }

    [Fact]
    public void MaxCombo_json_has_the_contract_keys()
    {
        var (code, stdout, stderr) = Fixtures.Run("logrank", Aml, "--formula", "Surv(time, status) ~ x", "--maxcombo", "0,0;1,1", "--format", "json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal("maxcombo", root.GetProperty("analysis").GetString());
        Assert.Equal(2, root.GetProperty("tests").GetArrayLength());
        Assert.Equal(2, root.GetProperty("correlation")[1].GetArrayLength());
        double statistic = root.GetProperty("statistic").GetDouble();
        Assert.Equal(statistic, root.GetProperty("tests").EnumerateArray().Max(t => Math.Abs(t.GetProperty("z").GetDouble())));
        Assert.InRange(root.GetProperty("p_value").GetDouble(), 0, 1);
    }

    [Fact]
    public void FH_table_names_the_weights()
    {
        var (code, stdout, stderr) = Fixtures.Run("logrank", Aml, "--formula", "Surv(time, status) ~ x", "--rho", "1", "--gamma", "1");
        Assert.True(code == 0, stderr);
        Assert.Contains("FH(1, 1)", stdout);
    }

    [Theory]
    [InlineData("--maxcombo", "0,0;1", "pair '1' is not rho,gamma")]
    [InlineData("--maxcombo", "0,0;-1,0", "pair '-1,0' is not rho,gamma")]
    [InlineData("--gamma", "-1", "--gamma -1: expected a non-negative number")]
    public void Bad_weights_exit_2(string option, string value, string message)
    {
        var (code, stdout, stderr) = Fixtures.Run("logrank", Aml, "--formula", "Surv(time, status) ~ x", option, value, "--format", "json");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains(message, stderr);
    }

    [Fact]
    public void MaxCombo_needs_two_groups()
    {
        var (code, _, stderr) = Fixtures.Run("logrank", Fixtures.Data("veteran.csv"), "--formula", "Surv(time, status) ~ celltype", "--maxcombo", "0,0;0,1");
        Assert.Equal(2, code);
        Assert.Contains("--maxcombo compares two groups; the formula's groups have 4 levels", stderr);
    }

    [Fact]
    public void MaxCombo_with_rho_is_a_usage_error()
    {
        var (code, _, stderr) = Fixtures.Run("logrank", Aml, "--formula", "Surv(time, status) ~ x", "--maxcombo", "0,0;0,1", "--rho", "1");
        Assert.Equal(2, code);
        Assert.Contains("do not combine it with --rho or --gamma", stderr);
    }
}
