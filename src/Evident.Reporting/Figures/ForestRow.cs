using Evident.Statistics;
using Evident.Statistics.Cox;

namespace Evident.Reporting.Figures;

/// <summary>
/// One row of a forest plot: a hazard ratio with its confidence interval, and optional text columns.
/// </summary>
/// <param name="Label">Row label (subgroup, stratum, "Overall"), non-empty.</param>
/// <param name="HazardRatio">Point estimate, finite and &gt; 0 (ignored for headings).</param>
/// <param name="Lower">Lower confidence limit, 0 ≤ lower ≤ estimate (0 is drawn to the axis edge).</param>
/// <param name="Upper">Upper confidence limit, estimate ≤ upper ≤ +∞ (+∞, as from a monotone likelihood, is drawn to the axis edge).</param>
public sealed record ForestRow(string Label, double HazardRatio, double Lower, double Upper)
{
    /// <summary>How the row is drawn. Default <see cref="ForestRowKind.Estimate"/>.</summary>
    public ForestRowKind Kind { get; init; } = ForestRowKind.Estimate;

    /// <summary>Optional text for the detail column, for example "45/720" events/N.</summary>
    public string? Detail { get; init; }

    /// <summary>Optional p-value in [0, 1] for the p column; NaN (default) leaves the cell empty.</summary>
    public double PValue { get; init; } = double.NaN;

    /// <summary>
    /// Optional p-value in [0, 1] of a test of interaction (for example arm × subgroup, on the subgroup's heading row) for
    /// the interaction column; NaN (default) leaves the cell empty.
    /// </summary>
    public double InteractionPValue { get; init; } = double.NaN;

    /// <summary>
    /// Optional weight &gt; 0 (for example the number of events or the inverse variance); when given, the square's area
    /// is proportional to it, relative to the largest weight in the plot. NaN (default) draws a square of standard size.
    /// </summary>
    public double Weight { get; init; } = double.NaN;

    /// <summary>A heading row with no estimate.</summary>
    /// <param name="label">The heading text, non-empty.</param>
    public static ForestRow Heading(string label) =>
        new(label, double.NaN, double.NaN, double.NaN) { Kind = ForestRowKind.Heading };

    /// <summary>
    /// A row from a Cox model term: exp(β̂) with its Wald interval exp(β̂ ± z·se) and Wald p-value, as R's
    /// <c>summary(coxph(...))$conf.int</c> and <c>$coefficients[, "Pr(&gt;|z|)"]</c>.
    /// </summary>
    /// <param name="label">Row label, non-empty.</param>
    /// <param name="term">A term of <see cref="CoxFit.Terms"/>.</param>
    /// <param name="kind">Estimate or Summary.</param>
    public static ForestRow FromCox(string label, CoxCoefficient term, ForestRowKind kind = ForestRowKind.Estimate)
    {
        ArgumentNullException.ThrowIfNull(term);
        return new ForestRow(label, term.HazardRatio, term.ConfLow, term.ConfHigh) { Kind = kind, PValue = term.PValue };
    }
}
