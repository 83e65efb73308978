namespace Evident.Server.Contracts;

/// <summary>Answer of <c>POST /trials</c>: the trial and its first admin's token (shown once).</summary>
internal sealed record CreatedTrialView(TrialView Trial, TokenView AdminToken);
