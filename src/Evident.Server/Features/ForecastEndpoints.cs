using System.Globalization;
using System.Text;
using System.Text.Json;
using Evident.Analysis.Capture;
using Evident.Analysis.Forecast;
using Evident.Randomization.Accounts;
using Evident.Reporting.Json;
using Evident.Server.Infrastructure;
using Evident.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Evident.Server.Features;

/// <summary>
/// <c>GET /trials/{id}/forecast</c>: the predicted date of each planned look's events from the captured trial's blinded
/// data, as of today (the service's clock) — <c>evident forecast</c>'s answer (docs/forecast.md) for any statistician.
/// Arms are never read into the forecast nor written in the answer. Query: <c>accrual</c> (observed | plan),
/// <c>pieces</c> (e.g. 0,12), <c>level</c> (default 0.9), <c>replicates</c> (100–100000, default 4000), <c>seed</c>.
/// </summary>
internal static class ForecastEndpoints
{
    private static readonly string[] Statisticians = [TrialRoles.Name(TrialRole.BlindedStatistician), TrialRoles.Name(TrialRole.UnblindedStatistician)];

    public static void MapForecast(this IEndpointRouteBuilder trial) =>
        trial.MapGet("/forecast", Forecast).RequireAuthorization(p => p.RequireRole(Statisticians)).WithTags("Oversight")
            .WithSummary("Predicted date of each planned look's events, with a prediction interval, from blinded data (any statistician).");

    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> Forecast(
        string trialId, TrialStore store, TimeProvider time, string? accrual, string? pieces, double? level, int? replicates, ulong? seed)
    {
        if (!ForecastSettings.TryAccrual(accrual ?? "observed", out var model)) return Problems.Invalid("accrual", "expected observed or plan.");
        if (Starts(pieces) is not { } starts) return Problems.Invalid("pieces", "expected piece starts such as 0,6,12.");
        if (level is { } l && !(l > 0 && l < 1)) return Problems.Invalid("level", "expected a number strictly between 0 and 1.");
        if (replicates is < 100 or > 100_000) return Problems.Invalid("replicates", "expected a whole number from 100 to 100000.");
        if (await store.GetTrialAsync(trialId) is null) return Problems.NotFound($"There is no trial '{trialId}'.");
        var captured = CapturedTrial.Map(await store.ReadCapturedAsync(trialId));
        var settings = new ForecastSettings
        {
            Cutoff = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime),
            Accrual = model,
            HazardStarts = starts,
            Level = level ?? 0.9,
            Replicates = replicates ?? 4000,
            Seed = seed ?? 1,
        };
        try
        {
            var result = TrialForecast.Run(captured.Trial.Protocol, captured.Data, settings);
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer)) ForecastJson.Write(json, result);
            return TypedResults.Content(Encoding.UTF8.GetString(buffer.ToArray()), "application/json", Encoding.UTF8);
        }
        catch (ArgumentException e) when (e.ParamName == "HazardStarts")
        {
            return Problems.Invalid("pieces", e.Message);
        }
        catch (ArgumentException e)
        {
            return Problems.Conflict($"The forecast cannot be computed yet: {e.Message}");
        }
    }

    private static double[]? Starts(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [0.0];
        var values = new List<double>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v)) return null;
            values.Add(v);
        }
        return [.. values];
    }
}
