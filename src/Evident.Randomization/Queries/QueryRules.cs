using Evident.Randomization.Accounts;

namespace Evident.Randomization.Queries;

/// <summary>
/// Who may take which step of a data query: statisticians (blinded or not), monitors and admins open; a coordinator of
/// the participant's site answers a query that is not closed (again, if the raiser asks more); only the raiser closes,
/// once. Texts are 1 to <see cref="MaxText"/> characters (a close's remark may be empty).
/// </summary>
public static class QueryRules
{
    /// <summary>The longest question, answer or remark.</summary>
    public const int MaxText = 2000;

    /// <summary>The names of <see cref="QueryAction"/> in the API, the database and the audit trail.</summary>
    public static string Name(QueryAction action) => action switch
    {
        QueryAction.Open => "open",
        QueryAction.Answer => "answer",
        _ => "close",
    };

    /// <summary>Parses a name written by <see cref="Name"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="action">The action, when the name is known.</param>
    public static bool TryParse(string? name, out QueryAction action)
    {
        foreach (var a in Enum.GetValues<QueryAction>())
        {
            if (Name(a) != name) continue;
            action = a;
            return true;
        }
        action = QueryAction.Open;
        return false;
    }

    /// <summary>Whether <paramref name="role"/> may open queries.</summary>
    /// <param name="role">The caller's role.</param>
    public static bool MayRaise(TrialRole role) =>
        role is TrialRole.Admin or TrialRole.BlindedStatistician or TrialRole.UnblindedStatistician or TrialRole.Monitor;

    /// <summary>Why the text cannot be stored, or null.</summary>
    /// <param name="action">The step it belongs to.</param>
    /// <param name="text">The text.</param>
    public static string? TextProblem(QueryAction action, string? text)
    {
        if (action == QueryAction.Close && string.IsNullOrEmpty(text)) return null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxText)
            return action switch
            {
                QueryAction.Open => $"The question is required (1 to {MaxText} characters).",
                QueryAction.Answer => $"The answer is required (1 to {MaxText} characters).",
                _ => $"The remark may have at most {MaxText} characters.",
            };
        return null;
    }

    /// <summary>Why <paramref name="actor"/> (with <paramref name="role"/> and <paramref name="site"/>) may not take <paramref name="action"/> on <paramref name="query"/>, or null.</summary>
    /// <param name="query">The query as stored.</param>
    /// <param name="action">Answer or close.</param>
    /// <param name="actor">The caller's user name.</param>
    /// <param name="role">The caller's role.</param>
    /// <param name="site">A coordinator's site.</param>
    public static string? StepProblem(DataQuery query, QueryAction action, string actor, TrialRole role, string? site)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!query.IsOpen) return $"Query {query.QueryId} is closed.";
        return action switch
        {
            QueryAction.Answer when role != TrialRole.SiteCoordinator || site != query.Site =>
                $"Only a coordinator of site {query.Site} answers query {query.QueryId}.",
            QueryAction.Close when actor != query.RaisedBy => $"Only {query.RaisedBy}, who opened query {query.QueryId}, closes it.",
            QueryAction.Open => "A query is opened once.",
            _ => null,
        };
    }
}
