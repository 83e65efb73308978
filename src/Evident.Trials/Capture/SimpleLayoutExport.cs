using System.Globalization;
using System.Text;
using Evident.Trials.Protocol;
using Evident.Trials.Storage;

namespace Evident.Trials.Capture;

/// <summary>
/// The trial's captured data in the simple patient-level layout the AALL1731 protocol maps (<c>data.simple</c>), as the
/// text of <c>participants.csv</c> and <c>adverse_events.csv</c>. Contains arms: an unblinded export only.
/// </summary>
/// <remarks>
/// <para>participants.csv columns: <c>participant_id, arm, site</c>, then one column per stratification factor and
/// covariate the protocol's <c>data.simple</c> maps (values from the randomization's strata, recoded to the data
/// values; empty when not collected), then <c>randomization_date, last_contact_date, relapse_date, relapse_site,
/// death_date, second_malignancy_date</c>. Dates are ISO <c>yyyy-MM-dd</c>.</para>
/// <para>Per participant (current versions only; invalidated randomizations are left out): the first relapse (earliest
/// date, then lowest entry id) gives relapse date and site; the death; the earliest second malignancy; last contact is
/// the latest date among the last-contact entries, every other entry and the randomization date.</para>
/// <para>adverse_events.csv columns: <c>participant_id, term, grade, onset_date</c>, one row per current adverse event.</para>
/// </remarks>
public static class SimpleLayoutExport
{
    /// <summary>The participants table's header for <paramref name="protocol"/>.</summary>
    /// <param name="protocol">The trial's protocol.</param>
    public static IReadOnlyList<string> ParticipantColumns(TrialProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var columns = new List<string> { "participant_id", "arm", "site" };
        columns.AddRange(Bindings(protocol).Select(b => b.Column));
        columns.AddRange(["randomization_date", "last_contact_date", "relapse_date", "relapse_site", "death_date", "second_malignancy_date"]);
        return columns;
    }

    /// <summary>Builds the two tables' CSV text (UTF-8 text, LF line ends, RFC 4180 quoting).</summary>
    /// <param name="protocol">The trial's protocol.</param>
    /// <param name="randomizations">The trial's randomizations (invalidated ones are skipped).</param>
    /// <param name="entries">The current captured entries of the trial.</param>
    public static (string Participants, string AdverseEvents) Build(TrialProtocol protocol, IReadOnlyList<Storage.Randomization> randomizations, IReadOnlyList<CaptureEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(randomizations);
        ArgumentNullException.ThrowIfNull(entries);
        var bindings = Bindings(protocol);
        var armBinding = protocol.Data.Simple?.Arm;
        var byParticipant = entries.GroupBy(e => e.ParticipantId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var p = new StringBuilder();
        var ae = new StringBuilder();
        Line(p, ParticipantColumns(protocol));
        Line(ae, ["participant_id", "term", "grade", "onset_date"]);
        foreach (var r in randomizations.OrderBy(r => r.Id))
        {
            if (r.InvalidatedAt is not null) continue;
            var own = byParticipant.GetValueOrDefault(r.ParticipantId) ?? [];
            var start = DateOnly.FromDateTime(r.RandomizedAt.UtcDateTime);
            var relapse = own.Where(e => e.Content.Kind == CaptureKind.Relapse).OrderBy(e => e.Content.Date).ThenBy(e => e.EntryId).FirstOrDefault();
            var death = own.FirstOrDefault(e => e.Content.Kind == CaptureKind.Death);
            var smn = own.Where(e => e.Content.Kind == CaptureKind.SecondMalignancy).OrderBy(e => e.Content.Date).FirstOrDefault();
            var last = own.Select(e => e.Content.Date).Append(start).Max();
            var row = new List<string?> { r.ParticipantId, DataValue(armBinding, r.Arm), r.Site };
            foreach (var b in bindings) row.Add(r.Strata.TryGetValue(b.Concept, out var level) ? DataValue(b, level) : null);
            row.AddRange([Date(start), Date(last), Date(relapse?.Content.Date), relapse?.Content.RelapseSite, Date(death?.Content.Date), Date(smn?.Content.Date)]);
            Line(p, row);
            foreach (var e in own.Where(e => e.Content.Kind == CaptureKind.AdverseEvent).OrderBy(e => e.Content.Date).ThenBy(e => e.EntryId))
                Line(ae, [r.ParticipantId, e.Content.Term, e.Content.Grade?.ToString(CultureInfo.InvariantCulture), Date(e.Content.Date)]);
        }
        return (p.ToString(), ae.ToString());
    }

    private static IReadOnlyList<ColumnBinding> Bindings(TrialProtocol protocol) =>
        protocol.Data.Simple is { } map ? [.. map.Strata, .. map.Covariates] : [];

    private static string DataValue(ColumnBinding? binding, string code) =>
        binding?.Values.FirstOrDefault(v => v.Code == code)?.DataValue ?? code;

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, IEnumerable<string?> values)
    {
        bool first = true;
        foreach (string? value in values)
        {
            if (!first) text.Append(',');
            first = false;
            if (value is null) continue;
            if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0) text.Append('"').Append(value.Replace("\"", "\"\"")).Append('"');
            else text.Append(value);
        }
        text.Append('\n');
    }
}
