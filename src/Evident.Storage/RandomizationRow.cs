namespace Evident.Storage;

/// <summary>A randomization row as stored (see <see cref="RandomizationRows.Insert"/>), with its covariates.</summary>
internal sealed record RandomizationRow(long Id, string TrialId, string ParticipantId, string Site, string Stratum, string StrataJson, string EligibilityJson,
    int Sequence, string Arm, string? IdempotencyKey, string At, string By, IReadOnlyDictionary<string, string> Covariates);
