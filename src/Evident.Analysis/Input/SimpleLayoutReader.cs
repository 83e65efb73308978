using Evident.Data;
using Evident.Protocol;

namespace Evident.Analysis.Input;

/// <summary>
/// Reads the simple patient-level layout (protocol <c>data.simple</c>): one row per participant in CSV, TSV or Parquet,
/// plus an optional adverse-event table with one row per event.
/// </summary>
/// <remarks>
/// Each endpoint ends at the earliest date among its components (ties go to the component listed first in the
/// endpoint); without any, follow-up is censored at the date of last contact. Errors name the file, row, column and
/// value: an unknown arm or level, a duplicate participant, a missing or malformed date, an event or last contact before
/// randomization, an event type the protocol does not map, an adverse event of an unknown participant or a grade
/// outside 1–5. Endpoints censored at withdrawal (<c>censor_at: withdrawal</c>) stop at a withdrawal of consent that
/// allows no further follow-up. A column the protocol names but the file lacks is reported at the protocol's line and key
/// (<see cref="ColumnSource"/>).
/// </remarks>
public static class SimpleLayoutReader
{
    /// <summary>Reads the participant file and, when given, the adverse-event file.</summary>
    /// <param name="protocol">The protocol (its <c>data.simple</c> mapping is used).</param>
    /// <param name="path">The participant file (.csv, .tsv or .parquet).</param>
    /// <param name="adverseEventsPath">The adverse-event file, or null.</param>
    /// <exception cref="DataInputException">The data do not fit the protocol (see remarks).</exception>
    public static TrialData Read(TrialProtocol protocol, string path, string? adverseEventsPath)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(path);
        var map = Mapping(protocol, path);
        var table = MappedTable.Read(protocol, DataTableRole.Participants, path, ParticipantColumns(map));
        DataTable? adverseEvents = null;
        if (adverseEventsPath is not null)
            adverseEvents = MappedTable.Read(protocol, DataTableRole.AdverseEvents, adverseEventsPath, AdverseEventColumns(protocol, map, adverseEventsPath));
        return Read(protocol, table, adverseEvents);
    }

    /// <summary>
    /// Maps tables already in memory (e.g. a captured trial's, see <c>CapturedTrial</c>) exactly as files are mapped;
    /// columns the protocol does not name are ignored.
    /// </summary>
    /// <param name="protocol">The protocol (its <c>data.simple</c> mapping is used).</param>
    /// <param name="participants">One row per participant; its <see cref="DataTable.Source"/> names it in messages.</param>
    /// <param name="adverseEvents">One row per adverse event, or null.</param>
    /// <exception cref="DataInputException">The data do not fit the protocol (see remarks).</exception>
    public static TrialData Read(TrialProtocol protocol, DataTable participants, DataTable? adverseEvents)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(participants);
        var map = Mapping(protocol, participants.Source);
        var table = participants;
        foreach (string column in ParticipantColumns(map)) MappedTable.Column(protocol, DataTableRole.Participants, table, column);
        var id = table[map.Participant];
        var arm = table[map.Arm.Column];
        var randomized = map.Randomized is null ? null : table[map.Randomized];
        var lastContact = map.LastContact is null ? null : table[map.LastContact];
        var followUp = map.FollowUpTime is null ? null : table[map.FollowUpTime];
        var site = map.Site is null ? null : table[map.Site];
        var strata = map.Strata.Select(s => (Factor: protocol.Strata.First(f => f.Id == s.Concept), Binding: s, Column: table[s.Column])).ToArray();
        var covariates = protocol.Covariates.Select(c => map.Covariates.FirstOrDefault(b => b.Concept == c.Id) is { } b
            ? (Covariate: c, Binding: b, Column: (DataColumn?)table[b.Column]) : (c, null!, null)).ToArray();
        var dateColumns = map.Events.Where(e => e.DateColumn is not null).GroupBy(e => e.DateColumn!).Select(g => (Column: table[g.Key], Components: g.ToArray())).ToArray();
        var statusColumns = map.Events.Where(e => e.StatusColumn is not null)
                               .Select(e => (Binding: e, Status: table[e.StatusColumn!], Time: e.TimeColumn is null ? null : table[e.TimeColumn])).ToArray();
        var componentIndex = protocol.Components.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);

        var rows = new List<TrialParticipant>(table.RowCount);
        var rowOf = new Dictionary<string, int>(table.RowCount, StringComparer.Ordinal);
        for (int row = 0; row < table.RowCount; row++)
        {
            string who = DataErrors.RequiredText(table, id, row, "participant id");
            if (!rowOf.TryAdd(who, row))
                throw DataErrors.Bad(table, row, id.Name, who, $"is a duplicate participant: it is also in row {rowOf[who] + 1}");
            int armIndex = DataErrors.Arm(protocol, map.Arm, table, arm, row);
            var levels = new int[protocol.Strata.Count];
            foreach (var (factor, binding, column) in strata)
                levels[protocol.Strata.ToList().IndexOf(factor)] = DataErrors.Level(factor, binding, table, column, row);
            var covariateValues = covariates.Select<(Covariate Covariate, ColumnBinding Binding, DataColumn? Column), string?>(c => c.Column is null ? null : DataErrors.Covariate(c.Covariate, c.Binding, table, c.Column, row)).ToArray();
            var start = randomized is null ? DateOnly.MinValue : DataErrors.RequiredDate(table, randomized, row, "randomization date");
            var offStudy = OffStudy(table, map.OffStudy, row, start);
            var withdrawal = offStudy.FirstOrDefault(o => o.Kind == OffStudyKind.Withdrawn && o.FollowUpAllowed != true)?.Date;
            var outcomes = followUp is not null ? TimesLayout.Outcomes(protocol, table, row, followUp, statusColumns, componentIndex)
                         : Outcomes(protocol, table, row, start, lastContact!, dateColumns, componentIndex, withdrawal);
            rows.Add(new TrialParticipant(who, armIndex, Array.AsReadOnly(levels), Array.AsReadOnly(covariateValues),
                                                  site?.Format(row), start, Array.AsReadOnly(outcomes))
            {
                OffStudy = offStudy,
                Death = Death(protocol, map, table, row),
                LastKnownAlive = lastContact is null ? null : Data.Adam.StudyDate.At(table, lastContact, row) ?? outcomes.Max(o => o.End),
            });
        }

        var recorded = OffStudyKinds.Mapped(protocol);
        if (adverseEvents is null) return new TrialData(rows.AsReadOnly(), [], table.Source, DataLayout.Simple) { OffStudyRecorded = recorded, HasDates = followUp is null };
        foreach (string column in AdverseEventColumns(protocol, map, adverseEvents.Source))
            MappedTable.Column(protocol, DataTableRole.AdverseEvents, adverseEvents, column);
        var events = DataErrors.AdverseEvents(adverseEvents, map.AdverseEvents!, rowOf, table.Source);
        return new TrialData(rows.AsReadOnly(), events.AsReadOnly(), table.Source + ", " + adverseEvents.Source, DataLayout.Simple) { OffStudyRecorded = recorded, HasDates = followUp is null };
    }

    /// <summary>
    /// The row's outcome of every endpoint: the earliest date among its components (ties to the component listed first),
    /// else censored at the date of last contact. For an endpoint censored at withdrawal (<see cref="CensoringRule.Withdrawal"/>)
    /// and a participant with a <paramref name="withdrawal"/> date (consent withdrawn, follow-up not allowed), only
    /// events on or before that date count, and follow-up ends there at the latest.
    /// </summary>
    private static EndpointOutcome[] Outcomes(TrialProtocol protocol, DataTable table, int row, DateOnly start, DataColumn lastContact,
                                              (DataColumn Column, ComponentColumns[] Components)[] dateColumns, Dictionary<string, int> componentIndex,
                                              DateOnly? withdrawal)
    {
        var componentDates = new DateOnly?[protocol.Components.Count];
        DateOnly? firstEvent = null;
        foreach (var (column, components) in dateColumns)
        {
            if (Data.Adam.StudyDate.At(table, column, row) is not { } date) continue;
            if (date < start)
                throw DataErrors.Bad(table, row, column.Name, date.ToString("yyyy-MM-dd"), $"is before the randomization date {start:yyyy-MM-dd}; an event cannot precede randomization");
            var component = components.Length == 1 && components[0].TypeColumn is null ? components[0] : Typed(table, row, components);
            componentDates[componentIndex[component.Component]] = date;
            if (firstEvent is null || date < firstEvent) firstEvent = date;
        }
        var contact = Data.Adam.StudyDate.At(table, lastContact, row);
        if (contact is null && firstEvent is null) throw DataErrors.Missing(table, row, lastContact.Name, "date of last contact");
        if (contact is { } c0 && c0 < start)
            throw DataErrors.Bad(table, row, lastContact.Name, c0.ToString("yyyy-MM-dd"), $"is before the randomization date {start:yyyy-MM-dd}");

        var outcomes = new EndpointOutcome[protocol.Endpoints.Count];
        for (int e = 0; e < outcomes.Length; e++)
        {
            var cut = protocol.Endpoints[e].CensorAt == CensoringRule.Withdrawal ? withdrawal : null;
            int first = -1;
            foreach (string componentId in protocol.Endpoints[e].Components)
            {
                int k = componentIndex[componentId];
                if (componentDates[k] is { } d && !(d > cut) && (first < 0 || d < componentDates[first]!.Value)) first = k;
            }
            var censored = contact ?? firstEvent!.Value;
            outcomes[e] = first >= 0
                ? new EndpointOutcome(start, componentDates[first]!.Value, first)
                : new EndpointOutcome(start, cut is { } c && c < censored ? c : censored, -1);
        }
        return outcomes;
    }

    /// <summary>The row's death: the death component's date (when its type column, if any, says death) and cause.</summary>
    private static DeathRecord? Death(TrialProtocol protocol, SimpleLayoutMapping map, DataTable table, int row)
    {
        if (protocol.Components.FirstOrDefault(c => c.IsDeath) is not { } death) return null;
        if (map.Events.FirstOrDefault(e => e.Component == death.Id) is not { DateColumn: not null } binding) return null;
        if (Data.Adam.StudyDate.At(table, table[binding.DateColumn], row) is not { } date) return null;
        if (binding.TypeColumn is { } type && !binding.TypeValues.Contains(table[type].Format(row)?.Trim() ?? "", StringComparer.Ordinal)) return null;
        string? cause = binding.CauseColumn is { } c ? table[c].Format(row) : null;
        return new DeathRecord(date, string.IsNullOrWhiteSpace(cause) ? null : cause.Trim());
    }

    /// <summary>The row's off-study records: one per kind whose date column is filled in.</summary>
    private static IReadOnlyList<OffStudyRecord> OffStudy(DataTable table, OffStudyColumns? columns, int row, DateOnly start)
    {
        if (columns is null) return [];
        var records = new List<OffStudyRecord>(3);
        foreach (var kind in Enum.GetValues<OffStudyKind>())
        {
            if (columns.For(kind) is not { } set) continue;
            var dateColumn = table[set.Date];
            if (Data.Adam.StudyDate.At(table, dateColumn, row) is not { } date) continue;
            if (date < start)
                throw DataErrors.Bad(table, row, dateColumn.Name, date.ToString("yyyy-MM-dd"), $"is before the randomization date {start:yyyy-MM-dd}");
            string? reason = set.Reason is null ? null : table[set.Reason].Format(row);
            bool? allowed = set.FollowUpAllowed is null ? null : DataErrors.YesNo(table, table[set.FollowUpAllowed], row);
            records.Add(new OffStudyRecord(kind, date, string.IsNullOrWhiteSpace(reason) ? null : reason, allowed));
        }
        return records.AsReadOnly();
    }

    private static SimpleLayoutMapping Mapping(TrialProtocol protocol, string source) =>
        protocol.Data.Simple
        ?? throw new DataInputException($"{protocol.SourceName}: the protocol has no data.simple mapping, so '{source}' cannot be read as the simple layout.", source);

    /// <summary>Every participant-table column the mapping names.</summary>
    private static string[] ParticipantColumns(SimpleLayoutMapping map)
    {
        var columns = new List<string> { map.Participant, map.Arm.Column };
        columns.AddRange(new[] { map.Randomized, map.LastContact, map.FollowUpTime }.OfType<string>());
        if (map.Site is not null) columns.Add(map.Site);
        columns.AddRange(map.Strata.Select(s => s.Column));
        columns.AddRange(map.Covariates.Select(c => c.Column));
        if (map.OffStudy is { } off)
            foreach (var set in new[] { off.OffTherapy, off.Withdrawn, off.LostToFollowUp })
                if (set is not null) columns.AddRange(new[] { set.Date, set.Reason, set.FollowUpAllowed }.OfType<string>());
        foreach (var e in map.Events)
        {
            columns.AddRange(new[] { e.DateColumn, e.TypeColumn, e.StatusColumn, e.TimeColumn }.OfType<string>());
            if (e.CauseColumn is not null) columns.Add(e.CauseColumn);
        }
        return columns.Distinct().ToArray();
    }

    /// <summary>The adverse-event columns, or the error when the protocol maps no adverse-event table.</summary>
    private static string[] AdverseEventColumns(TrialProtocol protocol, SimpleLayoutMapping map, string source)
    {
        var ae = map.AdverseEvents
                 ?? throw new DataInputException($"{protocol.SourceName}: the protocol maps no adverse-event table (data.simple.adverse_events), so '{source}' cannot be read.", source);
        return new[] { ae.Participant, ae.Term, ae.Grade, ae.Serious, ae.Onset }.OfType<string>().Distinct().ToArray();
    }

    /// <summary>The component whose type values include the row's type value.</summary>
    private static ComponentColumns Typed(DataTable table, int row, ComponentColumns[] components)
    {
        var typeColumn = table[components[0].TypeColumn!];
        string type = DataErrors.RequiredText(table, typeColumn, row, "event type");
        foreach (var component in components)
            if (component.TypeValues.Contains(type)) return component;
        throw DataErrors.Bad(table, row, typeColumn.Name, type,
                             $"is not an event type the protocol maps; expected one of {string.Join(", ", components.SelectMany(c => c.TypeValues))}");
    }
}
