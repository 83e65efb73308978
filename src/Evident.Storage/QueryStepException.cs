namespace Evident.Storage;

/// <summary>A query step the rules refuse (closed query, wrong site, not the raiser); nothing was stored.</summary>
/// <param name="message">Why, in words the caller can show.</param>
public sealed class QueryStepException(string message) : Exception(message);
