using System.Globalization;

namespace Evident.Reporting.Report;

/// <summary>
/// How the report, summary and console show numbers (culture-invariant). A number that cannot be estimated (NaN, ±∞, a
/// missing test) is shown as "not estimable", with the reason where there is one, never as NA, NaN, ∞ or a number: every
/// renderer goes through <see cref="NotEstimable"/> and <see cref="NotEstimableBecause"/>.
/// </summary>
public static class ReportNumbers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The words for a number that cannot be estimated.</summary>
    public const string NotEstimable = "not estimable";

    /// <summary>The reason for an arm or group without participants.</summary>
    public const string NoParticipants = "no participants";

    /// <summary>The reason for a test or estimate without events.</summary>
    public const string NoEvents = "no events";

    /// <summary>"not estimable (reason)", e.g. "not estimable (no participants)".</summary>
    /// <param name="reason">Why, in a few lowercase words.</param>
    public static string NotEstimableBecause(string reason) => $"{NotEstimable} ({reason})";

    /// <summary>
    /// An interval's limits, "10.1 to 18.0"; a limit that is not finite reads "not estimable" ("10.1 to not estimable"),
    /// and when neither is, the interval is "not estimable" once.
    /// </summary>
    /// <param name="low">Lower limit, or NaN/±∞.</param>
    /// <param name="high">Upper limit, or NaN/±∞.</param>
    /// <param name="decimals">Decimals.</param>
    public static string Limits(double low, double high, int decimals = 2) =>
        !double.IsFinite(low) && !double.IsFinite(high) ? NotEstimable : $"{Fixed(low, decimals)} to {Fixed(high, decimals)}";

    /// <summary>
    /// A count with its percentage, "3 (25.0%)"; without a percentage (an arm with no participants) "0, not estimable
    /// (no participants)", so that no parentheses nest.
    /// </summary>
    /// <param name="count">The count.</param>
    /// <param name="proportion">The count's proportion of its arm, or NaN when the arm has no participants.</param>
    public static string CountAndPercent(int count, double proportion) =>
        double.IsFinite(proportion)
            ? $"{count.ToString(Invariant)} ({Percent(proportion)})"
            : $"{count.ToString(Invariant)}, {NotEstimableBecause(NoParticipants)}";

    /// <summary>A percentage as <see cref="Percent(double)"/>, or "not estimable (reason)" when there is none.</summary>
    /// <param name="p">A proportion in [0, 1], or NaN.</param>
    /// <param name="reason">Why it may be missing (e.g. <see cref="NoParticipants"/>), or null when there is no known reason.</param>
    public static string Percent(double p, string? reason) =>
        double.IsFinite(p) || reason is null ? Percent(p) : NotEstimableBecause(reason);

    /// <summary>A p-value as <see cref="PValue(double)"/>, or "not estimable (reason)" when there is none.</summary>
    /// <param name="p">A p-value in [0, 1], or NaN.</param>
    /// <param name="reason">Why it may be missing, or null when there is no known reason.</param>
    public static string PValue(double p, string? reason) =>
        double.IsFinite(p) || reason is null ? PValue(p) : NotEstimableBecause(reason);

    /// <summary>A proportion as a percentage with one decimal, e.g. 0.9753 → "97.5%".</summary>
    /// <param name="p">A proportion in [0, 1], or NaN.</param>
    public static string Percent(double p) => double.IsFinite(p) ? (100 * p).ToString("0.0", Invariant) + "%" : NotEstimable;

    /// <summary>A number with <paramref name="decimals"/> decimals.</summary>
    /// <param name="value">The number, or NaN.</param>
    /// <param name="decimals">Decimals, 0–6.</param>
    public static string Fixed(double value, int decimals = 2) => double.IsFinite(value) ? value.ToString("F" + decimals, Invariant) : NotEstimable;

    /// <summary>A p-value: three decimals, "&lt;0.001" below 0.001 (NEJM style).</summary>
    /// <param name="p">A p-value in [0, 1], or NaN.</param>
    public static string PValue(double p) => !double.IsFinite(p) ? NotEstimable : p < 0.001 ? "<0.001" : p.ToString("0.000", Invariant);

    /// <summary>"p = 0.012" or "p &lt; 0.001".</summary>
    /// <param name="p">A p-value.</param>
    public static string PClause(double p) => !double.IsFinite(p) ? "p " + NotEstimable : p < 0.001 ? "p < 0.001" : "p = " + PValue(p);

    /// <summary>
    /// An estimate with its interval, e.g. "0.33 (95% CI 0.18 to 0.60)"; "not estimable" without an estimate, and
    /// "0.33 (95% CI not estimable)" when a limit is not finite.
    /// </summary>
    /// <param name="estimate">The estimate.</param>
    /// <param name="low">Lower limit.</param>
    /// <param name="high">Upper limit.</param>
    /// <param name="level">Confidence level, e.g. 0.95.</param>
    /// <param name="decimals">Decimals.</param>
    public static string WithInterval(double estimate, double low, double high, double level, int decimals = 2) =>
        !double.IsFinite(estimate) ? NotEstimable
        : double.IsFinite(low) && double.IsFinite(high) ? $"{Fixed(estimate, decimals)} ({Level(level)} CI {Fixed(low, decimals)} to {Fixed(high, decimals)})"
        : $"{Fixed(estimate, decimals)} ({Level(level)} CI {NotEstimable})";

    /// <summary>A confidence level as "95%".</summary>
    /// <param name="level">Level in (0, 1).</param>
    public static string Level(double level) => (100 * level).ToString("0.##", Invariant) + "%";

    /// <summary>A time such as a milestone: "36".</summary>
    /// <param name="time">The time.</param>
    public static string Time(double time) => time.ToString("0.##", Invariant);
}
