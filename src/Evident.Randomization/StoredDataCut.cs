namespace Evident.Randomization;

/// <summary>
/// A frozen data cut: the trial's captured data as they stood when the unblinded statistician froze them, stored once and
/// never changed, named by the SHA-256 of its files (the simple layout's participants.csv and adverse_events.csv).
/// </summary>
/// <param name="Id">The cut's number in its trial: 1, 2, … in the order frozen.</param>
/// <param name="Cutoff">The data cut-off the cut's reports apply.</param>
/// <param name="FrozenAt">When it was frozen (UTC).</param>
/// <param name="FrozenBy">Who froze it.</param>
/// <param name="DataSha256">The SHA-256 of its files, as results.json's <c>report.data_sha256</c> gives it.</param>
/// <param name="ProtocolSha256">The SHA-256 of the trial's protocol.</param>
/// <param name="Participants">Participants in the cut (randomized on or before the cut-off).</param>
public sealed record StoredDataCut(long Id, DateOnly Cutoff, DateTimeOffset FrozenAt, string FrozenBy, string DataSha256, string ProtocolSha256, int Participants);
