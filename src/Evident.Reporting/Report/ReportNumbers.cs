using System.Globalization;

namespace Evident.Reporting.Report;

/// <summary>How the report, summary and console show numbers (culture-invariant; "NA" for a missing value).</summary>
public static class ReportNumbers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A proportion as a percentage with one decimal, e.g. 0.9753 → "97.5%".</summary>
    /// <param name="p">A proportion in [0, 1], or NaN.</param>
    public static string Percent(double p) => double.IsFinite(p) ? (100 * p).ToString("0.0", Invariant) + "%" : "NA";

    /// <summary>A number with <paramref name="decimals"/> decimals.</summary>
    /// <param name="value">The number, or NaN.</param>
    /// <param name="decimals">Decimals, 0–6.</param>
    public static string Fixed(double value, int decimals = 2) => double.IsFinite(value) ? value.ToString("F" + decimals, Invariant) : "NA";

    /// <summary>A p-value: three decimals, "&lt;0.001" below 0.001 (NEJM style).</summary>
    /// <param name="p">A p-value in [0, 1], or NaN.</param>
    public static string PValue(double p) => !double.IsFinite(p) ? "NA" : p < 0.001 ? "<0.001" : p.ToString("0.000", Invariant);

    /// <summary>"p = 0.012" or "p &lt; 0.001".</summary>
    /// <param name="p">A p-value.</param>
    public static string PClause(double p) => !double.IsFinite(p) ? "p not available" : p < 0.001 ? "p < 0.001" : "p = " + PValue(p);

    /// <summary>An estimate with its interval, e.g. "0.33 (95% CI 0.18–0.60)".</summary>
    /// <param name="estimate">The estimate.</param>
    /// <param name="low">Lower limit.</param>
    /// <param name="high">Upper limit.</param>
    /// <param name="level">Confidence level, e.g. 0.95.</param>
    /// <param name="decimals">Decimals.</param>
    public static string WithInterval(double estimate, double low, double high, double level, int decimals = 2) =>
        $"{Fixed(estimate, decimals)} ({Level(level)} CI {Fixed(low, decimals)} to {Fixed(high, decimals)})";

    /// <summary>A confidence level as "95%".</summary>
    /// <param name="level">Level in (0, 1).</param>
    public static string Level(double level) => (100 * level).ToString("0.##", Invariant) + "%";

    /// <summary>A time such as a milestone: "36".</summary>
    /// <param name="time">The time.</param>
    public static string Time(double time) => time.ToString("0.##", Invariant);
}
