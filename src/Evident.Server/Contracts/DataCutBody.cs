namespace Evident.Server.Contracts;

/// <summary>Body of <c>POST /trials/{trialId}/data-cuts</c>.</summary>
/// <param name="Cutoff">The data cut-off (yyyy-mm-dd) of the cut's reports, not after today; today when absent.</param>
internal sealed record DataCutBody(string? Cutoff = null);
