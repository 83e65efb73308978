using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Evident.Server.Tests;

public sealed class RandomizationEndpointTests
{
    [Fact]
    public async Task Coordinator_randomizes_own_site_and_the_repeat_returns_the_same_allocation_without_a_second_slot()
    {
        await using var app = await new TestApp().SeedAsync(blinded: false);
        var client = app.As("coord1");
        var first = await TestApp.Randomize(client, TestApp.Enrolment("P-001", "S1"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("/trials/AALL1731/randomizations/P-001", first.Headers.Location?.OriginalString);
        var firstJson = await TestApp.Json(first);
        string arm = firstJson.GetProperty("arm").GetString()!;
        Assert.Contains(arm, new[] { "chemotherapy", "blinatumomab" });
        Assert.Equal(TestApp.Start, firstJson.GetProperty("randomizedAt").GetDateTimeOffset());

        var again = await TestApp.Randomize(client, TestApp.Enrolment("P-001", "S1"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(arm, (await TestApp.Json(again)).GetProperty("arm").GetString());
        var all = await app.Store.ListRandomizationsAsync(TestApp.Trial);
        Assert.Single(all);
        // The first slot of stratum risk=SR-high in the sealed list is the arm given.
        var list = await app.Store.ReadAllocationListAsync(TestApp.Trial);
        Assert.Equal(arm, list.First(s => s.Stratum == "risk=SR-high" && s.Sequence == 1).Arm);
    }

    [Fact]
    public async Task Same_idempotency_key_returns_the_same_allocation_and_a_reused_key_for_another_participant_is_409()
    {
        await using var app = await new TestApp().SeedAsync();
        var client = app.As("coord1");
        Assert.Equal(HttpStatusCode.Created, (await TestApp.Randomize(client, TestApp.Enrolment("P-1", "S1"), "key-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TestApp.Randomize(client, TestApp.Enrolment("P-1", "S1"), "key-1")).StatusCode);
        string before = await app.SnapshotAsync();
        await TestApp.AssertProblem(await TestApp.Randomize(client, TestApp.Enrolment("P-2", "S1"), "key-1"), 409);
        Assert.Equal(before, await app.SnapshotAsync());
        Assert.StartsWith("rand=1;", before);
    }

    [Fact]
    public async Task Consecutive_participants_of_a_stratum_follow_the_sealed_list_in_order()
    {
        await using var app = await new TestApp().SeedAsync(blinded: false);
        var client = app.As("coord1");
        var given = new List<string>();
        for (int i = 0; i < 12; i++)
            given.Add((await TestApp.Json(await TestApp.Randomize(client, TestApp.Enrolment($"P{i}", "S1", "SR-average")))).GetProperty("arm").GetString()!);
        var list = (await app.Store.ReadAllocationListAsync(TestApp.Trial)).Where(s => s.Stratum == "risk=SR-average").Take(12).Select(s => s.Arm);
        Assert.Equal(list, given);
    }

    [Fact]
    public async Task A_coordinator_cannot_randomize_at_another_site_and_nothing_is_written()
    {
        await using var app = await new TestApp().SeedAsync();
        string before = await app.SnapshotAsync();
        await TestApp.AssertProblem(await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment("P-9", "S2")), 403);
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task A_coordinator_cannot_read_or_unblind_another_sites_participant()
    {
        await using var app = await new TestApp().SeedAsync();
        Assert.Equal(HttpStatusCode.Created, (await TestApp.Randomize(app.As("coord2"), TestApp.Enrolment("P-S2", "S2"))).StatusCode);
        var coord1 = app.As("coord1");
        await TestApp.AssertProblem(await coord1.GetAsync("/trials/AALL1731/randomizations/P-S2"), 404);
        Assert.Equal("[]", await coord1.GetStringAsync("/trials/AALL1731/randomizations"));
        string before = await app.SnapshotAsync();
        await TestApp.AssertProblem(await coord1.PostAsJsonAsync("/trials/AALL1731/randomizations/P-S2/unblind", new { reason = "emergency" }), 404);
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Theory]
    [InlineData("coord1")]
    [InlineData("admin")]
    [InlineData("blinded")]
    public async Task In_a_blinded_trial_no_blinded_role_ever_receives_an_arm(string user)
    {
        await using var app = await new TestApp().SeedAsync(blinded: true);
        var client = app.As(user);
        var created = await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment("P-1", "S1"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        string[] bodies =
        [
            await created.Content.ReadAsStringAsync(),
            await client.GetStringAsync("/trials/AALL1731/randomizations"),
            await client.GetStringAsync("/trials/AALL1731/randomizations/P-1"),
        ];
        if (user == "admin") bodies = [.. bodies, await client.GetStringAsync("/trials/AALL1731/audit")];
        foreach (string body in bodies)
        {
            Assert.DoesNotContain("chemotherapy\"", body);
            Assert.DoesNotContain("blinatumomab\"", body);
            Assert.DoesNotContain("\"arm\":\"c", body);
        }
        if (user != "admin") await TestApp.AssertProblem(await client.GetAsync("/trials/AALL1731/allocation-list"), 403);
    }

    [Fact]
    public async Task Blinded_statistician_never_sees_arms_even_in_an_open_label_trial_but_the_unblinded_one_does()
    {
        await using var app = await new TestApp().SeedAsync(blinded: false);
        await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment("P-1", "S1"));
        Assert.DoesNotContain("\"arm\"", await app.As("blinded").GetStringAsync("/trials/AALL1731/randomizations"));
        Assert.Contains("\"arm\"", await app.As("unblinded").GetStringAsync("/trials/AALL1731/randomizations"));
        var list = await TestApp.Json(await app.As("unblinded").GetAsync("/trials/AALL1731/allocation-list"));
        Assert.InRange(list.GetArrayLength(), 400, 410); // whole blocks of 4 or 6 until ≥ 200 per stratum
    }

    [Fact]
    public async Task Emergency_unblinding_needs_a_reason_returns_the_arm_and_is_visible_to_admins()
    {
        await using var app = await new TestApp().SeedAsync(blinded: true);
        await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment("P-1", "S1"));
        string before = await app.SnapshotAsync();
        await TestApp.AssertProblem(await app.As("coord1").PostAsJsonAsync("/trials/AALL1731/randomizations/P-1/unblind", new { reason = "  " }), 400);
        Assert.Equal(before, await app.SnapshotAsync());

        app.Clock.Advance(TimeSpan.FromHours(3));
        var unblind = await app.As("coord1").PostAsJsonAsync("/trials/AALL1731/randomizations/P-1/unblind", new { reason = "anaphylaxis" });
        Assert.Equal(HttpStatusCode.OK, unblind.StatusCode);
        string arm = (await TestApp.Json(unblind)).GetProperty("arm").GetString()!;
        Assert.Equal((await app.Store.GetRandomizationAsync(TestApp.Trial, "P-1"))!.Arm, arm);

        var log = await TestApp.Json(await app.As("admin").GetAsync("/trials/AALL1731/unblindings"));
        Assert.Equal(1, log.GetArrayLength());
        Assert.Equal("coord1", log[0].GetProperty("by").GetString());
        Assert.Equal("anaphylaxis", log[0].GetProperty("reason").GetString());
        Assert.Equal(TestApp.Start.AddHours(3), log[0].GetProperty("at").GetDateTimeOffset());
        await TestApp.AssertProblem(await app.As("coord1").GetAsync("/trials/AALL1731/unblindings"), 403);
        var audit = await app.Store.ReadAuditAsync(TestApp.Trial);
        Assert.Equal(("unblind", "anaphylaxis", "coord1"), (audit[^1].Action, audit[^1].Reason, audit[^1].Actor));
    }

    [Fact]
    public async Task Invalidation_needs_an_admin_and_a_reason_and_keeps_the_record()
    {
        await using var app = await new TestApp().SeedAsync();
        await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment("P-1", "S1"));
        string before = await app.SnapshotAsync();
        await TestApp.AssertProblem(await app.As("coord1").PostAsJsonAsync("/trials/AALL1731/randomizations/P-1/invalidate", new { reason = "wrong person" }), 403);
        Assert.Equal(before, await app.SnapshotAsync());
        var ok = await app.As("admin").PostAsJsonAsync("/trials/AALL1731/randomizations/P-1/invalidate", new { reason = "wrong person" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var stored = await app.Store.GetRandomizationAsync(TestApp.Trial, "P-1");
        Assert.Equal(("wrong person", TestApp.Start), (stored!.InvalidationReason, stored.InvalidatedAt!.Value));
        await TestApp.AssertProblem(await app.As("admin").PostAsJsonAsync("/trials/AALL1731/randomizations/P-1/invalidate", new { reason = "again" }), 409);
        // The invalidated participant keeps their allocation: randomizing them again returns it, no new slot.
        Assert.Equal(HttpStatusCode.OK, (await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment("P-1", "S1"))).StatusCode);
        Assert.Single(await app.Store.ListRandomizationsAsync(TestApp.Trial));
    }

    [Fact]
    public async Task Minimization_trial_randomizes_and_balances_marginal_totals()
    {
        await using var app = new TestApp();
        await app.SeedAsync(blinded: false, yaml: TestApp.MinimizationYaml("AALL1731"));
        var client = app.As("admin");
        for (int i = 0; i < 40; i++)
            Assert.Equal(HttpStatusCode.Created, (await TestApp.Randomize(client, TestApp.Enrolment($"M{i}", i % 3 == 0 ? "S2" : "S1", i % 2 == 0 ? "SR-high" : "SR-average"))).StatusCode);
        var all = await app.Store.ListRandomizationsAsync(TestApp.Trial);
        int chemo = all.Count(r => r.Arm == "chemotherapy");
        // With p = 0.8 over two factors, 40 participants stay within a few of 20 on each arm.
        Assert.InRange(chemo, 14, 26);
        Assert.True((await app.Store.VerifyAuditAsync()).IsIntact);
    }
}
