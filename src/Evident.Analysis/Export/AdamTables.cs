using Evident.Analysis.Input;
using Evident.Data;
using Evident.Protocol;

namespace Evident.Analysis.Export;

/// <summary>
/// A trial's mapped data (<see cref="TrialData"/>, from any source: a synthetic trial, a captured one, a file) as CDISC
/// ADaM data sets with the column names of the protocol's <c>data.adam</c>: ADSL, ADTTE and ADAE. Reading them back
/// with <see cref="AdamLayoutReader"/> gives the same participants, outcomes and adverse events.
/// </summary>
/// <remarks>
/// ADSL: one row per participant (participant, arm, site when mapped, strata, covariates as the bindings' data values,
/// randomization date, then the end-of-treatment and end-of-study variables when the data record off-study events). ADTTE: one row per participant and <c>data.adam.adtte.parameters</c> endpoint, with
/// <c>PARAMCD</c>, <c>AVAL</c> = <c>ADT − STARTDT</c> in days, <c>CNSR</c> 0 (event) or 1 (censored), <c>STARTDT</c>,
/// <c>ADT</c>, <c>EVNTDESC</c> = the first description the protocol maps for the component that ended follow-up, and
/// <c>CNSDTDSC</c> = <c>LAST CONTACT</c> for a censoring. ADAE: participant, term, grade, one row per adverse event, and for captured data the assessment
/// (<c>AESER</c>, the ICH E2A flags, <c>AEREL</c>, <c>AEACN</c>, <c>AEOUT</c>) and <c>AEENDT</c>
/// (see <see cref="AdamAdverseEvents"/>).
/// Dates are ISO text, or SAS date numbers for XPT.
/// </remarks>
public static class AdamTables
{
    /// <summary>The censoring description written in ADTTE <c>CNSDTDSC</c>.</summary>
    public const string LastContact = "LAST CONTACT";

