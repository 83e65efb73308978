using System.Globalization;

namespace Evident.Server.Tests;

/// <summary>
/// Sixty participants randomized through the HTTP API three days apart from 2026-01-15, one more randomized and then
/// invalidated, and follow-up entered on 2028-06-30 through the API: relapses at every site (one participant with two
/// relapses, one with two on the same day), deaths, second malignancies, last contacts, adverse events and two
/// corrections. What each participant's simple-layout row must say is planned here, by hand, not derived by the code
/// under test.
/// </summary>
internal sealed class CapturedScenario
{
    public const int Count = 60;
    public static readonly DateOnly Today = new(2028, 6, 30);

    public sealed class Planned(string id, string site, string risk, string? sex, DateOnly randomized)
    {
        public string Id { get; } = id;
        public string Site { get; } = site;
        public string Risk { get; } = risk;
        /// <summary>The covariate sex given at randomization; null = "not recorded".</summary>
        public string? Sex { get; } = sex;
        public DateOnly Randomized { get; } = randomized;
        public string Arm { get; set; } = "";
        public (DateOnly Date, string Site)? Relapse { get; set; }
        public DateOnly? Death { get; set; }
        public DateOnly? SecondMalignancy { get; set; }
        /// <summary>Every current entry's date and adverse-event end date: last contact is the latest of them and the randomization date.</summary>
        public List<DateOnly> Dates { get; } = [];
        public List<(string Term, int Grade, DateOnly Onset)> AdverseEvents { get; } = [];
        public DateOnly LastContact => Dates.Append(Randomized).Max();
    }

    public List<Planned> Participants { get; } = [];

    /// <summary>Participants whose disease-free survival ends with an event.</summary>
    public int DfsEvents => Participants.Count(p => p.Relapse is not null || p.Death is not null || p.SecondMalignancy is not null);

    /// <summary>Participants of one sex whose disease-free survival ends with an event.</summary>
    public int DfsEventsOf(string sex) =>
        Participants.Count(p => p.Sex == sex && (p.Relapse is not null || p.Death is not null || p.SecondMalignancy is not null));

