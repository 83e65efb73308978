namespace Evident.Analysis.Oversight;

/// <summary>
/// One row of the adverse events by system organ class and term: participants with at least one event (any grade) of
/// the organ class (<see cref="Term"/> null) or of one term within it, per arm; each participant counted once per row.
/// </summary>
/// <param name="OrganClass">The system organ class, or <see cref="AdverseEventOverview.OtherOrganClass"/> for terms outside the protocol's list or without a class.</param>
/// <param name="Term">The term, or null for the organ class's own row.</param>
/// <param name="Participants">Participants per arm, in protocol order.</param>
public sealed record OrganClassRow(string OrganClass, string? Term, IReadOnlyList<int> Participants);
