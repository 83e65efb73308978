using System.Globalization;
using System.Text.Json;
using Evident.Analysis;
using Evident.Reporting.Json;
using Evident.Statistics;
using Evident.Analysis.Results;
using Evident.Statistics.Cox;
using Evident.Statistics.Safety;

namespace Evident.Reporting.Report;

/// <summary>
/// <c>results.json</c>: every number of the report, machine-readable (NaN/±∞ as null, numbers round-trip). Key names
/// are snake_case; milestone keys carry the endpoint and time, e.g. <c>dfs_3y</c> for DFS at 36 months.
/// </summary>
public static class ResultsJson
{
    /// <summary>Renders the results as indented UTF-8 JSON text.</summary>
    /// <param name="results">The results.</param>
    public static string Render(AnalysisResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return JsonText.Render(json => Write(json, results));
    }

    private static void Write(Utf8JsonWriter json, AnalysisResults r)
    {
        var protocol = r.Protocol;
        var primary = r.Primary;
        string key = primary.Endpoint.Milestone is double m ? $"{primary.Endpoint.Id}_{ReportText.Milestone(m, protocol.TimeUnit).Key}" : primary.Endpoint.Id;
        json.WriteStartObject();
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
        json.WriteString("endpoint", primary.Endpoint.Id);
        Number(json, "milestone", primary.Endpoint.Milestone ?? double.NaN);
        json.WriteString("milestone_key", key);

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
            Number(json, "rmst_difference", d.Difference);
            Number(json, "rmst_difference_std_error", d.StdError);
            Number(json, "rmst_difference_conf_low", d.Lower);
            Number(json, "rmst_difference_conf_high", d.Upper);
            Number(json, "rmst_difference_p", d.PValue);
            Number(json, "tau", d.Tau);
        }
        json.WriteStartArray("rmst");
        for (int i = 0; i < primary.Rmst.Count; i++)
        {
            var arm = primary.Overall.Arms.Where(a => a.Curve is not null).ElementAt(i);
            json.WriteStartObject();
            json.WriteString("arm", arm.ArmId);
            Number(json, "rmst", primary.Rmst[i].Rmst);
            Number(json, "std_error", primary.Rmst[i].StdError);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartArray("subgroups");
        foreach (var s in r.Subgroups)
        {
            json.WriteStartObject();
            json.WriteString("factor", s.Factor);
            json.WriteString("level", s.Level);
            json.WriteNumber("n", s.N);
            json.WriteNumber("events", s.Events);
            HazardRatio(json, s.HazardRatio);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        if (r.CompetingRisks is { } cr)
        {
            json.WriteStartObject("relapse_sites");
            json.WriteString("endpoint", cr.EndpointId);
            json.WriteString("title", cr.Title);
            Number(json, "milestone", cr.Milestone ?? double.NaN);
            WriteCauses(json, cr.Overall);
            json.WriteStartArray("strata");
            foreach (var (label, causes) in cr.Strata)
            {
                json.WriteStartObject();
                json.WriteString("stratum", label);
                WriteCauses(json, causes);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        else json.WriteNull("relapse_sites");

        if (r.Safety is { } safety)
        {
            json.WriteStartObject("safety");
            json.WriteNumber("min_grade", safety.MinGrade);
            WriteSafetyTable(json, r, safety.Table, safety.Terms, safety.StrataLabels);
            if (safety.Severe is { } severe)
            {
                json.WriteStartObject("severe_terms_of_interest");
                json.WriteNumber("min_grade", severe.MinGrade);
                WriteSafetyTable(json, r, severe, safety.TermsOfInterest, safety.StrataLabels);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        else json.WriteNull("safety");

        if (r.Monitoring is { } monitoring)
        {
            json.WriteStartObject("monitoring");
            Number(json, "planned_events", monitoring.Analysis.MaxEvents);
            if (monitoring.Analysis.StoppedAt is int stop) json.WriteNumber("stopped_at_look", stop);
            else json.WriteNull("stopped_at_look");
            json.WriteStartArray("looks");
            for (int k = 0; k < monitoring.Analysis.Looks.Count; k++)
            {
                var look = monitoring.Analysis.Looks[k];
                json.WriteStartObject();
                json.WriteNumber("look", look.Look);
                json.WriteString("date", monitoring.LookDates[k].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                Number(json, "events", look.Events);
                Number(json, "information_fraction", look.InformationFraction);
                Number(json, "z", look.Z);
                Number(json, "efficacy_bound", look.EfficacyBound);
                Number(json, "futility_bound", look.FutilityBound);
                Number(json, "alpha_spent", look.AlphaSpent);
                Number(json, "nominal_p", look.NominalP);
                json.WriteString("decision", look.Decision.ToString());
                Number(json, "hazard_ratio", look.HazardRatio);
                Number(json, "rci_low", look.RciLower);
                Number(json, "rci_high", look.RciUpper);
                Number(json, "repeated_p", look.RepeatedPValue);
                Number(json, "conditional_power_design", look.ConditionalPowerDesign);
                Number(json, "conditional_power_trend", look.ConditionalPowerTrend);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        else json.WriteNull("monitoring");

        json.WriteStartArray("notes");
        foreach (string note in r.Notes) json.WriteStringValue(note);
        json.WriteEndArray();
        json.WriteStartArray("warnings");
        foreach (string warning in r.Warnings) json.WriteStringValue(warning);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteGroup(Utf8JsonWriter json, GroupResult group, string key, bool overall)
    {
        json.WriteStartArray("arms");
        foreach (var arm in group.Arms)
        {
            json.WriteStartObject();
            json.WriteString("arm", arm.ArmId);
            json.WriteNumber("n", arm.N);
            json.WriteNumber("events", arm.Events);
            if (arm.Milestone is { } point)
            {
                Number(json, key, point.Survival);
                Number(json, key + "_std_error", point.StdError);
                Number(json, key + "_conf_low", point.Lower);
                Number(json, key + "_conf_high", point.Upper);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (group.Comparisons.Count > 0) HazardRatio(json, group.Comparisons[0].HazardRatio);
        if (group.Comparisons.Count > 1)
        {
            json.WriteStartArray("comparisons");
            foreach (var c in group.Comparisons)
            {
                json.WriteStartObject();
                json.WriteString("arm", c.ArmId);
                HazardRatio(json, c.HazardRatio);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        string prefix = overall ? "stratified_logrank" : "logrank";
        Number(json, prefix + "_chisq", group.LogRank?.Statistic ?? double.NaN);
        Number(json, prefix + "_p", group.LogRank?.PValue ?? double.NaN);
    }

    private static void HazardRatio(Utf8JsonWriter json, CoxCoefficient hr)
    {
        Number(json, "hazard_ratio", hr.HazardRatio);
        Number(json, "conf_low", hr.ConfLow);
        Number(json, "conf_high", hr.ConfHigh);
        Number(json, "hazard_ratio_p", hr.PValue);
    }

    private static void WriteCauses(Utf8JsonWriter json, IReadOnlyList<CauseResult> causes)
    {
        json.WriteStartArray("causes");
        foreach (var cause in causes)
        {
            json.WriteStartObject();
            json.WriteString("cause", cause.CauseId);
            json.WriteString("label", cause.Label);
            Number(json, "gray_statistic", cause.GrayTest?.Test.Statistic ?? double.NaN);
            Number(json, "gray_p", cause.GrayTest?.Test.PValue ?? double.NaN);
            json.WriteStartArray("arms");
            foreach (var arm in cause.Arms)
            {
                json.WriteStartObject();
                json.WriteString("arm", arm.ArmId);
                json.WriteNumber("events", arm.Events);
                Number(json, "incidence", arm.AtMilestone?.Estimate ?? (arm.Events == 0 ? 0 : double.NaN));
                Number(json, "std_error", arm.AtMilestone is { } p ? Math.Sqrt(p.Variance) : (arm.Events == 0 ? 0 : double.NaN));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteSafetyTable(Utf8JsonWriter json, AnalysisResults r, SafetyTable table, IReadOnlyList<string> terms, IReadOnlyList<string> strata)
    {
        json.WriteStartArray("terms");
        foreach (var row in table.Terms) WriteSafetyRow(json, r, table, row, terms[row.Term], strata);
        json.WriteEndArray();
        json.WriteStartObject("any_term");
        WriteSafetyFields(json, r, table, table.AnyTerm, strata);
        json.WriteEndObject();
    }

    private static void WriteSafetyRow(Utf8JsonWriter json, AnalysisResults r, SafetyTable table, SafetyTermSummary row, string term, IReadOnlyList<string> strata)
    {
        json.WriteStartObject();
        json.WriteString("term", term);
        WriteSafetyFields(json, r, table, row, strata);
        json.WriteEndObject();
    }

    private static void WriteSafetyFields(Utf8JsonWriter json, AnalysisResults r, SafetyTable table, SafetyTermSummary row, IReadOnlyList<string> strata)
    {
        json.WriteStartArray("arms");
        for (int a = 0; a < row.Participants.Count; a++)
        {
            json.WriteStartObject();
            json.WriteString("arm", r.Protocol.Arms[a].Id);
            json.WriteNumber("participants", row.Participants[a]);
            json.WriteNumber("n", table.ArmSizes[a]);
            Number(json, "proportion", row.Proportions[a]);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("comparisons");
        foreach (var c in row.Comparisons)
        {
            json.WriteStartObject();
            json.WriteString("arm", r.Protocol.Arms[c.Arm].Id);
            Number(json, "risk_difference", c.RiskDifference.Difference);
            Number(json, "risk_difference_conf_low", c.RiskDifference.Lower);
            Number(json, "risk_difference_conf_high", c.RiskDifference.Upper);
            Number(json, "fisher_p", c.Fisher.PValue);
            Number(json, "cmh_p", c.MantelHaenszel?.Test.PValue ?? double.NaN);
            Number(json, "cmh_odds_ratio", c.MantelHaenszel?.CommonOddsRatio ?? double.NaN);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("by_stratum");
        for (int s = 0; s < strata.Count && strata.Count > 1; s++)
        {
            json.WriteStartObject();
            json.WriteString("stratum", strata[s]);
            json.WriteStartArray("arms");
            for (int a = 0; a < row.Participants.Count; a++)
            {
                json.WriteStartObject();
                json.WriteString("arm", r.Protocol.Arms[a].Id);
                json.WriteNumber("participants", row.ParticipantsByStratum[a][s]);
                json.WriteNumber("n", table.ArmSizesByStratum[a][s]);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, value);
        else json.WriteNull(name);
    }
}
