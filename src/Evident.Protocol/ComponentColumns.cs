namespace Evident.Protocol;

/// <summary>
/// Where the simple patient-level layout records one event component (YAML <c>data.simple.events.&lt;component&gt;</c>):
/// a date column, and optionally a type column with the values that mean this component (several components may share
/// one date column, e.g. <c>relapse_date</c> split by <c>relapse_site</c>).
/// </summary>
/// <param name="Component">The component id.</param>
/// <param name="DateColumn">Column with the event date (empty cell = no such event); null in the times layout.</param>
/// <param name="TypeColumn">Column qualifying the event, or null.</param>
/// <param name="TypeValues">Values of <see cref="TypeColumn"/> that mean this component; empty when there is no type column.</param>
public sealed record ComponentColumns(string Component, string? DateColumn, string? TypeColumn, IReadOnlyList<string> TypeValues)
{
    /// <summary>
    /// Times layout (YAML <c>events.&lt;component&gt;.status</c>): column with 1 when the event happened and 0 when not, or
    /// null with dates.
    /// </summary>
    public string? StatusColumn { get; init; }

    /// <summary>
    /// Times layout (YAML <c>events.&lt;component&gt;.time</c>): column with the time of the event since randomization in the
    /// protocol's unit, or null: the event is then at the follow-up time (<see cref="SimpleLayoutMapping.FollowUpTime"/>).
    /// </summary>
    public string? TimeColumn { get; init; }

    /// <summary>Column with the cause of the event as free text (YAML <c>cause</c>), or null.</summary>
    public string? CauseColumn { get; init; }
}
