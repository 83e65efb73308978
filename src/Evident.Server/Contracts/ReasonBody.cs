namespace Evident.Server.Contracts;

/// <summary>Body of unblinding, invalidation and token revocation: why (required, 1–1000 characters).</summary>
internal sealed record ReasonBody(string Reason)
{
    public const int MaxLength = 1000;

    public bool IsValid => !string.IsNullOrWhiteSpace(Reason) && Reason.Length <= MaxLength;
}
