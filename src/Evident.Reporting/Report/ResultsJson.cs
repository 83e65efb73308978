using System.Globalization;
using System.Text.Json;
using Evident.Analysis;
using Evident.Analysis.Results;
using Evident.Reporting.Json;
using Evident.Statistics.CompetingRisks;

namespace Evident.Reporting.Report;

/// <summary>
/// <c>results.json</c>: every number of the report, machine-readable (NaN/±∞ as null, numbers round-trip). Key names
/// are snake_case; milestone keys carry the endpoint and time, e.g. <c>dfs_3y</c> for DFS at 36 months. Each
/// statistical result is written by its writer in Evident.Reporting.Json, under the key names of this file.
/// </summary>
public static class ResultsJson
{
    private static readonly EstimateKeys HazardRatio = new("hazard_ratio", null, "conf_low", "conf_high", null, "hazard_ratio_p");
    private static readonly EstimateKeys RmstDifference = EstimateKeys.Named("rmst_difference", withPValue: true);
    private static readonly TestKeys Gray = new("gray_statistic", null, "gray_p");
    private static readonly IncidenceKeys Incidence = new("incidence", null, "std_error");

    /// <summary>Renders the results as indented UTF-8 JSON text.</summary>
    /// <param name="results">The results.</param>
    public static string Render(AnalysisResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return JsonText.Render(json => Write(json, results));
    }

    private static void Write(Utf8JsonWriter json, AnalysisResults r)
    {
        var endpoint = r.Primary.Endpoint;
        string key = endpoint.Milestone is double m ? $"{endpoint.Id}_{ReportText.Milestone(m, r.Protocol.TimeUnit).Key}" : endpoint.Id;
        json.WriteStartObject();
        WriteProvenance(json, r);
        json.WriteString("endpoint", endpoint.Id);
        json.WriteNumberOrNull("milestone", endpoint.Milestone ?? double.NaN);
        json.WriteString("milestone_key", key);
        WritePrimary(json, r.Primary, key);
        WriteSubgroups(json, r.Subgroups);
        if (r.CompetingRisks is { } cr) WriteCompetingRisks(json, cr);
        else json.WriteNull("relapse_sites");
        if (r.Safety is { } safety) WriteSafety(json, r, safety);
        else json.WriteNull("safety");
        if (r.Monitoring is { } monitoring)
        {
            json.WriteStartObject("monitoring");
            MonitoringJson.WriteLooks(json, monitoring.Analysis, monitoring.LookDates);
            json.WriteEndObject();
        }
        else json.WriteNull("monitoring");
        OversightJson.WriteFollowUp(json, r.Primary.Endpoint.Id, r.Protocol.Analyses.Primary.ConfidenceLevel, r.FollowUp);
        if (r.Baseline is { } baseline) OversightJson.WriteBaseline(json, baseline);
        else json.WriteNull("baseline");
        if (r.Consort is { } consort) ConsortJson.Write(json, consort);
        else json.WriteNull("consort");
        AdverseEventOverviewJson.Write(json, r.Protocol, r.AdverseEvents);
        DeathsJson.Write(json, r.Deaths);
        if (r.Completeness is { } completeness) CompletenessJson.Write(json, completeness);
        else
        {
            json.WriteNull("completeness");
            json.WriteStartArray("overdue");
            json.WriteEndArray();
        }
        if (r.OverallSurvival is { } os)
        {
            json.WriteStartObject("overall_survival");
            AnalysesJson.WriteAnalysis(json, r, os, "overall_survival", []);
            json.WriteEndObject();
        }
        else json.WriteNull("overall_survival");
        AnalysesJson.Write(json, r);
        json.WriteStrings("notes", r.Notes);
        json.WriteStrings("warnings", r.Warnings);
        json.WriteEndObject();
    }

