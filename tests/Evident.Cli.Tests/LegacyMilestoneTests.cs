using static Evident.Cli.Tests.TrialReferenceTests;

namespace Evident.Cli.Tests;

/// <summary>
/// The top-level milestone keys kept from earlier versions (<c>overall.arms[].&lt;milestone_key&gt;</c> and per stratum)
/// follow the not-estimable rule of <c>analyses[].arms[].milestones[]</c>: null numbers with the reason, never a number.
/// </summary>
public sealed class LegacyMilestoneTests
{
    [Fact]
    public void A_first_milestone_past_an_arms_follow_up_is_null_with_the_reason_in_the_legacy_keys()
    {
        string protocol = EditedProtocol("colon", "    milestone: 1826.25         # 5 years", "    milestone: [3250, 1826.25]");
        var results = Analyze(protocol, "colon");
        File.Delete(protocol);
        string key = results["milestone_key"]!.GetValue<string>();
        var expected = Expected("colon", "95")["analyses"]![0]!;
        var groups = new[] { (results["overall"]!, expected) }
            .Concat(results["strata"]!.AsArray().Select(g => (g!, expected["strata"]!.AsArray().Single(e => e!["stratum"]!.GetValue<string>() == g!["stratum"]!.GetValue<string>())!)));
        int notEstimable = 0, estimable = 0;
        foreach (var (group, reference) in groups)
            foreach (var arm in group["arms"]!.AsArray())
            {
                var r = reference["arms"]!.AsArray().Single(a => a!["arm"]!.GetValue<string>() == arm!["arm"]!.GetValue<string>())!["milestones"]!.AsArray()
                                 .Single(m => m!["time"]!.GetValue<double>() == 3250)!;
                bool ok = r["estimable"]!.GetValue<bool>();
                Assert.Equal(ok, arm!["{key}_estimable".Replace("{key}", key, StringComparison.Ordinal)]!.GetValue<bool>());
                if (ok)
                {
                    Assert.Equal(r["survival"]!.GetValue<double>(), arm[key]!.GetValue<double>(), 1e-9);
                    Assert.Null(arm[key + "_reason"]);
                    estimable++;
                }
                else
                {
                    foreach (string suffix in new[] { "", "_std_error", "_conf_low", "_conf_high" })
                    {
                        Assert.True(arm.AsObject().ContainsKey(key + suffix), key + suffix);
                        Assert.Null(arm[key + suffix]);
                    }
                    Assert.Equal("follow-up too short", arm[key + "_reason"]!.GetValue<string>());
                    notEstimable++;
                }
            }
        // R: 3250 days is past the observation arm's follow-up overall and in "4 or fewer nodes", and past every arm's in "more than 4 nodes".
        Assert.Equal((5, 4), (notEstimable, estimable));
    }
}
