using System.Globalization;

namespace Evident.Design;

/// <summary>
/// An input of a design, sample-size, monitoring or simulation call is invalid. The message reads
/// "<see cref="Input"/> = <see cref="Value"/>: <see cref="Problem"/>" without .NET's "(Parameter '…')" suffix, and the
/// three parts are exposed separately so that a front end can restate the problem in its own option names (the CLI
/// turns <c>HazardRatio = 0: …</c> into <c>--hazard-ratio 0: …</c>).
/// </summary>
/// <remarks><see cref="ArgumentException.ParamName"/> is <see cref="Input"/>, so callers catching <see cref="ArgumentException"/> are unaffected.</remarks>
public sealed class DesignInputException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="input">The options property at fault, as spelt in the options record (e.g. <c>HazardRatio</c>, <c>Information</c>).</param>
    /// <param name="value">The offending value as text (invariant culture), or null when the problem is an absent or conflicting input.</param>
    /// <param name="problem">What is wrong, in plain words, without the input's name (e.g. "must be a positive finite number.").</param>
    public DesignInputException(string input, string? value, string problem) : base(null, input)
    {
        Input = input;
        Value = value;
        Problem = problem;
    }

    /// <summary>The options property at fault (e.g. <c>HazardRatio</c>).</summary>
    public string Input { get; }

    /// <summary>The offending value as text, or null.</summary>
    public string? Value { get; }

    /// <summary>What is wrong, in plain words.</summary>
    public string Problem { get; }

    /// <summary>"Input = value: problem", or "Input: problem" without a value.</summary>
    public override string Message => Value is null ? $"{Input}: {Problem}" : $"{Input} = {Value}: {Problem}";

    internal static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static string Text(IReadOnlyList<double> values) => string.Join(",", values.Select(Text));
}