    /// <summary>ADSL, ADTTE and ADAE in memory.</summary>
    /// <param name="protocol">The protocol; it must have a <c>data.adam</c> mapping.</param>
    /// <param name="data">The trial's data mapped onto <paramref name="protocol"/>.</param>
    /// <param name="sasDates">True: dates as SAS date numbers (for XPT); false: yyyy-mm-dd text.</param>
    /// <exception cref="ArgumentException">The protocol has no <c>data.adam</c> mapping, or no event description for a component that ends follow-up.</exception>
    public static (DataTable Adsl, DataTable Adtte, DataTable Adae) Build(TrialProtocol protocol, TrialData data, bool sasDates)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(data);
        var map = protocol.Data.Adam ?? throw new ArgumentException($"{protocol.SourceName}: the protocol has no data.adam mapping, so ADaM has no column names.", nameof(protocol));
        var rows = data.Participants;
        var adsl = Adsl(protocol, map, rows, sasDates);
        if (data.OffStudyRecorded.Count > 0) adsl = new DataTable(adsl.Source, adsl.Columns.Concat(OffStudy(rows, data.OffStudyRecorded, sasDates)).ToArray());
        if (protocol.Components.Any(c => c.IsDeath))
            adsl = new DataTable(adsl.Source, adsl.Columns.Concat([
                TableValues.Dates(AdamOffStudy.DeathDate, rows.Select(r => r.Death?.Date).ToArray(), sasDates),
                DataColumn.FromText(AdamOffStudy.DeathCause, rows.Select(r => r.Death?.Cause).ToArray()),
                TableValues.Dates(AdamOffStudy.LastAlive, rows.Select(r => r.LastKnownAlive).ToArray(), sasDates)]).ToArray());
        var adtte = Adtte(protocol, map, rows, sasDates);
        return (adsl, adtte, AdamAdverseEvents.Build(map, data, sasDates));
    }

    /// <summary>One row per participant: identifier, arm, site, strata and covariates as data values, randomization date.</summary>
    private static DataTable Adsl(TrialProtocol protocol, AdamMapping map, IReadOnlyList<TrialParticipant> rows, bool sasDates)
    {
        var adsl = new List<DataColumn>
        {
            DataColumn.FromText(map.Participant, rows.Select(r => (string?)r.Id).ToArray()),
            DataColumn.FromText(map.Arm.Column, rows.Select(r => (string?)TableValues.DataValue(map.Arm, protocol.Arms[r.Arm].Id)).ToArray()),
        };
        if (!string.IsNullOrEmpty(map.Site)) adsl.Add(DataColumn.FromText(map.Site, rows.Select(r => r.Site).ToArray()));
        foreach (var binding in map.Strata)
        {
            int f = protocol.Strata.ToList().FindIndex(x => x.Id == binding.Concept);
            adsl.Add(DataColumn.FromText(binding.Column, rows.Select(r => (string?)TableValues.DataValue(binding, protocol.Strata[f].Levels[r.Strata[f]])).ToArray()));
        }
        foreach (var binding in map.Covariates)
        {
            int v = protocol.Covariates.ToList().FindIndex(x => x.Id == binding.Concept);
            adsl.Add(DataColumn.FromText(binding.Column, rows.Select(r => r.Covariates[v] is { } code ? TableValues.DataValue(binding, code) : null).ToArray()));
        }
        adsl.Add(TableValues.Dates(map.Randomized, rows.Select(r => (DateOnly?)r.Randomized).ToArray(), sasDates));
        return new DataTable("adsl", adsl);
    }

    /// <summary>
    /// ADSL's end-of-treatment and end-of-study variables (<see cref="AdamOffStudy"/>) for the kinds the data record. ADSL
    /// holds one end of study per participant: a withdrawal, else a loss to follow-up.
    /// </summary>
    private static IEnumerable<DataColumn> OffStudy(IReadOnlyList<TrialParticipant> rows, IReadOnlyList<OffStudyKind> recorded, bool sasDates)
    {
        if (recorded.Contains(OffStudyKind.OffTherapy))
        {
            var off = rows.Select(r => r.OffStudy.FirstOrDefault(o => o.Kind == OffStudyKind.OffTherapy)).ToArray();
            yield return DataColumn.FromText(AdamOffStudy.TreatmentStatus, off.Select(o => o is null ? null : AdamOffStudy.Discontinued).ToArray());
            yield return TableValues.Dates(AdamOffStudy.TreatmentEnd, off.Select(o => o?.Date).ToArray(), sasDates);
            yield return DataColumn.FromText(AdamOffStudy.TreatmentReason, off.Select(o => o?.Reason).ToArray());
        }
        if (!recorded.Contains(OffStudyKind.Withdrawn) && !recorded.Contains(OffStudyKind.LostToFollowUp)) yield break;
        var end = rows.Select(r => r.OffStudy.FirstOrDefault(o => o.Kind == OffStudyKind.Withdrawn) ?? r.OffStudy.FirstOrDefault(o => o.Kind == OffStudyKind.LostToFollowUp)).ToArray();
        yield return DataColumn.FromText(AdamOffStudy.StudyStatus, end.Select(o => o is null ? null : AdamOffStudy.Discontinued).ToArray());
        yield return TableValues.Dates(AdamOffStudy.StudyEnd, end.Select(o => o?.Date).ToArray(), sasDates);
        yield return DataColumn.FromText(AdamOffStudy.StudyReason, end.Select(o => o is null ? null : o.Kind == OffStudyKind.Withdrawn ? AdamOffStudy.WithdrawalBySubject : AdamOffStudy.LostToFollowUp).ToArray());
        yield return DataColumn.FromText(AdamOffStudy.StudyReasonSpecified, end.Select(o => o?.Reason).ToArray());
    }

    /// <summary>One row per participant and mapped parameter (see the remarks of <see cref="AdamTables"/>).</summary>
    private static DataTable Adtte(TrialProtocol protocol, AdamMapping map, IReadOnlyList<TrialParticipant> rows, bool sasDates)
    {
        var descriptions = protocol.Components.Select(c => map.Events.FirstOrDefault(e => e.Component == c.Id)?.Descriptions.FirstOrDefault()).ToArray();
        var id = new List<string?>();
        var param = new List<string?>();
        var aval = new List<double>();
        var cnsr = new List<double>();
        var start = new List<DateOnly?>();
        var end = new List<DateOnly?>();
        var description = new List<string?>();
        var censorDescription = new List<string?>();
        foreach (var r in rows)
        {
            foreach (var p in map.Parameters)
            {
                var outcome = r.Outcomes[protocol.Endpoints.ToList().FindIndex(e => e.Id == p.Endpoint)];
                id.Add(r.Id);
                param.Add(p.ParamCode);
                aval.Add(outcome.End.DayNumber - outcome.Start.DayNumber);
                cnsr.Add(outcome.IsEvent ? 0 : 1);
                start.Add(outcome.Start);
                end.Add(outcome.End);
                description.Add(outcome.IsEvent
                    ? descriptions[outcome.Component] ?? throw new ArgumentException(
                        $"{protocol.SourceName}: data.adam.adtte.events has no description for component '{protocol.Components[outcome.Component].Id}', " +
                        $"which ends participant '{r.Id}''s follow-up for PARAMCD '{p.ParamCode}'.", nameof(protocol))
                    : null);
                censorDescription.Add(outcome.IsEvent ? null : LastContact);
            }
        }
        return new DataTable("adtte", [
            DataColumn.FromText(map.Participant, id), DataColumn.FromText("PARAMCD", param), DataColumn.FromNumbers("AVAL", aval.ToArray()),
            DataColumn.FromNumbers("CNSR", cnsr.ToArray()), TableValues.Dates("STARTDT", start, sasDates), TableValues.Dates("ADT", end, sasDates),
            DataColumn.FromText("EVNTDESC", description), DataColumn.FromText("CNSDTDSC", censorDescription),
        ]);
    }

    /// <summary>Writes <c>adsl</c>, <c>adtte</c> and <c>adae</c> (<c>.csv</c>, <c>.parquet</c> or <c>.xpt</c>) into <paramref name="directory"/>.</summary>
    /// <param name="protocol">The protocol; it must have a <c>data.adam</c> mapping.</param>
    /// <param name="data">The trial's data mapped onto <paramref name="protocol"/>.</param>
    /// <param name="directory">Destination directory (created).</param>
    /// <param name="format">CSV, Parquet or XPT.</param>
    /// <param name="timestamp">The creation time written in XPT headers; null = now.</param>
    /// <returns>The three files, ADSL first.</returns>
    public static IReadOnlyList<string> Write(TrialProtocol protocol, TrialData data, string directory, DataFileFormat format, DateTime? timestamp = null)
    {
        var (adsl, adtte, adae) = Build(protocol, data, sasDates: format == DataFileFormat.Xpt);
        return DataSetFiles.WriteAdam(adsl, adtte, adae, directory, format, timestamp);
    }
}
