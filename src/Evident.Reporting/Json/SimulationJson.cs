using System.Globalization;
using System.Text.Json;
using Evident.Design;
using Evident.Design.Simulation;

namespace Evident.Reporting.Json;

/// <summary>
/// Writes a simulation (<c>analysis: "simulation"</c>). The document carries the integer <c>tally</c> and the design, from
/// which <see cref="Read"/> rebuilds the result for <c>evident simulate merge</c>; every reported number is derived from them.
/// </summary>
public static class SimulationJson
{
    private static readonly double[] Quantiles = [0.025, 0.25, 0.5, 0.75, 0.975];

    /// <summary>Writes the contract's document: operating characteristics, the hazard ratio at stopping, the design and the tally.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="result">The simulation.</param>
    public static void Write(Utf8JsonWriter json, SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(result);
        var t = result.Tally;
        json.WriteStartObject();
        json.WriteString("analysis", "simulation");
        json.WriteNumber("reps", t.Replicates);
        json.WriteNumber("seed", result.Seed);
        json.WriteString("test", result.Test.ToString());
        if (!result.IsComplete)
        {
            json.WriteStartObject("shard");
            json.WriteNumber("first_replicate", t.FirstReplicate);
            json.WriteNumber("replicates", t.Replicates);
            json.WriteNumber("total_replicates", result.TotalReplicates);
            json.WriteEndObject();
        }
        json.WriteNumber("power", result.Power);
        json.WriteNumber("power_standard_error", result.PowerStandardError);
        json.WriteNumbers("reject_by_look", result.RejectByLook);
        json.WriteNumbers("futility_by_look", result.FutilityByLook);
        json.WriteNumber("expected_events", result.ExpectedEvents);
        json.WriteNumber("expected_subjects", result.ExpectedSubjects);
        json.WriteNumber("expected_duration", result.ExpectedDuration);
        json.WriteNumber("events_not_reached", t.EventsNotReached);
        json.WriteNumbers("stop_by_look", result.StopByLook);
        json.WriteNumber("early_stop", result.EarlyStopProbability);
        WriteHazardRatioAtStop(json, result);
        WriteDesign(json, result.Design);
        WriteTally(json, t);
        json.WriteEndObject();
    }

    /// <summary>Rebuilds a result from the document <see cref="Write"/> wrote.</summary>
    /// <param name="root">The document's root.</param>
    /// <exception cref="KeyNotFoundException">A key is missing.</exception>
    /// <exception cref="FormatException">A number cannot be read.</exception>
    public static SimulationResult Read(JsonElement root)
    {
        if (root.GetProperty("analysis").GetString() != "simulation") throw new FormatException("'analysis' is not \"simulation\".");
        var d = root.GetProperty("design");
        var options = new GroupSequentialOptions
        {
            Looks = d.GetProperty("looks").GetInt32(),
            Information = d.GetProperty("information").EnumerateArray().Select(e => e.GetDouble()).ToArray(),
            Alpha = d.GetProperty("alpha").GetDouble(),
            Spending = SpendingFunction.Parse(d.GetProperty("spending").GetString()!),
            Beta = d.GetProperty("beta").GetDouble(),
            BetaSpending = d.GetProperty("beta_spending").GetString() is { } bs ? SpendingFunction.Parse(bs) : null,
            BindingFutility = d.GetProperty("binding").GetBoolean(),
        };
        var tally = ReadTally(root.GetProperty("tally"));
        long total = root.TryGetProperty("shard", out var shard) ? shard.GetProperty("total_replicates").GetInt64() : tally.Replicates;
        ulong seed = root.GetProperty("seed").GetUInt64();
        var test = root.TryGetProperty("test", out var t) ? SimulationTest.Parse(t.GetString()!) : SimulationTest.LogRank;
        return new SimulationResult(GroupSequential.Create(options), seed, total, tally) { Test = test };
    }

