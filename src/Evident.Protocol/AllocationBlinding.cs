namespace Evident.Protocol;

/// <summary>Who may know the arms (YAML <c>allocation.blinding</c>).</summary>
public enum AllocationBlinding
{
    /// <summary>Everyone who may see the participant sees the arm (YAML <c>open-label</c>).</summary>
    OpenLabel,

    /// <summary>Only the unblinded statistician sees arms; sites quote the randomization number (YAML <c>blinded</c>).</summary>
    Blinded,
}
