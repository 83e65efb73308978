namespace Evident.Server.Contracts;

/// <summary>Body of <c>POST /trials</c>.</summary>
/// <param name="ProtocolYaml">The protocol file's text.</param>
/// <param name="AdminName">The new trial's first admin (a token is returned for them).</param>
/// <param name="Blinded">Whether arms are hidden from all but the unblinded statistician; overrides the protocol's <c>allocation.blinding</c> (default: the protocol's, blinded when it does not say).</param>
/// <param name="ListLength">Slots per stratum of the sealed list, 1–100,000; default 5,000.</param>
internal sealed record CreateTrialBody(string ProtocolYaml, string AdminName, bool? Blinded = null, int? ListLength = null);
