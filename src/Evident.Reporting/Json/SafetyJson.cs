using System.Text.Json;
using Evident.Statistics.Safety;

namespace Evident.Reporting.Json;

/// <summary>
/// Writes an adverse-event incidence table in its two published layouts, which share their outline (<c>terms</c>, each
/// with its arms and comparisons, then <c>any_term</c>): the contract's (<c>analysis: "safety"</c>, <see cref="Write"/>:
/// arms as groups, percentages, each test in its own object) and results.json's (<see cref="WriteTerms"/>: arms by id,
/// proportions, the p-values flattened, counts by stratum).
/// </summary>
public static class SafetyJson
{
    private static readonly EstimateKeys ContractRiskDifference = new("estimate", "std_error", "conf_low", "conf_high", null, null);
    private static readonly EstimateKeys ResultsRiskDifference = new("risk_difference", null, "risk_difference_conf_low", "risk_difference_conf_high", null, null);

    /// <summary>Writes the contract's document.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="armColumn">The column holding the arm.</param>
    /// <param name="stratumColumn">The column holding the stratum, or null.</param>
    /// <param name="arms">The arm of each arm code.</param>
    /// <param name="strata">The stratum of each stratum code.</param>
    /// <param name="terms">The name of each term code.</param>
    /// <param name="fromSubjectList">Whether the denominators come from a subject list (else from the events file).</param>
    /// <param name="confLevel">The intervals' confidence level.</param>
    /// <param name="table">The table.</param>
    public static void Write(Utf8JsonWriter json, string armColumn, string? stratumColumn, IReadOnlyList<string> arms, IReadOnlyList<string> strata,
                             IReadOnlyList<string> terms, bool fromSubjectList, double confLevel, SafetyTable table)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(table);
        Dictionary<string, string> Arm(int code) => new() { [armColumn] = arms[code] };
        json.WriteStartObject();
        json.WriteString("analysis", "safety");
        json.WriteNumber("min_grade", table.MinGrade);
        json.WriteString("denominator", fromSubjectList ? "subjects_file" : "ae_file");
        json.WriteNumber("conf_level", confLevel);
        json.WriteGroup("reference", Arm(table.ReferenceArm));
        if (stratumColumn is null) json.WriteNull("stratum");
        else json.WriteString("stratum", stratumColumn);
        json.WriteStartArray("arms");
        for (int g = 0; g < arms.Count; g++)
        {
            json.WriteStartObject();
            json.WriteGroup("group", Arm(g));
            json.WriteNumber("n", table.ArmSizes[g]);
            if (stratumColumn is not null)
            {
                json.WriteStartArray("strata");
                for (int k = 0; k < strata.Count; k++)
                {
                    json.WriteStartObject();
                    json.WriteGroup("stratum", new Dictionary<string, string> { [stratumColumn] = strata[k] });
                    json.WriteNumber("n", table.ArmSizesByStratum[g][k]);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        WriteRows(json, table, terms, row => WriteContractRow(json, table, row, Arm));
        json.WriteEndObject();
    }

    /// <summary>Writes results.json's <c>terms</c> and <c>any_term</c> into the current object.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="table">The table.</param>
    /// <param name="terms">The name of each term code.</param>
    /// <param name="armIds">The protocol's id of each arm code.</param>
    /// <param name="strata">The label of each stratum code; with fewer than two, <c>by_stratum</c> is empty.</param>
    public static void WriteTerms(Utf8JsonWriter json, SafetyTable table, IReadOnlyList<string> terms, IReadOnlyList<string> armIds, IReadOnlyList<string> strata)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(table);
        WriteRows(json, table, terms, row => WriteResultsRow(json, table, row, armIds, strata));
    }

    private static void WriteRows(Utf8JsonWriter json, SafetyTable table, IReadOnlyList<string> terms, Action<SafetyTermSummary> writeRow)
    {
        json.WriteStartArray("terms");
        foreach (var row in table.Terms)
        {
            json.WriteStartObject();
            json.WriteString("term", terms[row.Term]);
            writeRow(row);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("any_term");
        writeRow(table.AnyTerm);
        json.WriteEndObject();
    }

    private static void WriteContractRow(Utf8JsonWriter json, SafetyTable table, SafetyTermSummary row, Func<int, Dictionary<string, string>> arm)
    {
        json.WriteStartArray("arms");
        for (int g = 0; g < row.Participants.Count; g++)
        {
            json.WriteStartObject();
            json.WriteGroup("group", arm(g));
            json.WriteNumber("n", table.ArmSizes[g]);
            json.WriteNumber("participants", row.Participants[g]);
            json.WriteNumber("percent", 100 * row.Proportions[g]);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("comparisons");
        foreach (var c in row.Comparisons)
        {
            json.WriteStartObject();
            json.WriteGroup("group", arm(c.Arm));
            json.WriteGroup("versus", arm(c.ReferenceArm));
            json.WriteStartObject("risk_difference");
            WriteRiskDifference(json, c.RiskDifference, ContractRiskDifference);
            json.WriteEndObject();
            json.WriteStartObject("fisher");
            json.WriteNumberOrNull("p_value", c.Fisher.PValue);
            json.WriteNumberOrNull("p_less", c.Fisher.PValueLess);
            json.WriteNumberOrNull("p_greater", c.Fisher.PValueGreater);
            json.WriteEndObject();
            if (c.MantelHaenszel is { } mh) WriteMantelHaenszel(json, mh);
            else json.WriteNull("cmh");
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteMantelHaenszel(Utf8JsonWriter json, MantelHaenszelTest mh)
    {
        json.WriteStartObject("cmh");
        json.WriteTestFields(mh.Test, TestKeys.Contract);
        json.WriteBoolean("continuity_correction", mh.ContinuityCorrected);
        json.WriteNumber("strata", mh.Strata);
        json.WriteNumberOrNull("common_odds_ratio", mh.CommonOddsRatio);
        json.WriteNumberOrNull("conf_low", mh.Lower);
        json.WriteNumberOrNull("conf_high", mh.Upper);
        json.WriteEndObject();
    }

    private static void WriteResultsRow(Utf8JsonWriter json, SafetyTable table, SafetyTermSummary row, IReadOnlyList<string> armIds, IReadOnlyList<string> strata)
    {
        json.WriteStartArray("arms");
        for (int a = 0; a < row.Participants.Count; a++)
        {
            json.WriteStartObject();
            json.WriteString("arm", armIds[a]);
            json.WriteNumber("participants", row.Participants[a]);
            json.WriteNumber("n", table.ArmSizes[a]);
            json.WriteNumberOrNull("proportion", row.Proportions[a]);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("comparisons");
        foreach (var c in row.Comparisons)
        {
            json.WriteStartObject();
            json.WriteString("arm", armIds[c.Arm]);
            WriteRiskDifference(json, c.RiskDifference, ResultsRiskDifference);
            json.WriteNumberOrNull("fisher_p", c.Fisher.PValue);
            json.WriteNumberOrNull("cmh_p", c.MantelHaenszel?.Test.PValue ?? double.NaN);
            json.WriteNumberOrNull("cmh_odds_ratio", c.MantelHaenszel?.CommonOddsRatio ?? double.NaN);
            json.WriteNumberOrNull("cmh_odds_ratio_conf_low", c.MantelHaenszel?.Lower ?? double.NaN);
            json.WriteNumberOrNull("cmh_odds_ratio_conf_high", c.MantelHaenszel?.Upper ?? double.NaN);
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
                json.WriteString("arm", armIds[a]);
                json.WriteNumber("participants", row.ParticipantsByStratum[a][s]);
                json.WriteNumber("n", table.ArmSizesByStratum[a][s]);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteRiskDifference(Utf8JsonWriter json, RiskDifferenceEstimate rd, EstimateKeys keys) =>
        json.WriteEstimate(keys, rd.Difference, rd.StdError, rd.Lower, rd.Upper);
}