    private static void WriteHazardRatioAtStop(Utf8JsonWriter json, SimulationResult result)
    {
        json.WriteStartObject("hazard_ratio_at_stop");
        json.WriteNumberOrNull("mean", result.MeanHazardRatio);
        json.WriteNumberOrNull("median", result.HazardRatioQuantile(0.5));
        json.WriteNumbers("probabilities", Quantiles);
        json.WriteNumbers("quantiles", Quantiles.Select(p => result.HazardRatioQuantile(p)));
        json.WriteStartArray("by_look");
        for (int k = 0; k < result.Design.Looks; k++)
        {
            int look = k;
            json.WriteStartObject();
            json.WriteNumber("look", k + 1);
            json.WriteNumber("stops", result.Tally.StopsByLook[k]);
            json.WriteNumber("estimates", result.Tally.HazardRatioCountByLook[k]);
            json.WriteNumberOrNull("mean", result.MeanHazardRatioAtLook(k));
            json.WriteNumberOrNull("median", result.HazardRatioQuantile(0.5, k));
            json.WriteNumbers("quantiles", Quantiles.Select(p => result.HazardRatioQuantile(p, look)));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteDesign(Utf8JsonWriter json, GroupSequentialDesign d)
    {
        json.WriteStartObject("design");
        json.WriteNumber("looks", d.Looks);
        json.WriteNumbers("information", d.Information);
        json.WriteNumber("alpha", d.Alpha);
        json.WriteString("spending", d.Spending.ToString());
        json.WriteNumber("beta", d.Beta);
        if (d.BetaSpending is { } bs) json.WriteString("beta_spending", bs.ToString()); else json.WriteNull("beta_spending");
        json.WriteBoolean("binding", d.BindingFutility);
        json.WriteNumbers("critical_values", d.CriticalValues);
        if (d.FutilityBounds is { } f) json.WriteNumbers("futility_bounds", f);
        json.WriteEndObject();
    }

    private static void WriteTally(Utf8JsonWriter json, SimulationTally t)
    {
        json.WriteStartObject("tally");
        json.WriteNumber("first_replicate", t.FirstReplicate);
        json.WriteNumber("replicates", t.Replicates);
        json.WriteIntegers("reject_by_look", t.RejectByLook);
        json.WriteIntegers("futility_by_look", t.FutilityByLook);
        json.WriteNumber("events_not_reached", t.EventsNotReached);
        json.WriteNumber("events_sum", t.EventsSum);
        json.WriteNumber("subjects_sum", t.SubjectsSum);
        json.WriteString("duration_sum", t.DurationSum.ToString(CultureInfo.InvariantCulture));
        json.WriteIntegers("stops_by_look", t.StopsByLook);
        json.WriteStrings("hazard_ratio_sum_by_look", t.HazardRatioSumByLook.Select(sum => sum.ToString(CultureInfo.InvariantCulture)));
        json.WriteIntegers("hazard_ratio_count_by_look", t.HazardRatioCountByLook);
        // One sparse histogram per look: [bin, count] pairs of the non-empty bins.
        json.WriteStartArray("log_hazard_ratio_histograms");
        foreach (var histogram in t.LogHazardRatioHistogramByLook)
        {
            json.WriteStartArray();
            for (int b = 0; b < histogram.Count; b++)
            {
                if (histogram[b] == 0) continue;
                json.WriteStartArray();
                json.WriteNumberValue(b);
                json.WriteNumberValue(histogram[b]);
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static SimulationTally ReadTally(JsonElement t)
    {
        var histograms = new List<IReadOnlyList<long>>();
        foreach (var look in t.GetProperty("log_hazard_ratio_histograms").EnumerateArray())
        {
            var histogram = new long[SimulationTally.HistogramBins];
            foreach (var pair in look.EnumerateArray())
            {
                int bin = pair[0].GetInt32();
                if (bin < 0 || bin >= histogram.Length) throw new FormatException($"histogram bin {bin} is outside 0–{histogram.Length - 1}.");
                histogram[bin] = pair[1].GetInt64();
            }
            histograms.Add(Array.AsReadOnly(histogram));
        }
        return new SimulationTally
        {
            FirstReplicate = t.GetProperty("first_replicate").GetInt64(),
            Replicates = t.GetProperty("replicates").GetInt64(),
            RejectByLook = Integers(t, "reject_by_look"),
            FutilityByLook = Integers(t, "futility_by_look"),
            EventsNotReached = t.GetProperty("events_not_reached").GetInt64(),
            EventsSum = t.GetProperty("events_sum").GetInt64(),
            SubjectsSum = t.GetProperty("subjects_sum").GetInt64(),
            DurationSum = Int128.Parse(t.GetProperty("duration_sum").GetString()!, CultureInfo.InvariantCulture),
            StopsByLook = Integers(t, "stops_by_look"),
            HazardRatioSumByLook = Array.AsReadOnly(t.GetProperty("hazard_ratio_sum_by_look").EnumerateArray()
                .Select(e => Int128.Parse(e.GetString()!, CultureInfo.InvariantCulture)).ToArray()),
            HazardRatioCountByLook = Integers(t, "hazard_ratio_count_by_look"),
            LogHazardRatioHistogramByLook = histograms.AsReadOnly(),
        };
    }

    private static IReadOnlyList<long> Integers(JsonElement parent, string name) =>
        Array.AsReadOnly(parent.GetProperty(name).EnumerateArray().Select(e => e.GetInt64()).ToArray());
}
