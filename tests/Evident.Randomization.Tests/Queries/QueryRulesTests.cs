using Evident.Randomization.Accounts;
using Evident.Randomization.Queries;

namespace Evident.Randomization.Tests.Queries;

/// <summary>Who may take which step of a data query (<see cref="QueryRules"/>), and the status the steps give.</summary>
public sealed class QueryRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 2, 1, 9, 0, 0, TimeSpan.Zero);

    private static DataQuery Query(params QueryAction[] later) =>
        new(1, "T", "P1", "S1", 7, [new QueryStep(1, QueryAction.Open, "Which date?", "mon", At), .. later.Select((a, i) => new QueryStep(i + 2, a, "x", "someone", At))]);

    [Fact]
    public void Statisticians_monitors_and_admins_raise_queries_coordinators_do_not()
    {
        Assert.Equal([TrialRole.Admin, TrialRole.BlindedStatistician, TrialRole.UnblindedStatistician, TrialRole.Monitor],
            TrialRoles.All.Select(r => r.Role).Where(QueryRules.MayRaise));
        Assert.True(TrialRoles.TryParse("monitor", out var monitor) && monitor == TrialRole.Monitor);
    }

    [Fact]
    public void Only_a_coordinator_of_the_participants_site_answers()
    {
        Assert.Null(QueryRules.StepProblem(Query(), QueryAction.Answer, "c1", TrialRole.SiteCoordinator, "S1"));
        Assert.Null(QueryRules.StepProblem(Query(QueryAction.Answer), QueryAction.Answer, "c1", TrialRole.SiteCoordinator, "S1"));
        Assert.Equal("Only a coordinator of site S1 answers query 1.", QueryRules.StepProblem(Query(), QueryAction.Answer, "c2", TrialRole.SiteCoordinator, "S2"));
        Assert.Equal("Only a coordinator of site S1 answers query 1.", QueryRules.StepProblem(Query(), QueryAction.Answer, "admin", TrialRole.Admin, null));
    }

    [Fact]
    public void Only_the_raiser_closes_and_a_closed_query_takes_no_step()
    {
        Assert.Null(QueryRules.StepProblem(Query(QueryAction.Answer), QueryAction.Close, "mon", TrialRole.Monitor, null));
        Assert.Equal("Only mon, who opened query 1, closes it.", QueryRules.StepProblem(Query(), QueryAction.Close, "admin", TrialRole.Admin, null));
        var closed = Query(QueryAction.Answer, QueryAction.Close);
        Assert.Equal("Query 1 is closed.", QueryRules.StepProblem(closed, QueryAction.Answer, "c1", TrialRole.SiteCoordinator, "S1"));
        Assert.Equal("Query 1 is closed.", QueryRules.StepProblem(closed, QueryAction.Close, "mon", TrialRole.Monitor, null));
    }

    [Fact]
    public void The_last_step_gives_the_status()
    {
        Assert.Equal(("open", true, "mon"), (Query().Status, Query().IsOpen, Query().RaisedBy));
        Assert.Equal(("answered", true), (Query(QueryAction.Answer).Status, Query(QueryAction.Answer).IsOpen));
        Assert.Equal(("closed", false), (Query(QueryAction.Answer, QueryAction.Close).Status, Query(QueryAction.Answer, QueryAction.Close).IsOpen));
    }

    [Fact]
    public void Texts_are_required_except_a_closing_remark_and_bounded()
    {
        Assert.Equal("The question is required (1 to 2000 characters).", QueryRules.TextProblem(QueryAction.Open, " "));
        Assert.Equal("The answer is required (1 to 2000 characters).", QueryRules.TextProblem(QueryAction.Answer, null));
        Assert.Null(QueryRules.TextProblem(QueryAction.Close, null));
        Assert.Equal("The remark may have at most 2000 characters.", QueryRules.TextProblem(QueryAction.Close, new string('x', 2001)));
        Assert.Null(QueryRules.TextProblem(QueryAction.Open, new string('x', 2000)));
        foreach (var a in Enum.GetValues<QueryAction>()) Assert.True(QueryRules.TryParse(QueryRules.Name(a), out var back) && back == a);
    }
}
