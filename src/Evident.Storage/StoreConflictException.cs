namespace Evident.Storage;

/// <summary>A change that clashes with what is stored (a trial, site or user that exists already, a randomization already invalidated); nothing was written.</summary>
/// <param name="message">What clashes, in plain English.</param>
public sealed class StoreConflictException(string message) : Exception(message);
