using Evident.Analysis.Input;
using Evident.Data;
using Evident.Protocol;
using Evident.Randomization.Capture;

namespace Evident.Analysis.Export;

/// <summary>
/// ADAE: one row per adverse event with the participant, term and grade under the protocol's <c>data.adam</c> names;
/// where the data carry the site's assessment (captured data), also CDISC's seriousness flag (<c>AESER</c>, or the
/// protocol's <c>data.adam.adae.serious</c>), the ICH E2A criteria flags <c>AESDTH</c>, <c>AESLIFE</c>, <c>AESHOSP</c>,
/// <c>AESDISAB</c>, <c>AESCONG</c>, <c>AESMIE</c> (Y/N), the causality <c>AEREL</c>, the action taken with the study
/// treatment <c>AEACN</c> and the outcome <c>AEOUT</c> (CDISC controlled terminology), each empty for an event recorded
/// without an assessment; and where any event has one, its end date <c>AEENDT</c> (empty while ongoing).
/// </summary>
public static class AdamAdverseEvents
{
    /// <summary>The seriousness column when the protocol maps none.</summary>
    public const string Serious = "AESER";

    /// <summary>The end-date column.</summary>
    public const string EndDate = "AEENDT";

    /// <summary>The criteria flag columns, in <see cref="SeriousCriteria"/> order.</summary>
    private static readonly (string Column, SeriousCriteria Criterion)[] Criteria =
    [
        ("AESDTH", SeriousCriteria.Death), ("AESLIFE", SeriousCriteria.LifeThreatening), ("AESHOSP", SeriousCriteria.Hospitalization),
        ("AESDISAB", SeriousCriteria.Disability), ("AESCONG", SeriousCriteria.CongenitalAnomaly), ("AESMIE", SeriousCriteria.ImportantMedicalEvent),
    ];

    /// <summary>The ADAE table of <paramref name="data"/> (see the type's summary).</summary>
    /// <param name="map">The protocol's <c>data.adam</c> mapping.</param>
    /// <param name="data">The trial's data mapped onto the protocol.</param>
    /// <param name="sasDates">True: dates as SAS date numbers (for XPT); false: yyyy-mm-dd text.</param>
    public static DataTable Build(AdamMapping map, TrialData data, bool sasDates)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(data);
        var events = data.AdverseEvents;
        var columns = new List<DataColumn>
        {
            DataColumn.FromText(map.Participant, events.Select(e => (string?)data.Participants[e.Participant].Id).ToArray()),
            DataColumn.FromText(map.AdverseEvents.Term, events.Select(e => (string?)e.Term).ToArray()),
            DataColumn.FromNumbers(map.AdverseEvents.Grade, events.Select(e => (double)e.Grade).ToArray()),
        };
        if (events.Any(e => e.Assessment is not null))
        {
            var a = events.Select(e => e.Assessment).ToArray();
            columns.Add(DataColumn.FromText(map.AdverseEvents.Serious ?? Serious, a.Select(x => x?.Serious is { } s ? YesNo(s) : null).ToArray()));
            foreach (var (column, criterion) in Criteria)
                columns.Add(DataColumn.FromText(column, a.Select(x => x is null ? null : YesNo(x.Criteria.HasFlag(criterion))).ToArray()));
            columns.Add(DataColumn.FromText("AEREL", a.Select(x => x?.Attribution is { } v ? Relation(v) : null).ToArray()));
            columns.Add(DataColumn.FromText("AEACN", a.Select(x => x?.Action is { } v ? Action(v) : null).ToArray()));
            columns.Add(DataColumn.FromText("AEOUT", a.Select(x => x?.Outcome is { } v ? Outcome(v) : null).ToArray()));
        }
        if (events.Any(e => e.End is not null))
            columns.Add(TableValues.Dates(EndDate, events.Select(e => e.End).ToArray(), sasDates));
        return new DataTable("adae", columns);
    }

    private static string YesNo(bool value) => value ? "Y" : "N";

    /// <summary>AEREL (sponsor-defined in CDISC; the five-point scale in words).</summary>
    /// <param name="value">The attribution.</param>
    public static string Relation(Attribution value) => value switch
    {
        Attribution.Unrelated => "NOT RELATED",
        Attribution.Unlikely => "UNLIKELY RELATED",
        Attribution.Possible => "POSSIBLY RELATED",
        Attribution.Probable => "PROBABLY RELATED",
        _ => "DEFINITELY RELATED",
    };

    /// <summary>AEACN (CDISC codelist C66767, Action Taken with Study Treatment).</summary>
    /// <param name="value">The action taken.</param>
    public static string Action(ActionTaken value) => value switch
    {
        ActionTaken.None => "DOSE NOT CHANGED",
        ActionTaken.DoseReduced => "DOSE REDUCED",
        ActionTaken.Interrupted => "DRUG INTERRUPTED",
        ActionTaken.Discontinued => "DRUG WITHDRAWN",
        ActionTaken.NotApplicable => "NOT APPLICABLE",
        _ => "UNKNOWN",
    };

    /// <summary>AEOUT (CDISC codelist C66768, Outcome of Event).</summary>
    /// <param name="value">The outcome.</param>
    public static string Outcome(AdverseEventOutcome value) => value switch
    {
        AdverseEventOutcome.Recovered => "RECOVERED/RESOLVED",
        AdverseEventOutcome.RecoveredWithSequelae => "RECOVERED/RESOLVED WITH SEQUELAE",
        AdverseEventOutcome.Recovering => "RECOVERING/RESOLVING",
        AdverseEventOutcome.NotRecovered => "NOT RECOVERED/NOT RESOLVED",
        AdverseEventOutcome.Fatal => "FATAL",
        _ => "UNKNOWN",
    };
}
