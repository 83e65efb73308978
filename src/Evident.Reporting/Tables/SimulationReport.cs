using System.Globalization;
using System.Text.Json;
using Evident.Reporting.Json;
using Evident.Design;
using Evident.Design.Simulation;
using Spectre.Console;

namespace Evident.Reporting.Tables;

/// <summary>
/// Presents a simulation. The JSON carries the integer <c>tally</c> and the design, from which <see cref="Read"/>
/// rebuilds the result for <c>evident simulate merge</c>; every reported number is derived from them.
/// </summary>
public sealed class SimulationReport(SimulationResult result) : IReport
{
    private static readonly double[] Quantiles = [0.025, 0.25, 0.5, 0.75, 0.975];

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json)
    {
        var d = result.Design;
        var t = result.Tally;
        json.WriteStartObject();
        json.WriteString("analysis", "simulation");
        json.WriteNumber("reps", t.Replicates);
        json.WriteNumber("seed", result.Seed);
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
        json.WriteStartObject("hazard_ratio_at_stop");
        json.WriteNumberOrNull("mean", result.MeanHazardRatio);
        json.WriteNumberOrNull("median", result.HazardRatioQuantile(0.5));
        json.WriteNumbers("probabilities", Quantiles);
        json.WriteNumbers("quantiles", Quantiles.Select(p => result.HazardRatioQuantile(p)));
        json.WriteStartArray("by_look");
        for (int k = 0; k < d.Looks; k++)
        {
            int look = k;
            json.WriteStartObject();
            json.WriteNumber("look", k + 1);
            json.WriteNumber("stops", t.StopsByLook[k]);
            json.WriteNumber("estimates", t.HazardRatioCountByLook[k]);
            json.WriteNumberOrNull("mean", result.MeanHazardRatioAtLook(k));
            json.WriteNumberOrNull("median", result.HazardRatioQuantile(0.5, k));
            json.WriteNumbers("quantiles", Quantiles.Select(p => result.HazardRatioQuantile(p, look)));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
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
        json.WriteStartObject("tally");
        json.WriteNumber("first_replicate", t.FirstReplicate);
        json.WriteNumber("replicates", t.Replicates);
        WriteLongs(json, "reject_by_look", t.RejectByLook);
        WriteLongs(json, "futility_by_look", t.FutilityByLook);
        json.WriteNumber("events_not_reached", t.EventsNotReached);
        json.WriteNumber("events_sum", t.EventsSum);
        json.WriteNumber("subjects_sum", t.SubjectsSum);
        json.WriteString("duration_sum", t.DurationSum.ToString(CultureInfo.InvariantCulture));
        WriteLongs(json, "stops_by_look", t.StopsByLook);
        json.WriteStartArray("hazard_ratio_sum_by_look");
        foreach (var sum in t.HazardRatioSumByLook) json.WriteStringValue(sum.ToString(CultureInfo.InvariantCulture));
        json.WriteEndArray();
        WriteLongs(json, "hazard_ratio_count_by_look", t.HazardRatioCountByLook);
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
        json.WriteEndObject();
    }

    /// <summary>Rebuilds a result from the JSON this report wrote.</summary>
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
        var t = root.GetProperty("tally");
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
        var tally = new SimulationTally
        {
            FirstReplicate = t.GetProperty("first_replicate").GetInt64(),
            Replicates = t.GetProperty("replicates").GetInt64(),
            RejectByLook = Array.AsReadOnly(t.GetProperty("reject_by_look").EnumerateArray().Select(e => e.GetInt64()).ToArray()),
            FutilityByLook = Array.AsReadOnly(t.GetProperty("futility_by_look").EnumerateArray().Select(e => e.GetInt64()).ToArray()),
            EventsNotReached = t.GetProperty("events_not_reached").GetInt64(),
            EventsSum = t.GetProperty("events_sum").GetInt64(),
            SubjectsSum = t.GetProperty("subjects_sum").GetInt64(),
            DurationSum = Int128.Parse(t.GetProperty("duration_sum").GetString()!, CultureInfo.InvariantCulture),
            StopsByLook = Array.AsReadOnly(t.GetProperty("stops_by_look").EnumerateArray().Select(e => e.GetInt64()).ToArray()),
            HazardRatioSumByLook = Array.AsReadOnly(t.GetProperty("hazard_ratio_sum_by_look").EnumerateArray()
                .Select(e => Int128.Parse(e.GetString()!, CultureInfo.InvariantCulture)).ToArray()),
            HazardRatioCountByLook = Array.AsReadOnly(t.GetProperty("hazard_ratio_count_by_look").EnumerateArray().Select(e => e.GetInt64()).ToArray()),
            LogHazardRatioHistogramByLook = histograms.AsReadOnly(),
        };
        long total = root.TryGetProperty("shard", out var shard) ? shard.GetProperty("total_replicates").GetInt64() : tally.Replicates;
        ulong seed = root.GetProperty("seed").GetUInt64();
        return new SimulationResult(GroupSequential.Create(options), seed, total, tally);
    }

    private static void WriteLongs(Utf8JsonWriter json, string name, IReadOnlyList<long> values)
    {
        json.WriteStartArray(name);
        foreach (long v in values) json.WriteNumberValue(v);
        json.WriteEndArray();
    }

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console)
    {
        var d = result.Design;
        console.MarkupLine($"Simulated group-sequential survival trial: {result.Tally.Replicates} replicates, seed {result.Seed}" +
                           (result.IsComplete ? "" : $" (replicates {result.Tally.FirstReplicate}–{result.Tally.FirstReplicate + result.Tally.Replicates - 1} of {result.TotalReplicates})"));
        var summary = new Table().Border(TableBorder.Simple).HideHeaders();
        summary.AddColumn("quantity");
        summary.AddColumn(new TableColumn("value").RightAligned());
        summary.AddRow("Power (reject H0 at some look)", $"{Format.Number(result.Power, 4)} (MC SE {Format.Number(result.PowerStandardError, 2)})");
        summary.AddRow("Expected events", Format.Number(result.ExpectedEvents, 5));
        summary.AddRow("Expected subjects", Format.Number(result.ExpectedSubjects, 5));
        summary.AddRow("Expected duration", Format.Number(result.ExpectedDuration, 5));
        summary.AddRow("Estimated HR at stop: mean, median", $"{Format.Number(result.MeanHazardRatio, 4)}, {Format.Number(result.HazardRatioQuantile(0.5), 4)}");
        summary.AddRow("Estimated HR at stop: 2.5%–97.5%", $"{Format.Number(result.HazardRatioQuantile(0.025), 4)} – {Format.Number(result.HazardRatioQuantile(0.975), 4)}");
        summary.AddRow("Stopped before the final look", $"{Format.Number(result.EarlyStopProbability, 4)} ({result.Tally.StopsByLook.Take(d.Looks - 1).Sum()} replicates)");
        summary.AddRow("Reached the final look", $"{Format.Number(result.StopByLook[^1], 4)} ({result.Tally.StopsByLook[^1]} replicates)");
        console.Write(summary);
        var looks = new Table().Border(TableBorder.Simple);
        foreach (var h in new[] { "look", "information", "efficacy Z", "P(reject here)", "P(futility here)", "stopped here", "HR mean", "HR median", "HR 2.5%", "HR 97.5%" })
            looks.AddColumn(new TableColumn(h).RightAligned());
        for (int k = 0; k < d.Looks; k++)
            looks.AddRow((k + 1).ToString(CultureInfo.InvariantCulture), Format.Number(d.Information[k], 4), Format.Number(d.CriticalValues[k], 5),
                Format.Number(result.RejectByLook[k], 4), k < result.FutilityByLook.Count ? Format.Number(result.FutilityByLook[k], 4) : "",
                result.Tally.StopsByLook[k].ToString(CultureInfo.InvariantCulture), Format.Number(result.MeanHazardRatioAtLook(k), 4),
                Format.Number(result.HazardRatioQuantile(0.5, k), 4),
                Format.Number(result.HazardRatioQuantile(0.025, k), 4), Format.Number(result.HazardRatioQuantile(0.975, k), 4));
        console.Write(looks);
        console.MarkupLine("HR columns: estimated hazard ratio exp((O − E)/V) among the replicates that stopped at that look (early efficacy stops overestimate the effect).");
    }
}
