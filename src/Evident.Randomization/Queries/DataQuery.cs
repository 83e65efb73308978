namespace Evident.Randomization.Queries;

/// <summary>
/// A data query on one captured entry of a participant: opened by a statistician, monitor or admin, answered by a
/// coordinator of the participant's site, closed by whoever opened it. Carries no arm.
/// </summary>
/// <param name="QueryId">The query's id in the trial.</param>
/// <param name="TrialId">The trial.</param>
/// <param name="ParticipantId">The participant.</param>
/// <param name="Site">The participant's site (who answers).</param>
/// <param name="EntryId">The captured entry questioned.</param>
/// <param name="Steps">Every step, the opening first.</param>
public sealed record DataQuery(long QueryId, string TrialId, string ParticipantId, string Site, long EntryId, IReadOnlyList<QueryStep> Steps)
{
    /// <summary>Who opened the query (the only one who may close it).</summary>
    public string RaisedBy => Steps[0].By;

    /// <summary><c>open</c> until answered, <c>answered</c> once the site answered, <c>closed</c> once closed.</summary>
    public string Status => Steps[^1].Action switch
    {
        QueryAction.Open => "open",
        QueryAction.Answer => "answered",
        _ => "closed",
    };

    /// <summary>Whether the query still waits on someone (open or answered, not closed).</summary>
    public bool IsOpen => Steps[^1].Action != QueryAction.Close;
}
