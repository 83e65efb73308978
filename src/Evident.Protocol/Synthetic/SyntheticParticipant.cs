namespace Evident.Protocol.Synthetic;

/// <summary>One participant of a synthetic trial.</summary>
/// <param name="Id">Participant identifier, e.g. <c>P0001</c>.</param>
/// <param name="Arm">Allocated arm.</param>
/// <param name="Stratum">Stratum level.</param>
/// <param name="EntryMonth">Calendar month of randomization after the trial opened.</param>
/// <param name="Time">Months from randomization to the event or censoring.</param>
/// <param name="Event">True if the event was observed, false if censored.</param>
public sealed record SyntheticParticipant(string Id, string Arm, string Stratum, double EntryMonth, double Time, bool Event);
