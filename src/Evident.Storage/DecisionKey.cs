namespace Evident.Storage;

/// <summary>What a permuted-block randomization's decision reads: its participant, its Idempotency-Key and its stratum's next slot (see <see cref="PrefetchedDecisions"/>).</summary>
internal sealed record DecisionKey(string TrialId, string ParticipantId, string? IdempotencyKey, string Stratum);
