using System.Globalization;
using Evident.Data;
using Evident.Statistics.Safety;

namespace Evident.Analysis.Models;

/// <summary>
/// The input of the adverse-event tables, coded for <see cref="AdverseEvents.Summarize"/>: one row per event (subject,
/// term, grade) and one per subject (arm, stratum), with the labels of the codes. <see cref="Read"/> builds it from an
/// ADAE-shaped file and an optional subject list (<c>evident safety</c>), coding arms, strata and terms in R's
/// <c>factor()</c> order (numbers numerically, text in C-locale order); the trial analysis builds it from the trial's data.
/// </summary>
public sealed class SafetyData
{
    private readonly int[] _eventSubject, _eventTerm, _eventGrade, _subjectArm, _subjectStratum;

    /// <summary>Takes the codes as they are (not copied: the caller hands them over).</summary>
    /// <param name="eventSubject">Per event row: the subject code.</param>
    /// <param name="eventTerm">Per event row: the term code.</param>
    /// <param name="eventGrade">Per event row: the grade, 1–5.</param>
    /// <param name="subjectArm">Per subject code: the arm code.</param>
    /// <param name="subjectStratum">Per subject code: the stratum code; empty for one stratum.</param>
    /// <param name="arms">Arm labels in code order.</param>
    /// <param name="strata">Stratum labels in code order; one label for one stratum.</param>
    /// <param name="terms">Term labels in code order.</param>
    /// <param name="fromSubjectList">True when the subjects come from a subject list, false when from the participants with events.</param>
    internal SafetyData(int[] eventSubject, int[] eventTerm, int[] eventGrade, int[] subjectArm, int[] subjectStratum,
                        IReadOnlyList<string> arms, IReadOnlyList<string> strata, IReadOnlyList<string> terms, bool fromSubjectList)
    {
        (_eventSubject, _eventTerm, _eventGrade, _subjectArm, _subjectStratum) = (eventSubject, eventTerm, eventGrade, subjectArm, subjectStratum);
        (Arms, Strata, Terms, FromSubjectList) = (arms, strata, terms, fromSubjectList);
    }

    /// <summary>Arm labels in code order.</summary>
    public IReadOnlyList<string> Arms { get; }

    /// <summary>Stratum labels in code order; one label (empty for <see cref="Read"/> without a stratum column) for one stratum.</summary>
    public IReadOnlyList<string> Strata { get; }

    /// <summary>Term labels in code order.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>True when the denominators come from a subject list, false when from the participants in the event file.</summary>
    public bool FromSubjectList { get; }

    /// <summary>Arm codes without any subject: the tables need a denominator in every arm, so they cannot be built while any is listed.</summary>
    public IReadOnlyList<int> EmptyArms
    {
        get
        {
            var size = new int[Arms.Count];
            foreach (int arm in _subjectArm) size[arm]++;
            return Enumerable.Range(0, size.Length).Where(a => size[a] == 0).ToArray();
        }
    }

    /// <summary>
    /// The incidence table: per term and arm, subjects with an event of grade ≥ <paramref name="minGrade"/>, the risk
    /// difference against <paramref name="referenceArm"/> with its Wald interval, Fisher's exact test (R: <c>fisher.test</c>)
    /// and, with several strata, the Cochran–Mantel–Haenszel test (R: <c>mantelhaen.test</c>).
    /// </summary>
    /// <param name="minGrade">Lowest grade counted, 1–5.</param>
    /// <param name="referenceArm">The comparator arm code.</param>
    /// <param name="confLevel">Level of the intervals, in (0, 1).</param>
    /// <exception cref="ArgumentException">An arm has no subject (<see cref="EmptyArms"/>).</exception>
    public SafetyTable Summarize(int minGrade, int referenceArm = 0, double confLevel = 0.95) =>
        AdverseEvents.Summarize(_eventSubject, _eventTerm, _eventGrade, _subjectArm, _subjectStratum,
                                Terms.Count, Arms.Count, Strata.Count, minGrade, referenceArm, confLevel);

