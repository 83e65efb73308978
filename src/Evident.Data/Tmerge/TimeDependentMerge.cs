namespace Evident.Data.Tmerge;

/// <summary>
/// Builds counting-process data from a baseline file (one row per participant) and a file of dated changes, as R's
/// <c>survival::tmerge</c> does in its two usual calls: <c>tmerge(base, base, id, death = event(futime, status))</c>
/// (or <c>tstop = futime</c>) sets each participant's follow-up (0, stop]; then
/// <c>tmerge(x, changes, id, v = tdc(day, value), e = event(day))</c> splits it at the changes' times.
/// </summary>
/// <remarks>
/// <para>
/// Rules (R's, checked against survival 3.5-3 on pbc/pbcseq, cgd and a case made of R's edge cases): a tdc value holds
/// on every interval that starts at or after its time; a time at or before the start sets the initial value, a time at
/// or after the stop is ignored; before its first time a tdc is NA (0 for an indicator, <c>tdc(day)</c>, which becomes 1).
/// An event at a time in (start, stop] is recorded on the interval ending there (its value, or 1), 0 elsewhere; other
/// event times are ignored. Of several values at one time the last in the file wins. Rows with a missing time or value
/// are ignored (R's <c>na.rm = TRUE</c>), and so are rows of participants not in the baseline. A variable that already
/// exists in the baseline is replaced in place, with a warning, as R does.
/// </para>
/// <para>
/// Errors (<see cref="DataInputException"/>, naming file, row, column and value): a missing or duplicated id in the
/// baseline, a missing id in the changes, a stop time that is not a finite number above 0, a time or event value that is
/// not a number, a baseline that already has <c>tstart</c>/<c>tstop</c> (build from one row per participant).
/// </para>
/// </remarks>
public static class TimeDependentMerge
{
    /// <summary>Merges; see the type's remarks.</summary>
    /// <param name="baseline">One row per participant.</param>
    /// <param name="idColumn">The participant identifier, in both files.</param>
    /// <param name="stopColumn">The end of each participant's follow-up (start 0).</param>
    /// <param name="stopEvent">An event at the stop time (<c>death = event(futime, status)</c>), its time column <paramref name="stopColumn"/>; or null.</param>
    /// <param name="changes">The dated changes, or null when <paramref name="terms"/> is empty.</param>
    /// <param name="terms">The variables to add from <paramref name="changes"/>, in output order.</param>
    public static MergedData Merge(DataTable baseline, string idColumn, string stopColumn, MergeTerm? stopEvent, DataTable? changes, IReadOnlyList<MergeTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(terms);
        var subjects = Subjects(baseline, idColumn, stopColumn);
        var names = terms.Select(t => t.Name).Concat(stopEvent is null ? [] : [stopEvent.Name]).ToList();
        foreach (string name in names.Where(n => n is "tstart" or "tstop" || names.Count(m => m == n) > 1).Distinct())
            throw DataInputException.InFile(baseline.Source, $"the variable name '{name}' is used twice or is tstart/tstop.", name, "distinct new variable names");
        if (terms.Count > 0 && changes is null) throw new ArgumentNullException(nameof(changes), "tdc() and event() terms need a changes file.");
        var entries = terms.Select(t => MergeEntries.Collect(changes!, idColumn, t, subjects)).ToArray();
        var intervals = Intervals(subjects, entries);
        var columns = new List<DataColumn>();
        var warnings = new List<string>();
        var added = new Dictionary<string, DataColumn>(StringComparer.Ordinal);
        if (stopEvent is not null) added[stopEvent.Name] = StopEventColumn(baseline, stopEvent, intervals);
        for (int k = 0; k < terms.Count; k++) added[terms[k].Name] = entries[k].Column(changes!, intervals);
        foreach (var column in baseline.Columns)
        {
            if (added.Remove(column.Name, out var replacement))
            {
                warnings.Add($"replacement of variable '{column.Name}' of {baseline.Source} (as R's tmerge warns): its baseline value is not used.");
                columns.Add(replacement);
            }
            else columns.Add(Repeat(column, intervals.Subject));
        }
        columns.Add(DataColumn.FromNumbers("tstart", intervals.Start));
        columns.Add(DataColumn.FromNumbers("tstop", intervals.Stop));
        foreach (string name in names.Where(added.ContainsKey).OrderBy(n => stopEvent is not null && n == stopEvent.Name ? -1 : 0)) columns.Add(added[name]);
        var counts = entries.Select((e, k) => e.Count(terms[k].Name)).ToArray();
        return new MergedData(new DataTable(baseline.Source, columns), subjects.Stop.Length, Array.AsReadOnly(counts), warnings.AsReadOnly());
    }

