namespace Evident.Protocol;

/// <summary>One abbreviation of the clinician summary, e.g. <c>DFS</c> = disease-free survival.</summary>
/// <param name="Short">The abbreviation.</param>
/// <param name="Meaning">What it stands for.</param>
public sealed record Abbreviation(string Short, string Meaning);
