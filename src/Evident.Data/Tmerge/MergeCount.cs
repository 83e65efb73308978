namespace Evident.Data.Tmerge;

/// <summary>
/// Where the rows of the changes file fell for one merged variable (R keeps similar counts in <c>attr(x, "tcount")</c>).
/// </summary>
/// <param name="Name">The variable.</param>
/// <param name="BeforeStart">Times at or before the participant's start: a tdc value there is the initial value; an event is ignored.</param>
/// <param name="Inside">Times strictly inside the follow-up (the interval is split there).</param>
/// <param name="AtStop">Times equal to the end of follow-up: an event is recorded on the last interval; a tdc value is ignored.</param>
/// <param name="AfterStop">Times after the end of follow-up: ignored.</param>
/// <param name="UnknownId">Rows whose participant is not in the baseline file: ignored.</param>
/// <param name="Missing">Rows with a missing time or value: ignored (R's <c>na.rm = TRUE</c>).</param>
public sealed record MergeCount(string Name, int BeforeStart, int Inside, int AtStop, int AfterStop, int UnknownId, int Missing);
