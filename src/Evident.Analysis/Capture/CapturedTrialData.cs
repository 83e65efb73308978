using Evident.Analysis.Input;
using Evident.Randomization;
using Evident.Randomization.Capture;

namespace Evident.Analysis.Capture;

/// <summary>A trial as captured by the service, and the same data mapped onto its protocol (see <see cref="CapturedTrial"/>).</summary>
/// <param name="Trial">The stored trial (protocol, blinding).</param>
/// <param name="Randomizations">Its valid randomizations in commit order (invalidated ones are left out).</param>
/// <param name="Entries">The current version of every captured entry of those participants, by entry id.</param>
/// <param name="Data">The mapped data, as <c>evident analyze</c> would read the exported files. Contains arms.</param>
/// <param name="Invalidated">How many randomizations were invalidated and left out.</param>
public sealed record CapturedTrialData(
    StoredTrial Trial,
    IReadOnlyList<Allocation> Randomizations,
    IReadOnlyList<CaptureEntry> Entries,
    TrialData Data,
    int Invalidated);
