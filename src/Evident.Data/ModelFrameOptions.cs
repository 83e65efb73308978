namespace Evident.Data;

/// <summary>Options for <see cref="ModelFrame.Build"/>.</summary>
public sealed record ModelFrameOptions
{
    /// <summary>
    /// Reference level per categorical column (column → level as printed, e.g. <c>"celltype" → "squamous"</c>,
    /// <c>"sex" → "2"</c>). The reference level comes first: it is left out of the dummy coding and its group is listed
    /// first. R equivalent: <c>relevel(factor(x), ref = "level")</c>. Default: none (the first level in R's order).
    /// </summary>
    public IReadOnlyDictionary<string, string> References { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// When true, the status column holds competing-risks cause codes: any non-negative whole number, 0 = censored,
    /// k = failure from cause k (as <c>cmprsk::cuminc(cencode = 0)</c>). When false (default) status must be coded
    /// 0/1, 1/2 or TRUE/FALSE, as R's <c>Surv()</c> accepts.
    /// </summary>
    public bool StatusIsCause { get; init; }

    /// <summary>
    /// When true, the formula may be counting-process data <c>Surv(start, stop, event)</c> (Cox, cox.zph and
    /// Kaplan–Meier accept it, as R's coxph and survfit do). When false (default) such a formula is refused, as R's
    /// <c>survdiff</c> refuses it ("Right censored data only").
    /// </summary>
    public bool AllowCountingProcess { get; init; }

    /// <summary>
    /// A landmark time T: only rows still under follow-up after T (time &gt; T; for counting-process data, stop &gt; T)
    /// are kept, and time is measured from T (time − T; a start before T becomes 0), so every analysis is conditional on
    /// being event-free at T. R equivalent: <c>subset(data, time &gt; T)</c> with <c>time - T</c>. Null (default): none.
    /// Must be finite.
    /// </summary>
    public double? Landmark { get; init; }
}