    /// <summary>The participants: id label → index, and each one's stop time.</summary>
    internal sealed record SubjectIndex(Dictionary<string, int> ByLabel, double[] Stop);

    /// <summary>The output rows: participant, start and stop of each interval; FirstRow[s] .. FirstRow[s + 1] are participant s's.</summary>
    internal sealed record IntervalRows(int[] Subject, double[] Start, double[] Stop, int[] FirstRow);

    private static SubjectIndex Subjects(DataTable baseline, string idColumn, string stopColumn)
    {
        foreach (string reserved in new[] { "tstart", "tstop" })
        {
            if (baseline.TryGetColumn(reserved, out _))
                throw DataInputException.InFile(baseline.Source, $"already has a column '{reserved}': evident tmerge builds counting-process data from one row per participant.", reserved);
        }
        var ids = baseline[idColumn];
        var stop = baseline[stopColumn];
        const string expectedStop = "follow-up ends at a finite time above the start, 0";
        if (stop.Kind != ColumnKind.Numeric) throw DataInputException.BadValue(baseline.Source, 1, stopColumn, stop.Format(0), "is not a number", expectedStop);
        var byLabel = new Dictionary<string, int>(StringComparer.Ordinal);
        var stops = new double[baseline.RowCount];
        for (int r = 0; r < baseline.RowCount; r++)
        {
            string? id = ids.Format(r);
            if (id is null) throw DataInputException.BadValue(baseline.Source, r + 1L, idColumn, "NA", "is missing", "every participant needs an identifier");
            if (!byLabel.TryAdd(id, r))
                throw DataInputException.BadValue(baseline.Source, r + 1L, idColumn, id, $"appears again (first at row {byLabel[id] + 1})", "one baseline row per participant");
            stops[r] = stop.Numbers[r];
            if (!(stops[r] > 0) || double.IsInfinity(stops[r]))
                throw DataInputException.BadValue(baseline.Source, r + 1L, stopColumn, stop.Format(r) ?? "NA", "is not a time above 0", expectedStop);
        }
        return new SubjectIndex(byLabel, stops);
    }

    /// <summary>Each participant's (0, stop] cut at every change time strictly inside it.</summary>
    private static IntervalRows Intervals(SubjectIndex subjects, MergeEntries[] entries)
    {
        int n = subjects.Stop.Length;
        var cuts = new SortedSet<double>[n];
        for (int s = 0; s < n; s++) cuts[s] = [];
        foreach (var e in entries)
            for (int s = 0; s < n; s++)
                foreach (var (time, _) in e.Of(s))
                    if (time > 0 && time < subjects.Stop[s]) cuts[s].Add(time);
        var subject = new List<int>();
        var start = new List<double>();
        var stop = new List<double>();
        var first = new int[n + 1];
        for (int s = 0; s < n; s++)
        {
            first[s] = subject.Count;
            double from = 0;
            foreach (double t in cuts[s].Append(subjects.Stop[s]))
            {
                subject.Add(s);
                start.Add(from);
                stop.Add(t);
                from = t;
            }
        }
        first[n] = subject.Count;
        return new IntervalRows([.. subject], [.. start], [.. stop], first);
    }

    private static DataColumn StopEventColumn(DataTable baseline, MergeTerm stopEvent, IntervalRows rows)
    {
        var values = new double[rows.Subject.Length];
        DataColumn? value = stopEvent.ValueColumn is null ? null : baseline[stopEvent.ValueColumn];
        if (value is not null && value.Kind == ColumnKind.Text)
            throw DataInputException.BadValue(baseline.Source, 1, value.Name, value.Format(0), "is not a number", "event values are numbers");
        for (int s = 0; s + 1 < rows.FirstRow.Length; s++)
            values[rows.FirstRow[s + 1] - 1] = value is null ? 1 : value.Numbers[s];
        return DataColumn.FromNumbers(stopEvent.Name, values);
    }

    /// <summary>A baseline column repeated on each of its participant's rows.</summary>
    private static DataColumn Repeat(DataColumn column, int[] subject) => column.Kind switch
    {
        ColumnKind.Numeric => DataColumn.FromNumbers(column.Name, subject.Select(s => column.Numbers[s]).ToArray()),
        ColumnKind.Logical => DataColumn.FromLogical(column.Name, subject.Select(s => column.IsMissing(s) ? (bool?)null : column.Numbers[s] != 0).ToArray()),
        _ => DataColumn.FromText(column.Name, subject.Select(column.Format).ToArray()),
    };
}
