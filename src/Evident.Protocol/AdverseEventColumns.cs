namespace Evident.Protocol;

/// <summary>Columns of the adverse-event table (one row per event): participant, term and CTCAE grade.</summary>
/// <param name="Participant">Participant id column (joins to the participant table).</param>
/// <param name="Term">Adverse-event term column, e.g. <c>AEDECOD</c>.</param>
/// <param name="Grade">CTCAE grade column, whole numbers 1–5, e.g. <c>AETOXGRN</c>.</param>
public sealed record AdverseEventColumns(string Participant, string Term, string Grade)
{
    /// <summary>Column saying whether the event is serious (ICH E2A; yes/no, true/false, Y/N or 1/0), or null.</summary>
    public string? Serious { get; init; }

    /// <summary>Onset date column, or null.</summary>
    public string? Onset { get; init; }
}
