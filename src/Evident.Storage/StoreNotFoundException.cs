namespace Evident.Storage;

/// <summary>A change that names a trial, site, user or participant that is not stored; nothing was written.</summary>
/// <param name="message">What is missing, in plain English.</param>
public sealed class StoreNotFoundException(string message) : Exception(message);
