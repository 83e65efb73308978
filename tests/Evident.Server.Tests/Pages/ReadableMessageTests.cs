using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Evident.Protocol;
using Evident.Randomization;
using Evident.Randomization.Capture;
using Evident.Server.Pages;

namespace Evident.Server.Tests.Pages;

/// <summary>
/// Every message the pages and the API's <c>detail</c> can show speaks with the protocol's labels and texts: no
/// stratification factor, covariate, eligibility question, component, capture kind or relapse site appears by its id
/// where the protocol (or the pages) give it a label.
/// </summary>
public sealed partial class ReadableMessageTests
{
    private static readonly TrialProtocol Protocol = TrialProtocol.Parse(TestApp.ProtocolYaml, "protocol.yaml");

    /// <summary>(id, label) pairs whose id differs from the label.</summary>
    private static IEnumerable<(string Id, string Label)> Named() =>
        Protocol.Strata.Select(f => (f.Id, f.Label))
            .Concat(Protocol.Covariates.Select(c => (c.Id, c.Label)))
            .Concat(Protocol.Eligibility.Select(q => (q.Id, q.Text)))
            .Concat(Protocol.Components.Select(c => (c.Id, c.Label)))
            .Concat(Protocol.Endpoints.Select(e => (e.Id, e.Label)))
            .Concat(CaptureLabels.FollowUpKinds.Concat(CaptureLabels.OffStudyKinds).Select(k => (CaptureKinds.Name(k.Kind), k.Label)))
            .Concat(CaptureLabels.RelapseSites.Select(r => (r.Site, r.Label)))
            .Select(p => (Id: p.Item1, Label: p.Item2))
            .Where(p => !string.Equals(p.Id, p.Label, StringComparison.OrdinalIgnoreCase));

    /// <summary>The ids a message shows where a label exists (labels themselves removed first, so "standard risk" in a question text is not the factor <c>risk</c>).</summary>
    public static IReadOnlyList<string> IdsIn(string message)
    {
        string text = message;
        foreach (var (_, label) in Named().OrderByDescending(p => p.Label.Length))
            text = text.Replace(label, " ", StringComparison.OrdinalIgnoreCase);
        return Named().Select(p => p.Id).Distinct().Where(id => Regex.IsMatch(text, $@"(?<![\w-]){Regex.Escape(id)}(?![\w-])")).ToArray();
    }

    private static void AssertReadable(IEnumerable<string> messages)
    {
        var offending = messages.Select(m => (Message: m, Ids: IdsIn(m))).Where(x => x.Ids.Count > 0).ToArray();
        Assert.True(offending.Length == 0, string.Join("\n", offending.Select(x => $"{string.Join(", ", x.Ids)}: {x.Message}")));
    }

    [Fact]
    public void The_scan_finds_an_id_where_a_label_exists_and_not_inside_a_label()
    {
        Assert.Equal(["risk"], IdsIn("A value for 'risk' is required"));
        Assert.Equal(["prior_therapy"], IdsIn("The answer to 'prior_therapy' makes the participant ineligible"));
        Assert.Equal(["marrow", "cns"], IdsIn("one of marrow, cns, combined, other"));
        Assert.Empty(IdsIn("Answer the question “NCI standard risk with average or high minimal residual disease after induction?”."));
        Assert.Empty(IdsIn("A relapse needs its site: isolated bone marrow, isolated CNS, combined or other."));
    }

    [Fact]
    public void Every_enrolment_and_capture_rule_message_uses_labels()
    {
        var messages = new List<string>();
        var answersWrong = Protocol.Eligibility.ToDictionary(q => q.Id, q => !q.RequiredAnswer);
        foreach (var request in new[]
        {
            new EnrolmentRequest("", "", new Dictionary<string, string>(), new Dictionary<string, bool>()),
            new EnrolmentRequest(".", "S1", Protocol.Strata.ToDictionary(f => f.Id, _ => "nonsense"), answersWrong)
            {
                Covariates = Protocol.Covariates.ToDictionary(c => c.Id, _ => "nonsense"),
            },
        })
            messages.AddRange(EnrolmentCheck.Problems(Protocol, request).SelectMany(p => p.Value));
        var randomized = new DateOnly(2026, 1, 15);
        var today = new DateOnly(2026, 7, 15);
        var death = new CaptureInput(CaptureKind.Death, new DateOnly(2026, 3, 1), null, null, null);
        var closed = new CaptureInput(CaptureKind.Withdrawn, new DateOnly(2026, 2, 1), null, null, null) { OffStudyReason = "x", FollowUpAllowed = false };
        foreach (var kind in Enum.GetValues<CaptureKind>())
        {
            var wrong = new CaptureInput(kind, new DateOnly(2027, 1, 1), "brain", "", 9) { EndDate = new DateOnly(2026, 1, 1), OffStudyReason = "", FollowUpAllowed = true };
            var empty = new CaptureInput(kind, new DateOnly(2026, 1, 1), null, null, null);
            foreach (var others in new[] { Array.Empty<CaptureInput>(), [death], [closed], [empty with { Date = new DateOnly(2026, 2, 1) }] })
            {
                messages.AddRange(CaptureRules.Problems(wrong, randomized, today, others).SelectMany(p => p.Value));
                messages.AddRange(CaptureRules.Problems(empty, randomized, today, others).SelectMany(p => p.Value));
            }
        }
        Assert.True(messages.Count > 30, $"{messages.Count} messages collected");
        AssertReadable(messages);
    }

    [Fact]
    public async Task The_randomize_page_and_the_apis_detail_show_no_id_where_a_label_exists()
    {
        await using var app = await new TestApp().SeedAsync(password: PageSession.Password);
        using var s = new PageSession(app);
        await s.LoginAsync("admin");
        const string form = "/t/AALL1731/randomize";
        var empty = await s.SubmitAsync(form, form + "?handler=Review", ("participantId", ""), ("idempotencyKey", "k"), ("site", ""));
        Assert.Equal(400, empty.Status);
        var shown = FieldErrors().Matches(empty.Html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToArray();
        Assert.True(shown.Length >= 5, string.Join("\n", shown));
        AssertReadable(shown);

        var response = await app.As("admin").PostAsJsonAsync("/trials/AALL1731/randomizations", new
        {
            participantId = "P-1", site = "S1",
            strata = new Dictionary<string, string>(),
            eligibility = new Dictionary<string, bool> { ["age"] = false, ["standard_risk"] = true, ["prior_therapy"] = true },
        });
        await TestApp.AssertProblem(response, 400);
        var problem = await TestApp.Json(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("strata.risk", out _));
        string detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("Risk group is required", detail, StringComparison.Ordinal);
        Assert.Contains("Not eligible: the answer to “Any prior anticancer therapy other than steroids?” is yes", detail, StringComparison.Ordinal);
        AssertReadable([detail]);
    }

    [GeneratedRegex("<p class=\"field-error\" id=\"[^\"]*-error\"><span class=\"visually-hidden\">Error: </span>(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex FieldErrors();
}
