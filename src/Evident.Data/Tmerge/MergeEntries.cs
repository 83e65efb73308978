namespace Evident.Data.Tmerge;

/// <summary>
/// One merged variable's usable rows of the changes file, per participant in time order (ties in file order), and
/// where the rows fell; builds the variable's column over the merged intervals.
/// </summary>
internal sealed class MergeEntries
{
    private readonly MergeTerm term;
    private readonly List<(double Time, int Row)>[] bySubject;
    private readonly double[] stop;
    private int unknownId;
    private int missing;

    private MergeEntries(MergeTerm term, int subjects, double[] stop)
    {
        this.term = term;
        this.stop = stop;
        bySubject = new List<(double, int)>[subjects];
        for (int s = 0; s < subjects; s++) bySubject[s] = [];
    }

    public static MergeEntries Collect(DataTable changes, string idColumn, MergeTerm term, TimeDependentMerge.SubjectIndex subjects)
    {
        var ids = changes[idColumn];
        var time = changes[term.TimeColumn];
        var value = term.ValueColumn is null ? null : changes[term.ValueColumn];
        if (time.Kind != ColumnKind.Numeric) throw NotANumber(changes, time, "times are numbers");
        if (term.Kind == MergeKind.Event && value is not null && value.Kind == ColumnKind.Text) throw NotANumber(changes, value, "event values are numbers");
        var result = new MergeEntries(term, subjects.Stop.Length, subjects.Stop);
        for (int r = 0; r < changes.RowCount; r++)
        {
            string? id = ids.Format(r);
            if (id is null) throw DataInputException.BadValue(changes.Source, r + 1L, idColumn, "NA", "is missing", "every change names its participant");
            if (time.IsMissing(r) || (value is not null && value.IsMissing(r))) { result.missing++; continue; }
            if (!subjects.ByLabel.TryGetValue(id, out int s)) { result.unknownId++; continue; }
            double t = time.Numbers[r];
            if (double.IsInfinity(t)) throw DataInputException.BadValue(changes.Source, r + 1L, time.Name, time.Format(r), "is infinite", "times are finite numbers");
            result.bySubject[s].Add((t, r));
        }
        foreach (var list in result.bySubject) SortStable(list);
        return result;
    }

    private static DataInputException NotANumber(DataTable table, DataColumn column, string expected)
    {
        int row = Enumerable.Range(0, table.RowCount).FirstOrDefault(r => !column.IsMissing(r));
        return DataInputException.BadValue(table.Source, row + 1L, column.Name, column.Format(row), "is not a number", expected);
    }

    private static void SortStable(List<(double Time, int Row)> list)
    {
        var sorted = list.OrderBy(e => e.Time).ToList();
        list.Clear();
        list.AddRange(sorted);
    }

    /// <summary>Participant <paramref name="subject"/>'s usable rows, by time.</summary>
    public IReadOnlyList<(double Time, int Row)> Of(int subject) => bySubject[subject];

    public MergeCount Count(string name)
    {
        int before = 0, inside = 0, atStop = 0, after = 0;
        for (int s = 0; s < bySubject.Length; s++)
        {
            foreach (var (t, _) in bySubject[s])
            {
                if (t <= 0) before++;
                else if (t < stop[s]) inside++;
                else if (t == stop[s]) atStop++;
                else after++;
            }
        }
        return new MergeCount(name, before, inside, atStop, after, unknownId, missing);
    }

    /// <summary>The variable on every interval: for each row the changes row whose value it takes (−1: none).</summary>
    public DataColumn Column(DataTable changes, TimeDependentMerge.IntervalRows rows)
    {
        var source = new int[rows.Subject.Length];
        Array.Fill(source, -1);
        for (int s = 0; s + 1 < rows.FirstRow.Length; s++)
        {
            var list = bySubject[s];
            if (term.Kind == MergeKind.Tdc)
            {
                int k = -1;
                for (int row = rows.FirstRow[s]; row < rows.FirstRow[s + 1]; row++)
                {
                    while (k + 1 < list.Count && list[k + 1].Time <= rows.Start[row]) k++;
                    source[row] = k < 0 ? -1 : list[k].Row;
                }
            }
            else
            {
                foreach (var (t, r) in list)
                {
                    if (t <= 0 || t > stop[s]) continue;
                    for (int row = rows.FirstRow[s]; row < rows.FirstRow[s + 1]; row++)
                        if (rows.Stop[row] == t) source[row] = r;
                }
            }
        }
        return Values(changes, source);
    }

    /// <summary>The values the rows take: the value column's (NA, or 0 for an event, where none), or the indicator.</summary>
    private DataColumn Values(DataTable changes, int[] source)
    {
        string name = term.Name;
        if (term.ValueColumn is null) return DataColumn.FromNumbers(name, source.Select(r => r < 0 ? 0.0 : 1.0).ToArray());
        var value = changes[term.ValueColumn];
        double none = term.Kind == MergeKind.Event ? 0 : double.NaN;
        return value.Kind switch
        {
            ColumnKind.Numeric => DataColumn.FromNumbers(name, source.Select(r => r < 0 ? none : value.Numbers[r]).ToArray()),
            ColumnKind.Logical => DataColumn.FromLogical(name, source.Select(r => r < 0 ? (bool?)null : value.Numbers[r] != 0).ToArray()),
            _ => DataColumn.FromText(name, source.Select(r => r < 0 ? null : value.Format(r)).ToArray()),
        };
    }
}
