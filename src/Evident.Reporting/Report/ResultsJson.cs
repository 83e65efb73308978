using System.Globalization;
using System.Text.Json;
using Evident.Analysis;
using Evident.Analysis.Results;
using Evident.Reporting.Json;

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

    /// <summary>Renders the results as indented UTF-8 JSON text: the closed report's (by arm), or the open report's (<see cref="OpenResultsJson"/>: no arm-level number).</summary>
    /// <param name="results">The results.</param>
    /// <param name="kind">Which report's results.</param>
    public static string Render(AnalysisResults results, ReportKind kind = ReportKind.Closed)
    {
        ArgumentNullException.ThrowIfNull(results);
        return kind == ReportKind.Open ? JsonText.Render(json => OpenResultsJson.Write(json, results)) : JsonText.Render(json => Write(json, results));
    }

    private static void Write(Utf8JsonWriter json, AnalysisResults r)
    {
        var endpoint = r.Primary.Endpoint;
        string key = endpoint.Milestone is double m ? $"{endpoint.Id}_{ReportText.Milestone(m, r.Protocol.TimeUnit).Key}" : endpoint.Id;
        json.WriteStartObject();
        WriteProvenance(json, r);
        WriteReport(json, r, ReportKind.Closed);
        // Accrual by month needs calendar dates; data given as time since randomization have none.
        if (r.Pooled is { } pooled && r.HasDates) AccrualJson.Write(json, pooled.Enrolment, pooled.Target);
        else json.WriteNull("accrual");
        json.WriteString("endpoint", endpoint.Id);
        json.WriteNumberOrNull("milestone", endpoint.Milestone ?? double.NaN);
        json.WriteString("milestone_key", key);
        WritePrimary(json, r.Primary, key);
        WriteSubgroups(json, r.Subgroups);
        CompetingRisksJson.Write(json, r);
        if (r.Safety is { } safety) WriteSafety(json, r, safety);
        else json.WriteNull("safety");
        if (r.Monitoring is { } monitoring)
        {
            json.WriteStartObject("monitoring");
            MonitoringJson.WriteLooks(json, monitoring.Analysis, monitoring.LookDates);
            json.WriteEndObject();
        }
        else json.WriteNull("monitoring");
        WriteMonitoringByArm(json, r);
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

    /// <summary>The <c>report</c> block: which report, and the hashes and version printed on its every page.</summary>
    internal static void WriteReport(Utf8JsonWriter json, AnalysisResults r, ReportKind kind)
    {
        json.WriteStartObject("report");
        json.WriteString("kind", ReportFrame.KindKey(kind));
        json.WriteString("data_sha256", r.DataSha256);
        json.WriteString("protocol_sha256", r.Protocol.Hash);
        json.WriteString("software_version", r.SoftwareVersion);
        json.WriteEndObject();
    }

    /// <summary>What the numbers are of: the trial, the protocol file, the software, the data and its cut-off.</summary>
    internal static void WriteProvenance(Utf8JsonWriter json, AnalysisResults r)
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
        bool milestone = group.Arms.Any(a => a.Milestones.Count > 0);
        json.WriteStartArray("arms");
        foreach (var arm in group.Arms)
        {
            json.WriteStartObject();
            json.WriteString("arm", arm.ArmId);
            json.WriteNumber("n", arm.N);
            json.WriteNumber("events", arm.Events);
            if (milestone) WriteMilestone(json, arm, key);
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

    /// <summary>
    /// The survival at the first milestone under its key (<c>dfs_3y</c>, <c>dfs_3y_std_error</c>, …) with
    /// <c>dfs_3y_estimable</c> and <c>dfs_3y_reason</c>: null numbers and the reason when it is not estimable.
    /// </summary>
    private static void WriteMilestone(Utf8JsonWriter json, ArmSummary arm, string key)
    {
        var keys = EstimateKeys.Named(key);
        if (arm.Milestone is { } point) KaplanMeierJson.WriteSurvival(json, point, keys);
        else json.WriteEstimate(keys, double.NaN, double.NaN, double.NaN, double.NaN);
        json.WriteBoolean(key + "_estimable", arm.Milestone is not null);
        if (arm.Milestone is not null) json.WriteNull(key + "_reason");
        else json.WriteString(key + "_reason", arm.Curve is null ? "no participants" : AnalysesJson.FollowUpTooShort);
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

    /// <summary><c>monitoring_comparisons</c>: every compared arm's looks against the control (the first is <c>monitoring</c>).</summary>
    private static void WriteMonitoringByArm(Utf8JsonWriter json, AnalysisResults r)
    {
        json.WriteStartArray("monitoring_comparisons");
        foreach (var monitoring in r.MonitoringByArm)
        {
            json.WriteStartObject();
            json.WriteString("arm", monitoring.ArmId);
            json.WriteString("control", r.Protocol.Control.Id);
            MonitoringJson.WriteLooks(json, monitoring.Analysis, monitoring.LookDates);
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
        SafetyStrataJson.Write(json, r, safety);
        json.WriteEndObject();
    }
}
