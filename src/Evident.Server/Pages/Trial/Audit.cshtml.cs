using Evident.Server.Features;
using Evident.Randomization.Accounts;
using Evident.Randomization.Audit;
using Evident.Storage;

namespace Evident.Server.Pages.Trial;

/// <summary>
/// <c>/t/{trialId}/audit</c> (admins): the trial's audit records, newest first; in a blinded trial arms in the details
/// read "(blinded)", exactly as <c>GET /trials/{trial}/audit</c> shows them.
/// </summary>
/// <param name="store">The trial store.</param>
public sealed class AuditModel(TrialStore store) : TrialPageModel(store)
{
    /// <summary>The records shown, newest first.</summary>
    public IReadOnlyList<AuditRecord> Records { get; private set; } = [];

    /// <inheritdoc />
    protected override bool Allows(TrialRole role) => role == TrialRole.Admin;

    /// <summary>Loads the records.</summary>
    public async Task OnGetAsync()
    {
        var records = await Store.ReadAuditAsync(Trial.Id);
        Records = records.Select(r => Trial.Blinded ? OversightEndpoints.Redact(r) : r).Reverse().ToArray();
    }
}
