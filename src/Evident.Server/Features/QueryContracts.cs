using Evident.Randomization.Queries;

namespace Evident.Server.Features;

/// <summary>Body of POST /trials/{id}/queries: the participant, the captured entry questioned (its <c>entryId</c>) and the question.</summary>
internal sealed record QueryBody(string ParticipantId, long EntryId, string Text);

/// <summary>Body of POST …/queries/{queryId}/answers (the answer) and …/close (an optional closing remark).</summary>
internal sealed record QueryTextBody(string? Text = null);

/// <summary>One step of a query as the API shows it: <c>action</c> open | answer | close.</summary>
internal sealed record QueryStepView(int Step, string Action, string Text, string By, DateTimeOffset At);

/// <summary>A data query as the API shows it: <c>status</c> open | answered | closed, and every step, the opening first. Never carries an arm.</summary>
internal sealed record QueryView(long QueryId, string ParticipantId, string Site, long EntryId, string Status, string RaisedBy, IReadOnlyList<QueryStepView> Steps)
{
    public static QueryView From(DataQuery q) => new(q.QueryId, q.ParticipantId, q.Site, q.EntryId, q.Status, q.RaisedBy,
        q.Steps.Select(s => new QueryStepView(s.Step, QueryRules.Name(s.Action), s.Text, s.By, s.At)).ToArray());
}
