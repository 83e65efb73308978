using System.Net;
using System.Text.RegularExpressions;

namespace Evident.Server.Tests.Pages;

/// <summary>
/// The participant list and the home page's worklist over <see cref="ParticipantListScenario"/>: the columns each role
/// may see (no arm column for a coordinator of a blinded trial), search, the sortable headers (<c>aria-sort</c>), pages,
/// the worklist of a coordinator and of a statistician, the tables' sideways-scroll cue, and words from the protocol's
/// labels and the pages' own, never ids.
/// </summary>
public sealed partial class ParticipantListPageTests
{
    private const string ListPage = "/t/AALL1731/participants";
    private const string HomePage = "/t/AALL1731";

    [Fact]
    public async Task A_coordinator_searches_and_sorts_their_sites_participants_without_arms_in_a_blinded_trial()
    {
        using var app = await new TestApp().SeedAsync(password: PageSession.Password);
        await ParticipantListScenario.SeedAsync(app);
        using var coord = new PageSession(app);
        await coord.LoginAsync("coord1");

        var list = await coord.GetAsync(ListPage);
        Assert.Equal(200, list.Status);
        Assert.Equal(["P-03", "P-01", "P-10", "P-05"], Rows(list.Html));
        Assert.Equal(["Participant", "Randomization number", "Site", "Risk group", "Randomized (UTC)", "Last contact", "Events", "Open adverse events", "Open queries", "Status"], Headers(list.Html));
        Assert.Equal(["P-03", "R-000001", "Site one", "SR-high", "2026-01-15 09:00", "2026-03-01", "0", "1", "1", "On study"], Cells(list.Html, "P-03"));
        Assert.Equal("Dead", Cells(list.Html, "P-01")[^1]);
        Assert.Equal(("2026-01-15", "Lost to follow-up"), (Cells(list.Html, "P-10")[5], Cells(list.Html, "P-10")[^1]));
        Assert.DoesNotContain("Site two", list.Text);
        Assert.Contains("class=\"table-scroll\" role=\"region\" tabindex=\"0\"", list.Html);
        Assert.Contains("Scroll sideways to see every column", list.Html);
        Assert.Empty(ReadableMessageTests.IdsIn(VisibleText(list.Html)));
        Assert.DoesNotContain("on_study", list.Html);
        Assert.DoesNotContain("lost_to_follow_up", VisibleText(list.Html));

        var sorted = await coord.GetAsync(ListPage + "?sort=last_contact&order=desc");
        Assert.Equal(["P-01", "P-05", "P-03", "P-10"], Rows(sorted.Html));
        Assert.Contains("<th scope=\"col\" aria-sort=\"descending\"><a class=\"sort\" href=\"/t/AALL1731/participants?sort=last_contact\">Last contact</a></th>", sorted.Html);
        Assert.Contains("aria-sort=\"none\"><a class=\"sort\" href=\"/t/AALL1731/participants?sort=status\">Status</a>", sorted.Html);

        var searched = await coord.GetAsync(ListPage + "?search=p-1&sort=participant");
        Assert.Equal(["P-10"], Rows(searched.Html));
        Assert.Contains("whose id contains “p-1”", searched.Text);
        Assert.Contains("href=\"/t/AALL1731/participants?search=p-1&amp;sort=status\"", searched.Html);
        var none = await coord.GetAsync(ListPage + "?search=P-02");
        Assert.Contains("No participant id contains “P-02”.", none.Text);
        Assert.Empty(Rows(none.Html));

        // Out-of-range parameters fall back to the first page by randomization; a long search is refused beside its field.
        Assert.Equal(["P-03", "P-01", "P-10", "P-05"], Rows((await coord.GetAsync(ListPage + "?sort=arm&order=up&page=0")).Html));
        var tooLong = await coord.GetAsync(ListPage + "?search=" + new string('x', 65));
        Assert.Equal("The search text may have at most 64 characters.", tooLong.ErrorFor("search"));
    }

    [Fact]
    public async Task The_unblinded_statistician_sees_the_arm_column_and_pages_of_25()
    {
        using var app = await new TestApp().SeedAsync(password: PageSession.Password);
        for (int i = 1; i <= 27; i++)
            Assert.Equal(HttpStatusCode.Created, (await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment($"Q-{i:D2}", "S1"))).StatusCode);
        using var unblinded = new PageSession(app);
        await unblinded.LoginAsync("unblinded");
        var first = await unblinded.GetAsync(ListPage + "?sort=participant");
        Assert.Contains("Arm", Headers(first.Html));
        Assert.Contains(Cells(first.Html, "Q-01")[4], new[] { "Chemotherapy", "Chemotherapy + blinatumomab" });
        Assert.Equal(Enumerable.Range(1, 25).Select(i => $"Q-{i:D2}"), Rows(first.Html));
        Assert.Contains("Page 1 of 2 (27 participants)", first.Text);
        Assert.Contains("<a class=\"pager-link\" rel=\"next\" href=\"/t/AALL1731/participants?sort=participant&amp;page=2\">Next page</a>", first.Html);
        Assert.DoesNotContain("rel=\"prev\"", first.Html);
        var second = await unblinded.GetAsync(ListPage + "?sort=participant&page=2");
        Assert.Equal(["Q-26", "Q-27"], Rows(second.Html));
        Assert.Contains("rel=\"prev\" href=\"/t/AALL1731/participants?sort=participant\"", second.Html);

