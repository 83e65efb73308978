namespace Evident.Protocol;

/// <summary>
/// A yes/no eligibility question asked before randomization (YAML <c>eligibility[]</c>); a participant is randomized
/// only when every answer equals <see cref="RequiredAnswer"/>.
/// </summary>
/// <param name="Id">Identifier of the answer in a randomization request.</param>
/// <param name="Text">The question as shown to the site.</param>
/// <param name="RequiredAnswer">The answer that allows randomization; default true.</param>
public sealed record EligibilityQuestion(string Id, string Text, bool RequiredAnswer);
