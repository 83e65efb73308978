namespace Evident.Data.Tmerge;

/// <summary>The counting-process data <see cref="TimeDependentMerge"/> builds: one row per (tstart, tstop] interval. Immutable.</summary>
/// <param name="Table">The rows, by participant (baseline order) and time.</param>
/// <param name="Participants">Participants (rows of the baseline file).</param>
/// <param name="Counts">Per variable from the changes file, where its rows fell.</param>
/// <param name="Warnings">Soft problems, in words (a baseline column replaced, as R warns).</param>
public sealed record MergedData(DataTable Table, int Participants, IReadOnlyList<MergeCount> Counts, IReadOnlyList<string> Warnings);
