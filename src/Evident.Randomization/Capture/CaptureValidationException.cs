namespace Evident.Randomization.Capture;

/// <summary>
/// A captured entry broke a rule (<see cref="CaptureRules"/>); nothing was stored. <see cref="Problems"/> names each
/// offending field (<c>kind</c>, <c>date</c>, <c>relapseSite</c>, <c>term</c>, <c>grade</c>) with its messages.
/// </summary>
public sealed class CaptureValidationException : Exception
{
    /// <summary>Creates the exception from its problems (at least one).</summary>
    /// <param name="problems">Messages by field name.</param>
    public CaptureValidationException(IReadOnlyDictionary<string, string[]> problems)
        : base(string.Join(" ", problems.SelectMany(p => p.Value.Select(m => $"{p.Key}: {m}"))))
    {
        Problems = problems;
    }

    /// <summary>Messages by field name.</summary>
    public IReadOnlyDictionary<string, string[]> Problems { get; }
}