    /// <summary>Participants with a grade ≥ 3 sepsis (the protocol's safety.min_grade).</summary>
    public int SepsisGrade3 => Participants.Count(p => p.AdverseEvents.Any(a => a.Term == "Sepsis" && a.Grade >= 3));

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<CapturedScenario> EnterAsync(TestApp app, IEntryChannel channel)
    {
        var scenario = new CapturedScenario();
        var start = DateOnly.FromDateTime(TestApp.Start.UtcDateTime);
        for (int i = 0; i < Count; i++)
        {
            if (i > 0) app.Clock.Advance(TimeSpan.FromDays(3));
            // Sex alternates in pairs (so it does not follow the site); participant 7's is not recorded.
            var p = new Planned($"P-{i:0000}", i % 2 == 0 ? "S1" : "S2", i % 3 == 0 ? "SR-high" : "SR-average",
                                i == 7 ? null : i / 2 % 2 == 0 ? "female" : "male", start.AddDays(3 * i));
            await channel.RandomizeAsync(p.Site, p.Id, p.Risk, p.Sex);
            scenario.Participants.Add(p);
            if (i == 10)
            {
                // Randomized by mistake, with entries, then invalidated: left out of every export.
                await channel.MistakeAsync("X-0001", p.Randomized);
            }
        }
        app.Clock.Advance(Today.ToDateTime(TimeOnly.MinValue) - TestApp.Start.UtcDateTime.Date.AddDays(3 * (Count - 1)));
        await channel.RefreshAsync();

        long correctedRelapse = 0, correctedAdverseEvent = 0;
        for (int i = 0; i < Count; i++)
        {
            var p = scenario.Participants[i];
            var d = p.Randomized;
            async Task<long> Event(string kind, DateOnly date, string? site = null)
            {
                p.Dates.Add(date);
                return await channel.FollowUpAsync(p.Site, p.Id, kind, date, site);
            }
            async Task<long> Adverse(string term, int grade, DateOnly onset, DateOnly? end = null)
            {
                p.Dates.Add(onset);
                if (end is { } resolved) p.Dates.Add(resolved);
                p.AdverseEvents.Add((term, grade, onset));
                return await channel.AdverseEventAsync(p.Site, p.Id, term, grade, onset, end);
            }

            // Adverse events first, in onset order (deaths come later and nothing may follow a death).
            if (i % 3 == 0)
            {
                long id = await Adverse("Febrile neutropenia", 3, d.AddDays(10));
                if (i == 0) correctedAdverseEvent = id;
            }
            if (i % 5 == 0) await Adverse("Nausea", 2, d.AddDays(15));
            // Sepsis resolves for some: for those without follow-up (i % 10 == 9) its end date is the last contact.
            if (i % 4 == 1) await Adverse("Sepsis", 4, d.AddDays(20), i % 10 is 5 or 9 ? d.AddDays(45) : null);
            if (i % 11 == 4) await Adverse("Infection, other", 2, d.AddDays(25));
            if (i % 7 == 2) await Adverse("Catheter related infection", 3, d.AddDays(30));

            switch (i % 10)
            {
                case 0:
                    await Event("relapse", d.AddDays(100 + 7 * i), "marrow");
                    p.Relapse = (d.AddDays(100 + 7 * i), "marrow");
                    break;
                case 1:
                    long id = await Event("relapse", d.AddDays(200 + 5 * i), "cns");
                    p.Relapse = (d.AddDays(200 + 5 * i), "cns");
                    if (i == 1) correctedRelapse = id;
                    break;
                case 2:
                    await Event("relapse", d.AddDays(150 + 3 * i), "combined");
                    await Event("death", d.AddDays(400 + 3 * i));
                    p.Relapse = (d.AddDays(150 + 3 * i), "combined");
                    p.Death = d.AddDays(400 + 3 * i);
                    break;
                case 3:
                    await Event("relapse", d.AddDays(300), "marrow");
                    await Event("relapse", d.AddDays(250), "other");
                    p.Relapse = (d.AddDays(250), "other");
                    break;
                case 4:
                    await Event("death", d.AddDays(90 + 11 * i));
                    p.Death = d.AddDays(90 + 11 * i);
                    break;
                case 5:
                    await Event("second_malignancy", d.AddDays(500));
                    await Event("last_contact", d.AddDays(600));
                    p.SecondMalignancy = d.AddDays(500);
                    break;
                case 6:
                    await Event("last_contact", d.AddDays(650));
                    await Event("last_contact", d.AddDays(300));
                    break;
                case 7:
                    await Event("last_contact", d.AddDays(200));
                    await Adverse("Fatigue", 1, d.AddDays(420));
                    break;
                case 8:
                    // Two relapses on one day: the first recorded gives the site.
                    await Event("relapse", d.AddDays(180), "cns");
                    await Event("relapse", d.AddDays(180), "marrow");
                    await Event("second_malignancy", d.AddDays(450));
                    await Event("last_contact", d.AddDays(500));
                    p.Relapse = (d.AddDays(180), "cns");
                    p.SecondMalignancy = d.AddDays(450);
                    break;
                default:
                    break; // no follow-up: censored at the last adverse event, or at randomization
            }
        }

        // Corrections: only the current version counts, for the event and for last contact.
        var p1 = scenario.Participants[1];
        await channel.CorrectFollowUpAsync(p1.Site, p1.Id, correctedRelapse, "relapse", p1.Randomized.AddDays(190), "other", "source document re-read");
        p1.Dates.Remove(p1.Relapse!.Value.Date);
        p1.Dates.Add(p1.Randomized.AddDays(190));
        p1.Relapse = (p1.Randomized.AddDays(190), "other");
        var p0 = scenario.Participants[0];
        await channel.CorrectAdverseEventAsync(p0.Site, p0.Id, correctedAdverseEvent, "Sepsis", 4, p0.Randomized.AddDays(12), "culture positive", p0.Randomized.AddDays(19));
        p0.Dates.Remove(p0.Randomized.AddDays(10));
        p0.Dates.Add(p0.Randomized.AddDays(12));
        p0.Dates.Add(p0.Randomized.AddDays(19));
        p0.AdverseEvents[0] = ("Sepsis", 4, p0.Randomized.AddDays(12));

        // Arms as the service allocated them, read with the unblinded statistician's token.
        var list = await TestApp.Json(await (await FreshClient(app, "unblinded")).GetAsync("/trials/AALL1731/randomizations"));
        var arms = list.EnumerateArray().ToDictionary(r => r.GetProperty("participantId").GetString()!, r => r.GetProperty("arm").GetString()!);
        foreach (var p in scenario.Participants) p.Arm = arms[p.Id];
        Assert.Equal(2, scenario.Participants.Select(p => p.Arm).Distinct().Count());
        return scenario;
    }

    internal static async Task<HttpClient> FreshClient(TestApp app, string user)
    {
        var client = app.CreateClient();
        string token = (await app.Store.IssueTokenAsync(TestApp.Trial, user, TimeSpan.FromDays(30), "cli:test")).Token;
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The planned data as the simple layout's two CSV files, written here without the export code.</summary>
    public (string Participants, string AdverseEvents) WriteSimpleCsv(string directory)
    {
        static string Field(string? value) => value is null ? "" : value.Contains(',') ? $"\"{value}\"" : value;
        string participants = Path.Combine(directory, "entered.csv"), adverseEvents = Path.Combine(directory, "entered_ae.csv");
        var lines = new List<string> { "participant_id,arm,site,risk_group,sex,randomization_date,last_contact_date,relapse_date,relapse_site,death_date,second_malignancy_date,death_cause,off_therapy_date,off_therapy_reason,withdrawal_date,withdrawal_reason,withdrawal_follow_up,lost_date,lost_reason" };
        foreach (var p in Participants)
            lines.Add(string.Join(',', p.Id, p.Arm, p.Site, p.Risk, p.Sex ?? "", Iso(p.Randomized), Iso(p.LastContact),
                                  p.Relapse is { } r ? Iso(r.Date) : "", p.Relapse?.Site ?? "", p.Death is { } x ? Iso(x) : "",
                                  p.SecondMalignancy is { } s ? Iso(s) : "") + ",,,,,,,,");
        File.WriteAllLines(participants, lines);
        var ae = new List<string> { "participant_id,term,grade" };
        foreach (var p in Participants)
            foreach (var (term, grade, _) in p.AdverseEvents.OrderBy(a => a.Onset))
                ae.Add(string.Join(',', p.Id, Field(term), grade.ToString(CultureInfo.InvariantCulture)));
        File.WriteAllLines(adverseEvents, ae);
        return (participants, adverseEvents);
    }
}
