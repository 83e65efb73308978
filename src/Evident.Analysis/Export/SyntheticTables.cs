using Evident.Analysis.Input;
using Evident.Data;
using Evident.Protocol;
using Evident.Protocol.Synthetic;

namespace Evident.Analysis.Export;

/// <summary>
/// A synthetic trial as data files, in the protocol's simple layout (participants + adverse events) and as CDISC ADaM
/// (ADSL, ADTTE, ADAE), so the same trial can be analysed from either and the results compared.
/// </summary>
/// <remarks>
/// The simple layout records each participant's first event in its component's date (and type) column. ADaM goes
/// through <see cref="ToTrialData"/> and <see cref="AdamTables"/>, the code path captured trials take too.
/// </remarks>
public static class SyntheticTables
{
    /// <summary>Writes <c>participants.EXT</c> and <c>adverse_events.EXT</c> in the simple layout.</summary>
    /// <param name="data">The trial.</param>
    /// <param name="directory">Destination directory (created).</param>
    /// <param name="format">CSV or Parquet.</param>
    /// <returns>The participant file and the adverse-event file.</returns>
    public static (string Participants, string AdverseEvents) WriteSimple(SyntheticTrialData data, string directory, DataFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (format == DataFileFormat.Xpt) throw new ArgumentException("the simple layout is written as CSV or Parquet.", nameof(format));
        var (participants, events) = Simple(data);
        return DataSetFiles.WriteSimple(participants, events, directory, format);
    }

    /// <summary>Writes <c>adsl</c>, <c>adtte</c> and <c>adae</c> in <paramref name="format"/> into <paramref name="directory"/>.</summary>
    /// <param name="data">The trial.</param>
    /// <param name="directory">Destination directory (created).</param>
    /// <param name="format">CSV, Parquet or XPT.</param>
    public static void WriteAdam(SyntheticTrialData data, string directory, DataFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(data);
        AdamTables.Write(data.Protocol, ToTrialData(data), directory, format, new DateTime(2024, 6, 30));
    }

    /// <summary>The participant and adverse-event tables of the simple layout (columns as the protocol's <c>data.simple</c> names them).</summary>
    /// <param name="data">The trial.</param>
    public static (DataTable Participants, DataTable AdverseEvents) Simple(SyntheticTrialData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var protocol = data.Protocol;
        var map = SimpleLayoutTable.Mapping(protocol);
        var rows = data.Participants.Select(r => new SimpleLayoutRow(
            r.ParticipantId, r.Arm, r.Site, r.Strata.ToArray(), r.Covariates.ToArray(), r.Randomized, r.LastContact,
            map.Events.FirstOrDefault(c => c.Component == r.FirstEvent) is { } binding ? [(binding, r.FirstEventDate!.Value, null)] : [])
        {
            OffStudy = OffStudy(r),
            Causes = Causes(map, r),
        }).ToArray();
        var events = data.AdverseEvents.Select(e => new SimpleLayoutAdverseEvent(e.ParticipantId, e.Term, e.Grade, null)).ToArray();
        return (SimpleLayoutTable.Participants(protocol, rows, "participants"), SimpleLayoutTable.AdverseEvents(protocol, events, withOnset: false, "adverse_events"));
    }

    /// <summary>ADSL, ADTTE and ADAE (columns as the protocol's <c>data.adam</c> names them; see <see cref="AdamTables"/>).</summary>
    /// <param name="data">The trial.</param>
    /// <param name="sasDates">True: dates as SAS date numbers (for XPT); false: yyyy-mm-dd text.</param>
    public static (DataTable Adsl, DataTable Adtte, DataTable Adae) Adam(SyntheticTrialData data, bool sasDates)
    {
        ArgumentNullException.ThrowIfNull(data);
        return AdamTables.Build(data.Protocol, ToTrialData(data), sasDates);
    }

    /// <summary>
    /// The trial mapped onto its protocol, as reading its files gives: per endpoint, the first event when its component
    /// belongs to the endpoint, else censoring at last contact.
    /// </summary>
    /// <param name="data">The trial.</param>
    public static TrialData ToTrialData(SyntheticTrialData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var protocol = data.Protocol;
        var arms = protocol.Arms.Select(a => a.Id).ToList();
        var components = protocol.Components.Select(c => c.Id).ToList();
        var participants = data.Participants.Select(r => new TrialParticipant(
            r.ParticipantId,
            arms.IndexOf(r.Arm),
            protocol.Strata.Select((f, i) => f.Levels.ToList().IndexOf(r.Strata[i])).ToArray().AsReadOnly(),
            r.Covariates.Select(c => (string?)c).ToArray().AsReadOnly(),
            r.Site,
            r.Randomized,
            protocol.Endpoints.Select(e => r.FirstEvent is { } first && e.Components.Contains(first)
                ? new EndpointOutcome(r.Randomized, r.FirstEventDate!.Value, components.IndexOf(first))
                : new EndpointOutcome(r.Randomized, r.LastContact, -1)).ToArray().AsReadOnly())
        {
            OffStudy = OffStudy(r),
            Death = protocol.Components.FirstOrDefault(c => c.IsDeath) is { } death && r.FirstEvent == death.Id ? new DeathRecord(r.FirstEventDate!.Value, r.DeathCause) : null,
            LastKnownAlive = r.LastContact,
        }).ToArray();
        var index = participants.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var events = data.AdverseEvents.Select(e => new AdverseEventRecord(index[e.ParticipantId], e.Term, e.Grade)).ToArray();
        return new TrialData(participants.AsReadOnly(), events.AsReadOnly(), $"synthetic trial ({data.Scenario.SourceName})", DataLayout.Simple)
        {
            OffStudyRecorded = OffStudyKinds.Mapped(protocol),
        };
    }

    private static Dictionary<string, string> Causes(SimpleLayoutMapping map, SyntheticRecord r) =>
        r.DeathCause is { } cause && map.Events.FirstOrDefault(e => e.Component == r.FirstEvent)?.CauseColumn is { } column ? new() { [column] = cause } : new();

    private static IReadOnlyList<OffStudyRecord> OffStudy(SyntheticRecord r) =>
        r.OffStudy.Select(o => new OffStudyRecord(o.Kind, o.Date, o.Reason, o.FollowUpAllowed)).ToArray().AsReadOnly();
}
