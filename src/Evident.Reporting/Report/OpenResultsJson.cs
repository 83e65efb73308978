using System.Text.Json;
using Evident.Analysis.Oversight;
using Evident.Analysis.Pooled;
using Evident.Analysis.Results;
using Evident.Reporting.Json;

namespace Evident.Reporting.Report;

/// <summary>
/// <c>results-open.json</c>, the open report's numbers: the provenance and <c>report</c> block of results.json, then
/// accrual, the baseline table's overall column, the pooled median follow-up, the CONSORT totals, completeness and the
/// overdue list without arms, the events per endpoint, and the adverse events over all arms (by highest grade, the
/// serious events without arms, by organ class and term). It holds no arm-level number and no arm key: what it says could go to a steering committee.
/// </summary>
internal static class OpenResultsJson
{
    public static void Write(Utf8JsonWriter json, AnalysisResults r)
    {
        json.WriteStartObject();
        ResultsJson.WriteProvenance(json, r);
        ResultsJson.WriteReport(json, r, ReportKind.Open);
        var pooled = r.Pooled ?? throw new ArgumentException("the results carry no pooled numbers, so there is no open report.", nameof(r));
        if (r.HasDates) AccrualJson.Write(json, pooled.Enrolment, pooled.Target);
        else json.WriteNull("accrual");   // accrual by month needs calendar dates
        if (r.Baseline is { } baseline) OversightJson.WriteBaseline(json, baseline, pooled: true);
        else json.WriteNull("baseline");
        WriteFollowUp(json, r, pooled);
        if (r.Consort is { } consort) ConsortJson.Write(json, consort, pooled: true);
        else json.WriteNull("consort");
        if (r.Completeness is { } completeness) CompletenessJson.Write(json, completeness, pooled: true);
        else
        {
            json.WriteNull("completeness");
            json.WriteStartArray("overdue");
            json.WriteEndArray();
        }
        WriteEvents(json, pooled.Endpoints);
        AdverseEventOverviewJson.Write(json, r.Protocol, r.AdverseEvents, pooled: true);
        if (pooled.AdverseEvents is { } ae) WriteSafety(json, ae);
        else json.WriteNull("safety");
        json.WriteStrings("notes", r.Notes);
        json.WriteStrings("warnings", r.Warnings);
        json.WriteEndObject();
    }

    private static void WriteFollowUp(Utf8JsonWriter json, AnalysisResults r, PooledResults pooled)
    {
        var e = pooled.FollowUp;
        json.WriteStartObject("follow_up");
        json.WriteString("endpoint", r.Primary.Endpoint.Id);
        json.WriteString("method", "reverse Kaplan-Meier");
        json.WriteNumber("confidence_level", e.ConfidenceLevel);
        json.WriteNumber("n", e.N);
        json.WriteNumber("censored", e.Censored);
        json.WriteNumberOrNull("median_follow_up", e.Median);
        json.WriteNumberOrNull("conf_low", e.ConfLow);
        json.WriteNumberOrNull("conf_high", e.ConfHigh);
        json.WriteEndObject();
    }

    private static void WriteEvents(Utf8JsonWriter json, IReadOnlyList<PooledEvents> endpoints)
    {
        json.WriteStartArray("events");
        foreach (var endpoint in endpoints)
        {
            json.WriteStartObject();
            json.WriteString("endpoint", endpoint.EndpointId);
            json.WriteString("label", endpoint.Label);
            json.WriteNumber("n", endpoint.Overall.N);
            json.WriteNumber("events", endpoint.Overall.Events);
            json.WriteStartArray("strata");
            foreach (var stratum in endpoint.Strata)
            {
                json.WriteStartObject();
                json.WriteString("stratum", stratum.Label);
                json.WriteNumber("n", stratum.N);
                json.WriteNumber("events", stratum.Events);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteSafety(Utf8JsonWriter json, PooledAdverseEvents ae)
    {
        json.WriteStartObject("safety");
        json.WriteNumber("min_grade", ae.MinGrade);
        json.WriteNumber("participants", ae.Participants);
        json.WriteStartArray("terms");
        foreach (var term in ae.Terms) WriteTerm(json, term);
        json.WriteEndArray();
        json.WritePropertyName("any_term");
        WriteTerm(json, ae.AnyTerm);
        json.WriteEndObject();
    }

    private static void WriteTerm(Utf8JsonWriter json, PooledTerm term)
    {
        json.WriteStartObject();
        json.WriteString("term", term.Term);
        json.WriteNumber("participants", term.Participants);
        json.WriteNumberOrNull("proportion", term.Proportion);
        json.WriteEndObject();
    }
}
