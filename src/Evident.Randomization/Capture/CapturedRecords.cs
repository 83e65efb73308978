namespace Evident.Randomization.Capture;

/// <summary>What the service holds for one trial, as read from its store: the analysis maps it onto the protocol.</summary>
/// <param name="Trial">The stored trial (protocol, blinding).</param>
/// <param name="Randomizations">Every randomization, invalidated ones included.</param>
/// <param name="Entries">The current version of every captured entry.</param>
public sealed record CapturedRecords(StoredTrial Trial, IReadOnlyList<Allocation> Randomizations, IReadOnlyList<CaptureEntry> Entries);
