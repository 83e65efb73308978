using System.Text.Json;
using Evident.Analysis.Results;
using Evident.Reporting.Json;
using Evident.Statistics.Safety;

namespace Evident.Reporting.Report;

/// <summary>
/// <c>safety.by_stratum</c> of results.json: for every term (then any term) and every compared arm, the risk difference
/// within each stratum and the Breslow–Day test of homogeneity of the odds ratios, with and without Tarone's
/// correction. docs/report.md documents the keys.
/// </summary>
internal static class SafetyStrataJson
{
    private static readonly TestKeys Test = new("statistic", "df", "p");

    public static void Write(Utf8JsonWriter json, AnalysisResults r, SafetyResult safety)
    {
        json.WriteStartArray("by_stratum");
        foreach (var comparison in safety.ByStratum)
        {
            json.WriteStartObject();
            if (comparison.Term < 0) json.WriteNull("term");
            else json.WriteString("term", safety.Terms[comparison.Term]);
            json.WriteBoolean("any_term", comparison.Term < 0);
            json.WriteString("arm", r.Protocol.Arms[comparison.Arm].Id);
            json.WriteString("control", r.Protocol.Arms[comparison.ReferenceArm].Id);
            WriteStrata(json, safety, comparison);
            var test = comparison.Homogeneity;
            json.WriteNumberOrNull("common_odds_ratio", test.CommonOddsRatio);
            json.WriteNumber("informative_strata", test.InformativeStrata);
            json.WriteString("status", Status(test.Status));
            json.WriteStartObject("breslow_day");
            json.WriteTestFields(test.Uncorrected, Test);
            json.WriteEndObject();
            json.WriteStartObject("tarone");
            json.WriteTestFields(test.Tarone, Test);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteStrata(Utf8JsonWriter json, SafetyResult safety, SafetyStratumComparison comparison)
    {
        var row = comparison.Term < 0 ? safety.Table.AnyTerm : safety.Table.Terms[comparison.Term];
        json.WriteStartArray("strata");
        for (int s = 0; s < safety.StrataLabels.Count; s++)
        {
            json.WriteStartObject();
            json.WriteString("stratum", safety.StrataLabels[s]);
            json.WriteNumber("arm_participants", row.ParticipantsByStratum[comparison.Arm][s]);
            json.WriteNumber("arm_n", safety.Table.ArmSizesByStratum[comparison.Arm][s]);
            json.WriteNumber("control_participants", row.ParticipantsByStratum[comparison.ReferenceArm][s]);
            json.WriteNumber("control_n", safety.Table.ArmSizesByStratum[comparison.ReferenceArm][s]);
            var d = comparison.ByStratum[s];
            json.WriteNumberOrNull("risk_difference", d?.Difference ?? double.NaN);
            json.WriteNumberOrNull("conf_low", d?.Lower ?? double.NaN);
            json.WriteNumberOrNull("conf_high", d?.Upper ?? double.NaN);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>The status as tests/fixtures/trials/make_trial_refs.R writes it.</summary>
    public static string Status(BreslowDayStatus status) => status switch
    {
        BreslowDayStatus.Computed => "computed",
        BreslowDayStatus.TooFewStrata => "too_few_strata",
        _ => "odds_ratio_not_estimable",
    };
}
