using Evident.Analysis.Input;
using Evident.Data;
using Evident.Protocol;
using Evident.Randomization.Capture;

namespace Evident.Analysis.Export;

/// <summary>One participant row of the simple layout, in protocol codes.</summary>
/// <param name="Participant">Participant id.</param>
/// <param name="Arm">Arm id.</param>
/// <param name="Site">Site id, or null.</param>
/// <param name="Strata">Level per stratification factor, protocol order; null = not recorded.</param>
/// <param name="Covariates">Level per covariate, protocol order; null = not collected.</param>
/// <param name="Randomized">Randomization date.</param>
/// <param name="LastContact">Date of last contact.</param>
/// <param name="Events">The recorded event per date column: its binding, date and type value (null = the binding's first value).</param>
internal sealed record SimpleLayoutRow(
    string Participant,
    string Arm,
    string? Site,
    IReadOnlyList<string?> Strata,
    IReadOnlyList<string?> Covariates,
    DateOnly Randomized,
    DateOnly LastContact,
    IReadOnlyList<(ComponentColumns Binding, DateOnly Date, string? Type)> Events)
{
    /// <summary>Off-therapy, withdrawal and lost-to-follow-up records, written when the protocol maps <c>data.simple.off_study</c>.</summary>
    public IReadOnlyList<OffStudyRecord> OffStudy { get; init; } = [];

    /// <summary>Cause of the recorded event per cause column (<c>data.simple.events.*.cause</c>), by column name; missing = empty.</summary>
    public IReadOnlyDictionary<string, string> Causes { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// One adverse-event row of the simple layout; <paramref name="Onset"/> is written when the table asks for it or the
/// protocol maps an onset column, <paramref name="End"/> (the resolution date, null while ongoing) and
/// <paramref name="Assessment"/> (seriousness, criteria, attribution, action taken, outcome; null when not assessed)
/// when the table asks.
/// </summary>
internal sealed record SimpleLayoutAdverseEvent(string Participant, string Term, int Grade, DateOnly? Onset, DateOnly? End = null, AdverseEventAssessment? Assessment = null);

/// <summary>
/// Builds the simple layout's tables with the column names of the protocol's <c>data.simple</c>: participant, arm, site,
/// strata, covariates, randomization date, last contact, then each event date column (with its type column) in protocol
/// order, then the off-study columns the protocol maps (date, reason, follow-up allowed per kind). Shared by synthetic and captured trials.
/// </summary>
internal static class SimpleLayoutTable
{
    /// <summary>The column <c>CapturedTrial</c> adds to the adverse-event table for the onset date when the protocol maps none.</summary>
    public const string OnsetColumn = "onset_date";

    /// <summary>The column <c>CapturedTrial</c> adds after <see cref="OnsetColumn"/> for the end (resolution) date, empty while ongoing (the readers ignore it).</summary>
    public const string EndColumn = "end_date";

    /// <summary>The column <c>CapturedTrial</c> adds for seriousness (yes/no, empty when not assessed) when the protocol maps none.</summary>
    public const string SeriousColumn = "serious";

    /// <summary>The captured adverse event's assessment columns after seriousness: criteria (wire names joined by ';'), attribution, action taken, outcome.</summary>
    public static readonly IReadOnlyList<string> AssessmentColumns = ["serious_criteria", "attribution", "action_taken", "outcome"];

    /// <summary>The protocol's simple-layout mapping with dates, or a clear error.</summary>
    public static SimpleLayoutMapping Mapping(TrialProtocol protocol)
    {
        var map = protocol.Data.Simple ?? throw new ArgumentException($"{protocol.SourceName}: the protocol has no data.simple mapping, so the simple layout has no column names.", nameof(protocol));
        if (map.FollowUpTime is not null)
            throw new ArgumentException($"{protocol.SourceName}: data.simple gives follow-up as time since randomization (follow_up_time), but these data have calendar dates; map them with 'randomized', 'last_contact' and a 'date' per event.", nameof(protocol));
        return map;
    }

    public static DataTable Participants(TrialProtocol protocol, IReadOnlyList<SimpleLayoutRow> rows, string source)
    {
        var map = Mapping(protocol);
        var columns = new List<DataColumn>
        {
            DataColumn.FromText(map.Participant, rows.Select(r => (string?)r.Participant).ToArray()),
            DataColumn.FromText(map.Arm.Column, rows.Select(r => (string?)TableValues.DataValue(map.Arm, r.Arm)).ToArray()),
        };
        if (map.Site is not null) columns.Add(DataColumn.FromText(map.Site, rows.Select(r => r.Site).ToArray()));
        foreach (var binding in map.Strata)
        {
            int f = protocol.Strata.ToList().FindIndex(x => x.Id == binding.Concept);
            columns.Add(DataColumn.FromText(binding.Column, rows.Select(r => r.Strata[f] is { } code ? TableValues.DataValue(binding, code) : null).ToArray()));
        }
        foreach (var binding in map.Covariates)
        {
            int v = protocol.Covariates.ToList().FindIndex(x => x.Id == binding.Concept);
            columns.Add(DataColumn.FromText(binding.Column, rows.Select(r => r.Covariates[v] is { } code ? TableValues.DataValue(binding, code) : null).ToArray()));
        }
        columns.Add(DataColumn.FromText(map.Randomized!, rows.Select(r => (string?)TableValues.Iso(r.Randomized)).ToArray()));
        columns.Add(DataColumn.FromText(map.LastContact!, rows.Select(r => (string?)TableValues.Iso(r.LastContact)).ToArray()));
        foreach (var group in map.Events.GroupBy(e => e.DateColumn!))
        {
            var recorded = rows.Select(r => r.Events.Cast<(ComponentColumns Binding, DateOnly Date, string? Type)?>()
                                             .FirstOrDefault(e => e!.Value.Binding.DateColumn == group.Key)).ToArray();
            columns.Add(DataColumn.FromText(group.Key, recorded.Select(e => e is { } x ? TableValues.Iso(x.Date) : null).ToArray()));
            if (group.First().TypeColumn is { } typeColumn)
                columns.Add(DataColumn.FromText(typeColumn, recorded.Select(e => e is { } x ? x.Type ?? x.Binding.TypeValues[0] : null).ToArray()));
        }
        foreach (string cause in map.Events.Select(e => e.CauseColumn).OfType<string>().Distinct())
            columns.Add(DataColumn.FromText(cause, rows.Select(r => r.Causes.GetValueOrDefault(cause)).ToArray()));
        if (map.OffStudy is { } off) columns.AddRange(OffStudyData(off, rows));
        return new DataTable(source, columns);
    }

    private static IEnumerable<DataColumn> OffStudyData(OffStudyColumns off, IReadOnlyList<SimpleLayoutRow> rows)
    {
        foreach (var kind in Enum.GetValues<OffStudyKind>())
        {
            if (off.For(kind) is not { } set) continue;
            var records = rows.Select(r => r.OffStudy.FirstOrDefault(o => o.Kind == kind)).ToArray();
            yield return DataColumn.FromText(set.Date, records.Select(o => o is null ? null : TableValues.Iso(o.Date)).ToArray());
            if (set.Reason is not null) yield return DataColumn.FromText(set.Reason, records.Select(o => o?.Reason).ToArray());
            if (set.FollowUpAllowed is not null)
                yield return DataColumn.FromText(set.FollowUpAllowed, records.Select(o => o?.FollowUpAllowed is { } a ? (a ? "yes" : "no") : null).ToArray());
        }
    }

    public static DataTable AdverseEvents(TrialProtocol protocol, IReadOnlyList<SimpleLayoutAdverseEvent> events, bool withOnset, string source)
    {
        var ae = Mapping(protocol).AdverseEvents ?? new AdverseEventColumns("participant_id", "term", "grade");
        var columns = new List<DataColumn>
        {
            DataColumn.FromText(ae.Participant, events.Select(e => (string?)e.Participant).ToArray()),
            DataColumn.FromText(ae.Term, events.Select(e => (string?)e.Term).ToArray()),
            DataColumn.FromNumbers(ae.Grade, events.Select(e => (double)e.Grade).ToArray()),
        };
        if (ae.Onset is not null || withOnset)
            columns.Add(TableValues.Dates(ae.Onset ?? OnsetColumn, events.Select(e => e.Onset).ToArray(), sas: false));
        if (withOnset)
        {
            columns.Add(TableValues.Dates(EndColumn, events.Select(e => e.End).ToArray(), sas: false));
            columns.AddRange(Assessment(ae.Serious ?? SeriousColumn, events.Select(e => e.Assessment).ToArray()));
        }
        return new DataTable(source, columns);
    }

    /// <summary>Seriousness (yes/no) then <see cref="AssessmentColumns"/>, each empty where an event was recorded without an assessment.</summary>
    private static IEnumerable<DataColumn> Assessment(string serious, IReadOnlyList<AdverseEventAssessment?> a)
    {
        yield return DataColumn.FromText(serious, a.Select(x => x?.Serious is { } s ? (s ? "yes" : "no") : null).ToArray());
        yield return DataColumn.FromText(AssessmentColumns[0], a.Select(x => x is null ? null : string.Join(';', AdverseEventCodes.Names(x.Criteria))).ToArray());
        yield return DataColumn.FromText(AssessmentColumns[1], a.Select(x => x?.Attribution is { } v ? AdverseEventCodes.Name(v) : null).ToArray());
        yield return DataColumn.FromText(AssessmentColumns[2], a.Select(x => x?.Action is { } v ? AdverseEventCodes.Name(v) : null).ToArray());
        yield return DataColumn.FromText(AssessmentColumns[3], a.Select(x => x?.Outcome is { } v ? AdverseEventCodes.Name(v) : null).ToArray());
    }
}
