using System.Text.Json;
using Evident.Analysis.Results;
using Evident.Protocol;
using Evident.Reporting.Json;
using Evident.Statistics.Survival;

namespace Evident.Reporting.Report;

/// <summary>
/// The <c>analyses</c> block of results.json: one entry per analysed endpoint, primary first, with every arm's
/// milestone estimates (or why they are not estimable), every comparison's own hazard ratio, log-rank test and RMST
/// difference, the global log-rank test when there are more than two arms, the same per stratum, and the subgroups.
/// docs/report.md documents every key.
/// </summary>
internal static class AnalysesJson
{
    private static readonly EstimateKeys HazardRatio = new("hazard_ratio", null, "conf_low", "conf_high", null, "hazard_ratio_p");
    private static readonly EstimateKeys Survival = new("survival", "std_error", "conf_low", "conf_high", null, null);
    private static readonly EstimateKeys Difference = new("difference", "std_error", "conf_low", "conf_high", null, "p");

    /// <summary>Reason written for a milestone past an arm's last follow-up.</summary>
    public const string FollowUpTooShort = "follow-up too short";

    public static void Write(Utf8JsonWriter json, AnalysisResults r)
    {
        json.WriteStartArray("analyses");
        string? subgroupEndpoint = r.Protocol.Analyses.Subgroups?.Endpoint;
        foreach (var (analysis, role) in new[] { (r.Primary, "primary") }.Concat(r.Secondary.Select(s => (s, "secondary"))))
        {
            json.WriteStartObject();
            WriteAnalysis(json, r, analysis, role, subgroupEndpoint == analysis.Endpoint.Id ? r.Subgroups : []);
            if (subgroupEndpoint == analysis.Endpoint.Id) subgroupEndpoint = null;
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>The keys of one entry of <c>analyses</c> (also <c>overall_survival</c>), inside an object.</summary>
    public static void WriteAnalysis(Utf8JsonWriter json, AnalysisResults r, PrimaryResult analysis, string role, IReadOnlyList<SubgroupResult> subgroups)
    {
        var plan = analysis.Plan;
        json.WriteString("endpoint", analysis.Endpoint.Id);
        json.WriteString("role", role);
        json.WriteNumber("confidence_level", plan.ConfidenceLevel);
        json.WriteString("hazard_ratio_model", plan.HazardRatioModel == HazardRatioModel.Pairwise ? "pairwise" : "joint");
        json.WriteString("test", plan.Test.ToString());
        json.WriteNumbers("milestones", analysis.Endpoint.Milestones);
        WriteGroup(json, r, analysis, analysis.Overall);
        json.WriteStartArray("strata");
        foreach (var stratum in analysis.Strata)
        {
            json.WriteStartObject();
            json.WriteString("stratum", stratum.Label);
            WriteGroup(json, r, analysis, stratum);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        WriteSubgroups(json, r, subgroups);
    }

    /// <summary><c>arms</c>, <c>comparisons</c> and <c>global_logrank</c> (null with two arms: the comparison's test is the only one) of one group.</summary>
    private static void WriteGroup(Utf8JsonWriter json, AnalysisResults r, PrimaryResult analysis, GroupResult group)
    {
        json.WriteStartArray("arms");
        foreach (var arm in group.Arms) WriteArm(json, analysis.Endpoint.Milestones, arm);
        json.WriteEndArray();
        json.WriteStartArray("comparisons");
        foreach (var c in group.Comparisons)
        {
            json.WriteStartObject();
            json.WriteString("arm", c.ArmId);
            json.WriteString("control", r.Protocol.Control.Id);
            CoxJson.WriteHazardRatio(json, c.HazardRatio, HazardRatio);
            LogRankJson.WriteTest(json, c.LogRank, new TestKeys("logrank_chisq", "logrank_df", "logrank_p"));
            if (c.Rmst is { } rmst)
            {
                json.WriteStartObject("rmst");
                json.WriteNumber("tau", rmst.Tau);
                json.WriteNumberOrNull("tau_limit", rmst.TauLimit);
                json.WriteBoolean("refused", rmst.Refused);
                if (rmst.Difference is { } d) RmstJson.WriteDifference(json, d, Difference);
                else json.WriteEstimate(Difference, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
                if (rmst.Refused) json.WriteString("reason", RmstComparison.RefusalReason);
                else json.WriteNull("reason");
                json.WriteEndObject();
            }
            else json.WriteNull("rmst");
            PrimaryTestJson.Write(json, c.PrimaryTest);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (group.Arms.Count > 2)
        {
            json.WriteStartObject("global_logrank");
            LogRankJson.WriteTest(json, group.LogRank, new TestKeys("chisq", "df", "p"));
            json.WriteEndObject();
        }
        else json.WriteNull("global_logrank");
    }

    /// <summary>An arm with its size, events, last follow-up and the estimate at each milestone, or why it is not estimable.</summary>
    private static void WriteArm(Utf8JsonWriter json, IReadOnlyList<double> times, ArmSummary arm)
    {
        json.WriteStartObject();
        json.WriteString("arm", arm.ArmId);
        json.WriteNumber("n", arm.N);
        json.WriteNumber("events", arm.Events);
        json.WriteNumberOrNull("last_follow_up", arm.LastFollowUp);
        json.WriteStartArray("milestones");
        for (int k = 0; k < times.Count; k++)
        {
            var point = arm.Milestones[k];
            json.WriteStartObject();
            json.WriteNumber("time", times[k]);
            if (point is not null) KaplanMeierJson.WriteSurvival(json, point, Survival);
            else json.WriteEstimate(Survival, double.NaN, double.NaN, double.NaN, double.NaN);
            json.WriteBoolean("estimable", point is not null);
            if (point is null) json.WriteString("reason", arm.Curve is null ? "no participants" : FollowUpTooShort);
            else json.WriteNull("reason");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>One entry per comparison and subgroup variable, with its levels' hazard ratios and the participants left out for a missing value.</summary>
    private static void WriteSubgroups(Utf8JsonWriter json, AnalysisResults r, IReadOnlyList<SubgroupResult> subgroups)
    {
        json.WriteStartArray("subgroups");
        foreach (var by in subgroups.GroupBy(s => (s.ArmId, s.Factor)))
        {
            json.WriteStartObject();
            json.WriteString("arm", by.Key.ArmId);
            json.WriteString("control", r.Protocol.Control.Id);
            json.WriteString("by", by.Key.Factor);
            json.WriteNumber("n", by.Sum(s => s.N) + by.First().Missing);
            json.WriteNumber("missing", by.First().Missing);
            json.WriteStartArray("levels");
            foreach (var s in by)
            {
                json.WriteStartObject();
                json.WriteString("level", s.Level);
                json.WriteNumber("n", s.N);
                json.WriteNumber("events", s.Events);
                CoxJson.WriteHazardRatio(json, s.HazardRatio, HazardRatio);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            var interaction = by.First().Interaction;
            json.WriteStartObject("interaction");
            json.WriteTestFields(interaction, new TestKeys("chisq", "df", "p"));
            json.WriteEndObject();
            json.WriteNumberOrNull("interaction_p", interaction?.PValue ?? double.NaN);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