    /// <summary>What the numbers are of: the trial, the protocol file, the software, the data and its cut-off.</summary>
    private static void WriteProvenance(Utf8JsonWriter json, AnalysisResults r)
    {
        var protocol = r.Protocol;
        json.WriteBoolean("synthetic", r.Synthetic);
        json.WriteStartObject("trial");
        json.WriteString("id", protocol.Trial.Id);
        json.WriteString("title", protocol.Trial.Title);
        json.WriteString("registration", protocol.Trial.Registration);
        json.WriteString("protocol_version", protocol.Trial.Version);
        json.WriteEndObject();
        json.WriteStartObject("protocol");
        json.WriteString("file", protocol.SourceName);
        json.WriteString("sha256", protocol.Hash);
        json.WriteEndObject();
        json.WriteString("software_version", r.SoftwareVersion);
        json.WriteString("data_source", r.DataSource);
        if (r.Cutoff is { } cutoff) json.WriteString("data_cutoff", cutoff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        else json.WriteNull("data_cutoff");
        json.WriteString("time_unit", protocol.TimeUnit.ToString().ToLowerInvariant());
        json.WriteNumber("participants", r.Participants);
        json.WriteNumber("excluded_after_cutoff", r.ExcludedAfterCutoff);
    }

    private static void WritePrimary(Utf8JsonWriter json, PrimaryResult primary, string key)
    {
        json.WriteStartArray("strata");
        foreach (var stratum in primary.Strata)
        {
            json.WriteStartObject();
            json.WriteString("stratum", stratum.Label);
            WriteGroup(json, stratum, key, overall: false);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartObject("overall");
        WriteGroup(json, primary.Overall, key, overall: true);
        if (primary.RmstDifference is { } d)
        {
            RmstJson.WriteDifference(json, d, RmstDifference);
            json.WriteNumberOrNull("tau", d.Tau);
        }
        json.WriteStartArray("rmst");
        var arms = primary.Overall.Arms.Where(a => a.Curve is not null).ToArray();
        for (int i = 0; i < primary.Rmst.Count; i++)
        {
            json.WriteStartObject();
            json.WriteString("arm", arms[i].ArmId);
            RmstJson.WriteMean(json, primary.Rmst[i]);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The arms with the survival at the milestone, the hazard ratios and the (stratified, for the overall group) log-rank test.</summary>
    private static void WriteGroup(Utf8JsonWriter json, GroupResult group, string key, bool overall)
    {
        json.WriteStartArray("arms");
        foreach (var arm in group.Arms)
        {
            json.WriteStartObject();
            json.WriteString("arm", arm.ArmId);
            json.WriteNumber("n", arm.N);
            json.WriteNumber("events", arm.Events);
            if (arm.Milestone is { } point) KaplanMeierJson.WriteSurvival(json, point, EstimateKeys.Named(key));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (group.Comparisons.Count > 0) CoxJson.WriteHazardRatio(json, group.Comparisons[0].HazardRatio, HazardRatio);
        if (group.Comparisons.Count > 1)
        {
            json.WriteStartArray("comparisons");
            foreach (var c in group.Comparisons)
            {
                json.WriteStartObject();
                json.WriteString("arm", c.ArmId);
                CoxJson.WriteHazardRatio(json, c.HazardRatio, HazardRatio);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        string prefix = overall ? "stratified_logrank" : "logrank";
        LogRankJson.WriteTest(json, group.LogRank, new TestKeys(prefix + "_chisq", null, prefix + "_p"));
    }

    private static void WriteSubgroups(Utf8JsonWriter json, IReadOnlyList<SubgroupResult> subgroups)
    {
        json.WriteStartArray("subgroups");
        foreach (var s in subgroups)
        {
            json.WriteStartObject();
            json.WriteString("factor", s.Factor);
            json.WriteString("level", s.Level);
            json.WriteNumber("n", s.N);
            json.WriteNumber("events", s.Events);
            CoxJson.WriteHazardRatio(json, s.HazardRatio, HazardRatio);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteCompetingRisks(Utf8JsonWriter json, CompetingRisksResult cr)
    {
        json.WriteStartObject("relapse_sites");
        json.WriteString("endpoint", cr.EndpointId);
        json.WriteString("title", cr.Title);
        json.WriteNumberOrNull("milestone", cr.Milestone ?? double.NaN);
        WriteCauses(json, cr.Overall, cr.Milestone);
        json.WriteStartArray("strata");
        foreach (var (label, causes) in cr.Strata)
        {
            json.WriteStartObject();
            json.WriteString("stratum", label);
            WriteCauses(json, causes, cr.Milestone);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Each cause with Gray's test and the incidence per arm at the milestone; an arm without events of the cause has incidence 0.</summary>
    private static void WriteCauses(Utf8JsonWriter json, IReadOnlyList<CauseResult> causes, double? milestone)
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
                bool estimable = milestone is double m && arm.EstimableAt(m);
                var point = arm.AtMilestone ?? (arm.Events == 0 && estimable ? new CumulativeIncidencePoint(milestone!.Value, 0, 0) : null);
                CumulativeIncidenceJson.WriteIncidence(json, point, Incidence);
                json.WriteBoolean("estimable", estimable);
                if (milestone is not null && !estimable) json.WriteString("reason", AnalysesJson.FollowUpTooShort);
                else json.WriteNull("reason");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteSafety(Utf8JsonWriter json, AnalysisResults r, SafetyResult safety)
    {
        var armIds = r.Protocol.Arms.Select(a => a.Id).ToArray();
        json.WriteStartObject("safety");
        json.WriteNumber("min_grade", safety.MinGrade);
        SafetyJson.WriteTerms(json, safety.Table, safety.Terms, armIds, safety.StrataLabels);
        if (safety.Severe is { } severe)
        {
            json.WriteStartObject("severe_terms_of_interest");
            json.WriteNumber("min_grade", severe.MinGrade);
            SafetyJson.WriteTerms(json, severe, safety.TermsOfInterest, armIds, safety.StrataLabels);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
