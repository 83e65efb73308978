using System.Text.Json;

namespace Evident.Cli.Tests;

/// <summary><c>evident samplesize --stratum-*</c>: the stratified design through the command line, and its input errors.</summary>
public sealed class StratifiedSampleSizeCommandTests
{
    private static readonly string[] Stratified =
    [
        "samplesize", "--accrual", "36", "--follow-up", "24", "--dropout", "0.05", "--stratum-name", "SR-average,SR-high",
        "--stratum-prevalence", "0.6,0.4", "--stratum-hazard-ratio", "0.55,0.75", "--stratum-control-median", "120,36",
    ];

    [Fact]
    public void TheJsonGivesEachStratumAndThePower()
    {
        var (code, stdout, stderr) = Fixtures.Run([.. Stratified, "--format", "json"]);
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        var strata = root.GetProperty("strata").EnumerateArray().ToArray();
        Assert.Equal(["SR-average", "SR-high"], strata.Select(s => s.GetProperty("name").GetString()));
        double events = strata.Sum(s => s.GetProperty("events_per_look")[0].GetDouble());
        Assert.Equal(root.GetProperty("max_events").GetDouble(), events, 1e-6 * events);
        Assert.Equal(0.8, root.GetProperty("power").GetDouble(), 1e-12);
        double subjects = root.GetProperty("max_subjects").GetDouble();
        Assert.Equal(0.6 * subjects, strata[0].GetProperty("subjects").GetDouble(), 1e-9 * subjects);
        // Schoenfeld's events for the event-weighted mean log hazard ratio.
        double logHr = Math.Log(root.GetProperty("effective_hazard_ratios")[0].GetDouble());
        double z = 1.959963984540054 + 0.8416212335729143;
        Assert.Equal(4 * z * z / (logHr * logHr), root.GetProperty("max_events").GetDouble(), 1e-6);
    }

    [Fact]
    public void AnUnstratifiedDesignHasNoStrata()
    {
        var (code, stdout, stderr) = Fixtures.Run("samplesize", "--hazard-ratio", "0.7", "--control-median", "12", "--accrual", "24", "--follow-up", "12", "--format", "json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("strata").ValueKind);
        Assert.Equal(0.7, doc.RootElement.GetProperty("effective_hazard_ratios")[0].GetDouble());
    }

    [Theory]
    [InlineData("--stratum-hazard-ratio", "0.55", "--stratum-hazard-ratio has 1 values but --stratum-prevalence has 2: give one per stratum.")]
    [InlineData("--stratum-prevalence", "1", "a stratified design needs --stratum-prevalence with two or more values, e.g. 0.6,0.4.")]
    [InlineData("--stratum-prevalence", "0.6,-0.4", "--stratum-prevalence -0.4: every stratum's prevalence must be a positive finite number.")]
    [InlineData("--stratum-control-median", "120,0", "--stratum-control-median 0: every stratum's control median must be a positive finite number.")]
    public void BadStrataAreUsageErrors(string option, string value, string message)
    {
        var args = Stratified.ToList();
        args[args.IndexOf(option) + 1] = value;
        var (code, _, stderr) = Fixtures.Run([.. args]);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void OverallHazardsWithStrataAreRefused()
    {
        var (code, _, stderr) = Fixtures.Run([.. Stratified, "--hazard-ratio", "0.7"]);
        Assert.Equal(2, code);
        Assert.Contains("a stratified design takes --stratum-hazard-ratio", stderr, StringComparison.Ordinal);
        (code, _, stderr) = Fixtures.Run("samplesize", "--control-median", "12", "--accrual", "24", "--follow-up", "12");
        Assert.Equal(2, code);
        Assert.Contains("--hazard-ratio is required", stderr, StringComparison.Ordinal);
    }
}
