using System.Text.Json;
using Evident.Analysis.Results;
using Evident.Reporting.Json;
using Evident.Statistics.CompetingRisks;

namespace Evident.Reporting.Report;

/// <summary>
/// The competing-risks blocks of results.json: <c>competing_risks</c>, an object with one entry per analysis named by
/// its endpoint id (every milestone of every arm, with the not-estimable rule), and <c>relapse_sites</c>, the first
/// analysis in the shape earlier versions wrote (first milestone only), kept as an alias so existing readers do not
/// break. docs/report.md documents both.
/// </summary>
internal static class CompetingRisksJson
{
    private static readonly TestKeys Gray = new("gray_statistic", null, "gray_p");
    private static readonly TestKeys GrayTest = new("statistic", "df", "p");
    private static readonly IncidenceKeys Incidence = new("incidence", null, "std_error");

    public static void Write(Utf8JsonWriter json, AnalysisResults r)
    {
        if (r.CompetingRisks.Count > 0) WriteAlias(json, r.CompetingRisks[0]);
        else json.WriteNull("relapse_sites");
        json.WriteStartObject("competing_risks");
        foreach (var cr in r.CompetingRisks)
        {
            json.WriteStartObject(cr.EndpointId);
            json.WriteString("endpoint", cr.EndpointId);
            json.WriteString("title", cr.Title);
            json.WriteNumbers("milestones", cr.Milestones);
            WriteCauses(json, cr.Overall, cr.Milestones);
            WriteStrata(json, cr, causes => WriteCauses(json, causes, cr.Milestones));
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    /// <summary>Each cause with Gray's test and, per arm, its events, last follow-up and the incidence at every milestone.</summary>
    private static void WriteCauses(Utf8JsonWriter json, IReadOnlyList<CauseResult> causes, IReadOnlyList<double> times)
    {
        json.WriteStartArray("causes");
        foreach (var cause in causes)
        {
            json.WriteStartObject();
            json.WriteString("cause", cause.CauseId);
            json.WriteString("label", cause.Label);
            json.WriteStartObject("gray");
            CumulativeIncidenceJson.WriteGrayTest(json, cause.GrayTest, GrayTest);
            json.WriteEndObject();
            WriteComparisons(json, cause.Comparisons);
            json.WriteStartArray("arms");
            foreach (var arm in cause.Arms)
            {
                json.WriteStartObject();
                json.WriteString("arm", arm.ArmId);
                json.WriteNumber("events", arm.Events);
                json.WriteNumberOrNull("last_follow_up", arm.LastFollowUp);
                json.WriteStartArray("milestones");
                for (int k = 0; k < times.Count; k++)
                {
                    json.WriteStartObject();
                    json.WriteNumber("time", times[k]);
                    WriteEstimable(json, arm, arm.Milestones[k]);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary><c>comparisons[]</c>: per compared arm, Gray's test against the control on the two arms' participants.</summary>
    private static void WriteComparisons(Utf8JsonWriter json, IReadOnlyList<CauseComparison> comparisons)
    {
        json.WriteStartArray("comparisons");
        foreach (var comparison in comparisons)
        {
            json.WriteStartObject();
            json.WriteString("arm", comparison.ArmId);
            json.WriteString("control", comparison.ControlId);
            json.WriteStartObject("gray");
            CumulativeIncidenceJson.WriteGrayTest(json, comparison.GrayTest, GrayTest);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary><c>incidence</c>, <c>std_error</c>, <c>estimable</c> and <c>reason</c> (null when estimable).</summary>
    private static void WriteEstimable(Utf8JsonWriter json, CauseArm arm, CumulativeIncidencePoint? point)
    {
        CumulativeIncidenceJson.WriteIncidence(json, point, Incidence);
        json.WriteBoolean("estimable", point is not null);
        if (point is not null) json.WriteNull("reason");
        else json.WriteString("reason", double.IsNaN(arm.LastFollowUp) ? "no participants" : AnalysesJson.FollowUpTooShort);
    }

    /// <summary><c>relapse_sites</c>: the first analysis at its first milestone, as earlier versions wrote it.</summary>
    private static void WriteAlias(Utf8JsonWriter json, CompetingRisksResult cr)
    {
        json.WriteStartObject("relapse_sites");
        json.WriteString("endpoint", cr.EndpointId);
        json.WriteString("title", cr.Title);
        json.WriteNumberOrNull("milestone", cr.Milestone ?? double.NaN);
        WriteFirstMilestone(json, cr.Overall, cr.Milestone);
        WriteStrata(json, cr, causes => WriteFirstMilestone(json, causes, cr.Milestone));
        json.WriteEndObject();
    }

    /// <summary><c>strata[]</c>: each stratum's label and its causes, written by <paramref name="writeCauses"/>.</summary>
    private static void WriteStrata(Utf8JsonWriter json, CompetingRisksResult cr, Action<IReadOnlyList<CauseResult>> writeCauses)
    {
        json.WriteStartArray("strata");
        foreach (var (label, causes) in cr.Strata)
        {
            json.WriteStartObject();
            json.WriteString("stratum", label);
            writeCauses(causes);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteFirstMilestone(Utf8JsonWriter json, IReadOnlyList<CauseResult> causes, double? milestone)
    {
        json.WriteStartArray("causes");
        foreach (var cause in causes)
        {
            json.WriteStartObject();
            json.WriteString("cause", cause.CauseId);
            json.WriteString("label", cause.Label);
            CumulativeIncidenceJson.WriteGrayTest(json, cause.GrayTest, Gray);
            json.WriteStartArray("arms");
            foreach (var arm in cause.Arms)
            {
                json.WriteStartObject();
                json.WriteString("arm", arm.ArmId);
                json.WriteNumber("events", arm.Events);
                if (milestone is null)
                {
                    CumulativeIncidenceJson.WriteIncidence(json, null, Incidence);
                    json.WriteBoolean("estimable", false);
                    json.WriteNull("reason");
                }
                else WriteEstimable(json, arm, arm.AtMilestone);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
