namespace Evident.Cli.Infrastructure;

/// <summary>An option value the command cannot use (e.g. a malformed <c>--times</c> list).</summary>
public sealed class UsageException(string message) : Exception(message);
