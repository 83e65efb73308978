using Evident.Data;
using Evident.Data.Adam;
using Evident.Protocol;

namespace Evident.Analysis.Input;

/// <summary>
/// Off-study records in ADSL's standard variables (CDISC ADaMIG): end of treatment <c>EOTSTT</c> = <c>DISCONTINUED</c>
/// is off protocol therapy on <c>TRTEDT</c> (the date of last exposure) for the reason <c>DCTREAS</c>; end of study
/// <c>EOSSTT</c> = <c>DISCONTINUED</c> on <c>EOSDT</c> with <c>DCSREAS</c> = <c>WITHDRAWAL BY SUBJECT</c> is a withdrawal
/// and <c>LOST TO FOLLOW-UP</c> a loss to follow-up, with the reason in <c>DCSREASP</c> (other reasons, e.g. death, are
/// not off-study records here). Each pair of variables is optional; ADSL holds one end of study per participant and
/// no "follow-up allowed" flag.
/// </summary>
public static class AdamOffStudy
{
    /// <summary>ADSL variable names.</summary>
    public const string TreatmentStatus = "EOTSTT", TreatmentEnd = "TRTEDT", TreatmentReason = "DCTREAS",
                        StudyStatus = "EOSSTT", StudyEnd = "EOSDT", StudyReason = "DCSREAS", StudyReasonSpecified = "DCSREASP";

    /// <summary>The status value of an early end.</summary>
    public const string Discontinued = "DISCONTINUED";

    /// <summary>The <c>DCSREAS</c> values (CDISC controlled terminology NCOMPLT) of a withdrawal and of a loss to follow-up.</summary>
    public const string WithdrawalBySubject = "WITHDRAWAL BY SUBJECT", LostToFollowUp = "LOST TO FOLLOW-UP";

    /// <summary>The kinds ADSL can record: off therapy when it has EOTSTT and TRTEDT; withdrawn and lost when it has EOSSTT, EOSDT and DCSREAS.</summary>
    /// <param name="adsl">The ADSL table.</param>
    public static IReadOnlyList<OffStudyKind> Kinds(DataTable adsl)
    {
        ArgumentNullException.ThrowIfNull(adsl);
        var kinds = new List<OffStudyKind>(3);
        if (Has(adsl, TreatmentStatus, TreatmentEnd)) kinds.Add(OffStudyKind.OffTherapy);
        if (Has(adsl, StudyStatus, StudyEnd, StudyReason)) kinds.AddRange([OffStudyKind.Withdrawn, OffStudyKind.LostToFollowUp]);
        return kinds.AsReadOnly();
    }

    /// <summary>The records of one ADSL row.</summary>
    /// <param name="adsl">The ADSL table.</param>
    /// <param name="row">The row.</param>
    /// <param name="randomized">The participant's randomization date: no record may precede it.</param>
    /// <exception cref="DataInputException">A discontinuation without its date, or dated before randomization.</exception>
    public static IReadOnlyList<OffStudyRecord> Read(DataTable adsl, int row, DateOnly randomized)
    {
        ArgumentNullException.ThrowIfNull(adsl);
        var records = new List<OffStudyRecord>(2);
        if (IsDiscontinued(adsl, TreatmentStatus, TreatmentEnd, row))
            records.Add(new OffStudyRecord(OffStudyKind.OffTherapy, Date(adsl, TreatmentEnd, row, randomized), Text(adsl, TreatmentReason, row), null));
        if (IsDiscontinued(adsl, StudyStatus, StudyEnd, row) && adsl.TryGetColumn(StudyReason, out var reason))
        {
            string category = reason.Format(row)?.Trim().ToUpperInvariant() ?? "";
            OffStudyKind? kind = category switch { WithdrawalBySubject => OffStudyKind.Withdrawn, LostToFollowUp => OffStudyKind.LostToFollowUp, _ => null };
            if (kind is { } k) records.Add(new OffStudyRecord(k, Date(adsl, StudyEnd, row, randomized), Text(adsl, StudyReasonSpecified, row), null));
        }
        return records.AsReadOnly();
    }

    /// <summary>ADSL variables of death and of the last date known alive.</summary>
    public const string DeathDate = "DTHDT", DeathCause = "DTHCAUS", LastAlive = "LSTALVDT";

    /// <summary>The row's death from <c>DTHDT</c> and <c>DTHCAUS</c>, or null when ADSL has no <c>DTHDT</c> or it is empty.</summary>
    /// <param name="adsl">The ADSL table.</param>
    /// <param name="row">The row.</param>
    /// <param name="randomized">The randomization date: death may not precede it.</param>
    /// <exception cref="DataInputException">A death before randomization.</exception>
    public static DeathRecord? Death(DataTable adsl, int row, DateOnly randomized)
    {
        ArgumentNullException.ThrowIfNull(adsl);
        if (!adsl.TryGetColumn(DeathDate, out var column) || StudyDate.At(adsl, column, row) is not { } date) return null;
        if (date < randomized) throw DataErrors.Bad(adsl, row, DeathDate, date.ToString("yyyy-MM-dd"), $"is before the randomization date {randomized:yyyy-MM-dd}");
        return new DeathRecord(date, Text(adsl, DeathCause, row));
    }

    /// <summary>The row's <c>LSTALVDT</c>, or null when ADSL has none.</summary>
    /// <param name="adsl">The ADSL table.</param>
    /// <param name="row">The row.</param>
    public static DateOnly? LastKnownAlive(DataTable adsl, int row)
    {
        ArgumentNullException.ThrowIfNull(adsl);
        return adsl.TryGetColumn(LastAlive, out var column) ? StudyDate.At(adsl, column, row) : null;
    }

    /// <summary>The participant with what ADSL row <paramref name="row"/> records beside the outcomes: off-study records, death (when the protocol marks a death component) and the last date known alive.</summary>
    /// <param name="participant">The participant read from the row.</param>
    /// <param name="protocol">The protocol.</param>
    /// <param name="adsl">The ADSL table.</param>
    /// <param name="row">The row.</param>
    public static TrialParticipant FromAdsl(this TrialParticipant participant, TrialProtocol protocol, DataTable adsl, int row)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(protocol);
        return participant with
        {
            OffStudy = Read(adsl, row, participant.Randomized),
            Death = protocol.Components.Any(c => c.IsDeath) ? Death(adsl, row, participant.Randomized) : null,
            LastKnownAlive = LastKnownAlive(adsl, row),
        };
    }

    private static bool Has(DataTable adsl, params string[] names) => names.All(n => adsl.TryGetColumn(n, out _));

    private static bool IsDiscontinued(DataTable adsl, string status, string date, int row) =>
        adsl.TryGetColumn(status, out var column) && adsl.TryGetColumn(date, out _)
        && string.Equals(column.Format(row)?.Trim(), Discontinued, StringComparison.OrdinalIgnoreCase);

    private static DateOnly Date(DataTable adsl, string name, int row, DateOnly randomized)
    {
        var column = adsl[name];
        var date = StudyDate.At(adsl, column, row) ?? throw DataErrors.Missing(adsl, row, name, "date of the discontinuation");
        if (date < randomized)
            throw DataErrors.Bad(adsl, row, name, date.ToString("yyyy-MM-dd"), $"is before the randomization date {randomized:yyyy-MM-dd}");
        return date;
    }

    private static string? Text(DataTable adsl, string name, int row) =>
        adsl.TryGetColumn(name, out var column) && column.Format(row) is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}
