using System.Text.Json;
using Evident.Design;
using Evident.Design.Simulation;
using Evident.Reporting.Json;
using Evident.Statistics;

namespace Evident.Reporting.Tests.Json;

/// <summary>
/// The writers shared by the command line's JSON contract and results.json: the key names are the only difference
/// between the two, NA is null in both, and a simulation document reads back to the result it was written from.
/// </summary>
public sealed class JsonWriterTests
{
    private static JsonElement Parse(Action<Utf8JsonWriter> write)
    {
        using var doc = JsonDocument.Parse(JsonText.Render(json =>
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }));
        return doc.RootElement.Clone();
    }

    [Fact]
    public void SurvivalAtATimeHasTheSameNumbersUnderEitherContractsKeys()
    {
        var point = TestData.LungBySex()[0].At(365.0);
        var contract = Parse(json => KaplanMeierJson.WriteSurvival(json, point, EstimateKeys.Survival));
        var results = Parse(json => KaplanMeierJson.WriteSurvival(json, point, EstimateKeys.Named("os_1y")));

        Assert.Equal(["survival", "std_error", "conf_low", "conf_high"], contract.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["os_1y", "os_1y_std_error", "os_1y_conf_low", "os_1y_conf_high"], results.EnumerateObject().Select(p => p.Name));
        Assert.Equal(point.Survival, contract.GetProperty("survival").GetDouble());
        Assert.Equal(point.Survival, results.GetProperty("os_1y").GetDouble());
        Assert.Equal(point.StdError, results.GetProperty("os_1y_std_error").GetDouble());
        Assert.Equal(point.Lower, results.GetProperty("os_1y_conf_low").GetDouble());
        Assert.Equal(point.Upper, results.GetProperty("os_1y_conf_high").GetDouble());
    }

    [Fact]
    public void NaNAndInfinityAreWrittenAsNullAndNullKeysAreLeftOut()
    {
        var keys = new EstimateKeys("hazard_ratio", null, "conf_low", "conf_high", null, "hazard_ratio_p");
        var written = Parse(json => json.WriteEstimate(keys, double.NaN, 0.1, double.NegativeInfinity, double.PositiveInfinity, 1.5, 0.04));

        Assert.Equal(["hazard_ratio", "conf_low", "conf_high", "hazard_ratio_p"], written.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, written.GetProperty("hazard_ratio").ValueKind);
        Assert.Equal(JsonValueKind.Null, written.GetProperty("conf_low").ValueKind);
        Assert.Equal(JsonValueKind.Null, written.GetProperty("conf_high").ValueKind);
        Assert.Equal(0.04, written.GetProperty("hazard_ratio_p").GetDouble());
    }

    [Fact]
    public void AMissingTestIsWrittenAsNulls()
    {
        var contract = Parse(json => json.WriteTestFields(null, TestKeys.Contract));
        var results = Parse(json => json.WriteTestFields(new ChiSquareTest(3.5, 1, 0.0614), new TestKeys("logrank_chisq", null, "logrank_p")));

        Assert.All(contract.EnumerateObject(), p => Assert.Equal(JsonValueKind.Null, p.Value.ValueKind));
        Assert.Equal(["statistic", "df", "p_value"], contract.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["logrank_chisq", "logrank_p"], results.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3.5, results.GetProperty("logrank_chisq").GetDouble());
    }

    [Fact]
    public void ASimulationDocumentReadsBackToTheResultItWasWrittenFrom()
    {
        var design = GroupSequential.Create(new GroupSequentialOptions { Looks = 2, Information = [0.5, 1], Alpha = 0.025, Spending = SpendingFunction.OBrienFleming });
        var histogram = new long[SimulationTally.HistogramBins];
        histogram[4321] = 7;
        histogram[5000] = 2;
        var tally = new SimulationTally
        {
            FirstReplicate = 100,
            Replicates = 9,
            RejectByLook = [3, 4],
            FutilityByLook = [0, 0],
            EventsNotReached = 1,
            EventsSum = 1234,
            SubjectsSum = 5678,
            DurationSum = Int128.Parse("123456789012345678901234"),
            StopsByLook = [3, 6],
            HazardRatioSumByLook = [Int128.Parse("987654321987654321"), 42],
            HazardRatioCountByLook = [3, 6],
            LogHazardRatioHistogramByLook = [histogram, new long[SimulationTally.HistogramBins]],
        };
        var result = new SimulationResult(design, 17, 1000, tally) { Test = SimulationTest.Parse("maxcombo(0,0;0,1)") };

        string written = JsonText.Render(json => SimulationJson.Write(json, result));
        using var doc = JsonDocument.Parse(written);
        var read = SimulationJson.Read(doc.RootElement);

        Assert.Equal(17UL, read.Seed);
        Assert.Equal(1000, read.TotalReplicates);
        Assert.Equal(result.Test, read.Test);
        Assert.Equal(tally.DurationSum, read.Tally.DurationSum);
        Assert.Equal(7, read.Tally.LogHazardRatioHistogramByLook[0][4321]);
        Assert.Equal(written, JsonText.Render(json => SimulationJson.Write(json, read)));
    }
}