        using var blinded = new PageSession(app);
        await blinded.LoginAsync("blinded");
        Assert.DoesNotContain("Arm", Headers((await blinded.GetAsync(ListPage)).Html));
    }

    [Fact]
    public async Task The_home_page_lists_what_waits_on_the_coordinator_and_on_the_statistician_who_raised_a_query()
    {
        using var app = await new TestApp().SeedAsync(password: PageSession.Password);
        long query = await ParticipantListScenario.SeedAsync(app);
        using var coord = new PageSession(app);
        await coord.LoginAsync("coord1");
        var home = await coord.GetAsync(HomePage);
        Assert.Equal(200, home.Status);
        Assert.Contains("2 participants are due for a follow-up visit on 2026-08-03 (a visit every 3 months; overdue 1 month after it falls due).", home.Text);
        Assert.Equal(["P-03", "Site one", "2026-03-01", "Overdue since 2026-07-01"], Cells(home.Html, "P-03", "follow-up"));
        Assert.Equal(["P-05", "Site one", "2026-04-25", "Due since 2026-07-26; overdue from 2026-08-25"], Cells(home.Html, "P-05", "follow-up"));
        Assert.Contains($"href=\"/t/AALL1731/participants/P-03#query-{query}\"", home.Html);
        Assert.Contains($"Query {query}: The clinic letter says 2 March.", home.Text);
        Assert.Contains("Waiting for the site's answer", home.Text);
        Assert.DoesNotContain("Queries to close", home.Text);
        Assert.Empty(ReadableMessageTests.IdsIn(VisibleText(home.Html)));

        using var blinded = new PageSession(app);
        await blinded.LoginAsync("blinded");
        var statistician = await blinded.GetAsync(HomePage);
        Assert.DoesNotContain("Follow-up due", statistician.Text);
        Assert.Contains("No query you raised has been answered and waits to be closed.", statistician.Text);
        await app.Store.StepQueryAsync(TestApp.Trial, query, Evident.Randomization.Queries.QueryAction.Answer, "Corrected to 2 March.", "coord1",
            Evident.Randomization.Accounts.TrialRole.SiteCoordinator, "S1");
        var answered = await blinded.GetAsync(HomePage);
        Assert.Contains("Answered by coord1 on 2026-08-03", answered.Text);
        Assert.Contains("No data query waits on your site.", (await coord.GetAsync(HomePage)).Text);
    }

    /// <summary>The participant ids of the rows of the participant table, in order.</summary>
    private static string[] Rows(string html) =>
        RowHeader().Matches(Table(html, "participants")).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToArray();

    private static string[] Headers(string html) =>
        ColumnHeader().Matches(Table(html, "participants")).Select(m => WebUtility.HtmlDecode(Tags().Replace(m.Groups[1].Value, "")).Trim()).ToArray();

    /// <summary>The texts of the cells of a participant's row (its header first).</summary>
    private static string[] Cells(string html, string participant, string table = "participants")
    {
        var row = Regex.Matches(Table(html, table), "<tr>(.*?)</tr>", RegexOptions.Singleline).Select(m => m.Groups[1].Value)
            .Single(r => r.Contains($">{participant}</a></th>", StringComparison.Ordinal));
        return Cell().Matches(row).Select(m => WebUtility.HtmlDecode(Tags().Replace(m.Groups[1].Value, "")).Trim()).ToArray();
    }

    private static string Table(string html, string id)
    {
        int start = html.IndexOf($"<table id=\"{id}\">", StringComparison.Ordinal);
        return start < 0 ? "" : html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
    }

    private static string VisibleText(string html)
    {
        int main = html.IndexOf("<main", StringComparison.Ordinal);
        string body = main < 0 ? html : html[main..];
        return WebUtility.HtmlDecode(Tags().Replace(Regex.Replace(body, "<(script|style)[^>]*>.*?</\\1>", "", RegexOptions.Singleline), " "));
    }

    [GeneratedRegex("<th scope=\"row\"><a (?:class=\"row-link\" )?href=\"[^\"]*\">([^<]*)</a></th>")]
    private static partial Regex RowHeader();

    [GeneratedRegex("<th scope=\"col\"[^>]*>(.*?)</th>", RegexOptions.Singleline)]
    private static partial Regex ColumnHeader();

    [GeneratedRegex("<t[hd]\\b[^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
