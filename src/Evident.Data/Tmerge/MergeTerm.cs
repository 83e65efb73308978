using System.Text.RegularExpressions;

namespace Evident.Data.Tmerge;

/// <summary>
/// One variable that <see cref="TimeDependentMerge"/> adds, written as in R's <c>tmerge</c> call:
/// <c>NAME=tdc(TIME[, VALUE])</c> or <c>NAME=event(TIME[, VALUE])</c>, TIME and VALUE being columns.
/// </summary>
/// <param name="Name">The new column's name.</param>
/// <param name="Kind">Time-dependent covariate or event.</param>
/// <param name="TimeColumn">The column of times.</param>
/// <param name="ValueColumn">The column of values, or null (an indicator: tdc 0 → 1, event 1).</param>
public sealed partial record MergeTerm(string Name, MergeKind Kind, string TimeColumn, string? ValueColumn)
{
    /// <summary>Parses <c>NAME=tdc(TIME[, VALUE])</c> or <c>NAME=event(TIME[, VALUE])</c>.</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormulaException">The text has another shape.</exception>
    public static MergeTerm Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var m = Shape().Match(text);
        if (!m.Success)
        {
            throw new FormulaException($"'{text}': expected NAME=tdc(TIME) or NAME=tdc(TIME, VALUE) or NAME=event(TIME) or NAME=event(TIME, VALUE), with column names.",
                                       text, 1, "NAME=tdc(TIME, VALUE) or NAME=event(TIME, VALUE)");
        }
        var kind = m.Groups["kind"].Value == "tdc" ? MergeKind.Tdc : MergeKind.Event;
        return new MergeTerm(m.Groups["name"].Value, kind, m.Groups["time"].Value, m.Groups["value"].Success ? m.Groups["value"].Value : null);
    }

    /// <summary>The term as R writes it.</summary>
    public override string ToString() =>
        $"{Name}={(Kind == MergeKind.Tdc ? "tdc" : "event")}({TimeColumn}{(ValueColumn is null ? "" : ", " + ValueColumn)})";

    [GeneratedRegex(@"^\s*(?<name>[A-Za-z_.][\w.]*)\s*=\s*(?<kind>tdc|event)\s*\(\s*(?<time>[A-Za-z_.][\w.]*)\s*(?:,\s*(?<value>[A-Za-z_.][\w.]*)\s*)?\)\s*$")]
    private static partial Regex Shape();
}
