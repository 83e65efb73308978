namespace Evident.Analysis.Oversight;

/// <summary>Participants of one arm who left therapy or the study for one recorded reason.</summary>
/// <param name="Reason">The reason as recorded, or <see cref="ConsortFlow.NotRecorded"/> when none was.</param>
/// <param name="Participants">How many, at least 1.</param>
public sealed record ConsortReason(string Reason, int Participants);