    /// <summary>The same subjects with only the events of the first <paramref name="count"/> term codes (e.g. the terms of interest).</summary>
    /// <param name="count">How many leading term codes to keep, 0 ≤ count ≤ <see cref="Terms"/>.Count.</param>
    public SafetyData WithFirstTerms(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Terms.Count);
        var keep = Enumerable.Range(0, _eventTerm.Length).Where(r => _eventTerm[r] < count).ToArray();
        return new SafetyData(keep.Select(r => _eventSubject[r]).ToArray(), keep.Select(r => _eventTerm[r]).ToArray(),
                              keep.Select(r => _eventGrade[r]).ToArray(), _subjectArm, _subjectStratum, Arms, Strata,
                              Terms.Take(count).ToArray(), FromSubjectList);
    }

    /// <summary>Reads and checks the files.</summary>
    /// <param name="eventsPath">The ADAE-shaped file.</param>
    /// <param name="subjectsPath">The subject list (columns named as <paramref name="subject"/>, <paramref name="arm"/> and, when given, <paramref name="stratum"/>), or null.</param>
    /// <param name="subject">Subject identifier column.</param>
    /// <param name="arm">Arm column.</param>
    /// <param name="term">Adverse-event term column.</param>
    /// <param name="grade">Grade column (whole numbers 1–5).</param>
    /// <param name="stratum">Stratum column, or null.</param>
    /// <exception cref="DataInputException">
    /// An unknown column; a missing subject, arm, term or grade; a grade that is not a whole number from 1 to 5; a subject
    /// with events in two arms or two strata; a subject listed twice with different arms or strata; an event of a subject
    /// not in the subject list or in a different arm there. Messages name the file, the 1-based data row, the column and the value.
    /// </exception>
    public static SafetyData Read(string eventsPath, string? subjectsPath, string subject, string arm, string term, string grade, string? stratum)
    {
        string[] eventColumns = stratum is null ? [subject, arm, term, grade] : [subject, arm, term, grade, stratum];
        var events = TableReader.Read(eventsPath, eventColumns.Distinct().ToArray());
        var subjects = new SubjectIndex();
        DataColumn? listArm = null, listStratum = null;
        if (subjectsPath is not null)
        {
            string[] listColumns = stratum is null ? [subject, arm] : [subject, arm, stratum];
            var list = TableReader.Read(subjectsPath, listColumns.Distinct().ToArray());
            listArm = list[arm];
            listStratum = stratum is null ? null : list[stratum];
            subjects.AddAll(list, subject, arm, stratum, fromEvents: false);
            // Events must belong to listed subjects, in their listed arm and stratum.
            subjects.CheckEvents(events, subject, arm, stratum);
        }
        else
        {
            subjects.AddAll(events, subject, arm, stratum, fromEvents: true);
        }

        int n = events.RowCount;
        var eventSubject = new int[n];
        var eventGrade = new int[n];
        var subjectColumn = events[subject];
        var gradeColumn = events[grade];
        var termColumn = events[term];
        var termLabels = new string?[n];
        for (int r = 0; r < n; r++)
        {
            eventSubject[r] = subjects.CodeOf(subjectColumn.Format(r)!);
            eventGrade[r] = Grade(events.Source, gradeColumn, r);
            termLabels[r] = termColumn.Format(r) ?? throw Missing(events.Source, r, term);
        }
        var (termOrder, eventTerm) = Code(termColumn, termLabels);
        var (armOrder, subjectArm) = Code(listArm ?? events[arm], subjects.Arms);
        string[] strataOrder = [""];
        int[] subjectStratum = [];
        if (stratum is not null) (strataOrder, subjectStratum) = Code(listStratum ?? events[stratum], subjects.Strata);
        return new SafetyData(eventSubject, eventTerm, eventGrade, subjectArm, subjectStratum, armOrder, strataOrder, termOrder,
                              subjectsPath is not null);
    }

    /// <summary>A CTCAE grade: a whole number from 1 to 5.</summary>
    private static int Grade(string file, DataColumn column, int row)
    {
        string? text = column.Format(row);
        if (text is null) throw Missing(file, row, column.Name);
        double value = column.Kind switch
        {
            ColumnKind.Numeric => column.Numbers[row],
            ColumnKind.Text when double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) => v,
            _ => double.NaN,
        };
        if (!(value >= 1 && value <= 5) || value != Math.Floor(value))
            throw Bad(file, row, column.Name, text, "is not a grade", "grades are whole numbers from 1 to 5 (CTCAE)");
        return (int)value;
    }

    /// <summary>Codes labels in R's factor order: numerically for a numeric column, else in ordinal (C-locale) order.</summary>
    private static (string[] Levels, int[] Codes) Code(DataColumn column, IReadOnlyList<string?> labels)
    {
        var distinct = labels.Distinct().Select(l => l!).ToList();
        if (column.Kind == ColumnKind.Numeric)
            distinct.Sort((x, y) => double.Parse(x, CultureInfo.InvariantCulture).CompareTo(double.Parse(y, CultureInfo.InvariantCulture)));
        else
            distinct.Sort(StringComparer.Ordinal);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < distinct.Count; i++) index[distinct[i]] = i;
        var codes = new int[labels.Count];
        for (int i = 0; i < codes.Length; i++) codes[i] = index[labels[i]!];
        return ([.. distinct], codes);
    }

    private static DataInputException Missing(string file, int row, string column) =>
        Bad(file, row, column, "NA", "is missing", "every event row needs a subject, arm, term and grade");

    private static DataInputException Bad(string file, int row, string column, string value, string problem, string expected) =>
        new($"{file}, row {row + 1}, column '{column}': value '{value}' {problem}; {expected}.", file, row + 1, column, value, expected);

    /// <summary>Subjects in order of first appearance, with the arm, stratum and row each was first seen with.</summary>
    private sealed class SubjectIndex
    {
        private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
        private readonly List<int> _firstRow = [];

        public List<string?> Arms { get; } = [];

        public List<string?> Strata { get; } = [];

        public int CodeOf(string id) => _codes[id];

        public void AddAll(DataTable table, string subject, string arm, string? stratum, bool fromEvents)
        {
            var ids = table[subject];
            var arms = table[arm];
            var strata = stratum is null ? null : table[stratum];
            for (int r = 0; r < table.RowCount; r++)
            {
                string id = ids.Format(r) ?? throw Missing(table.Source, r, subject);
                string a = arms.Format(r) ?? throw Missing(table.Source, r, arm);
                string? s = strata is null ? null : strata.Format(r) ?? throw Missing(table.Source, r, stratum!);
                if (_codes.TryGetValue(id, out int code))
                {
                    string what = fromEvents ? "has events" : "is listed";
                    if (Arms[code] != a)
                        throw Bad(table.Source, r, arm, a, $"conflicts with row {_firstRow[code] + 1}: subject '{id}' {what} in two arms ('{Arms[code]}' and '{a}')",
                                  "a participant belongs to one arm");
                    if (Strata[code] != s)
                        throw Bad(table.Source, r, stratum!, s!, $"conflicts with row {_firstRow[code] + 1}: subject '{id}' {what} in two strata ('{Strata[code]}' and '{s}')",
                                  "a participant belongs to one stratum");
                    continue;
                }
                _codes.Add(id, Arms.Count);
                _firstRow.Add(r);
                Arms.Add(a);
                Strata.Add(s);
            }
        }

        public void CheckEvents(DataTable events, string subject, string arm, string? stratum)
        {
            var ids = events[subject];
            var arms = events[arm];
            var strata = stratum is null ? null : events[stratum];
            for (int r = 0; r < events.RowCount; r++)
            {
                string id = ids.Format(r) ?? throw Missing(events.Source, r, subject);
                if (!_codes.TryGetValue(id, out int code))
                    throw Bad(events.Source, r, subject, id, "is not in the subject list", "every participant with events must be listed in --subjects");
                string a = arms.Format(r) ?? throw Missing(events.Source, r, arm);
                if (Arms[code] != a)
                    throw Bad(events.Source, r, arm, a, $"differs from the subject list, where subject '{id}' is in arm '{Arms[code]}'",
                              "a participant belongs to one arm");
                if (strata is not null)
                {
                    string s = strata.Format(r) ?? throw Missing(events.Source, r, stratum!);
                    if (Strata[code] != s)
                        throw Bad(events.Source, r, stratum!, s, $"differs from the subject list, where subject '{id}' is in stratum '{Strata[code]}'",
                                  "a participant belongs to one stratum");
                }
            }
        }
    }
}
