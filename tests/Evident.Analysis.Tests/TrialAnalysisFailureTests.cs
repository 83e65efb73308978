using Evident.Analysis.Input;
using Evident.Analysis.Models;
using Evident.Protocol;
using Evident.Testing;

namespace Evident.Analysis.Tests;

/// <summary>
/// What a trial's data do not allow is written as a status, not swallowed: the AALL1731 protocol on a small trial in
/// which the SR-high stratum has only control participants, so its hazard ratio and log-rank test cannot be formed.
/// </summary>
public sealed class TrialAnalysisFailureTests
{
    private static readonly TrialProtocol Protocol = TrialProtocol.Load(RepositoryFiles.ExampleProtocolPath);
    private static readonly DateOnly Day0 = new(2020, 1, 1);

    private static TrialParticipant Participant(int id, int arm, int risk, string sex, int days, bool relapse)
    {
        var end = Day0.AddDays(days);
        // Component 0 is an isolated marrow relapse; it ends both endpoints.
        var outcome = new EndpointOutcome(Day0, end, relapse ? 0 : -1);
        return new TrialParticipant($"P{id}", arm, [risk], [sex], "site-1", Day0, [outcome, outcome]);
    }

    private static TrialData Data()
    {
        var rows = new List<TrialParticipant>();
        int id = 0;
        // SR-average: both arms, events in both.
        foreach (int arm in new[] { 0, 1 })
            for (int k = 0; k < 5; k++)
                rows.Add(Participant(++id, arm, 0, k % 2 == 0 ? "female" : "male", 100 + 90 * k + 30 * arm, relapse: k < 3 - arm));
        // SR-high: control only.
        for (int k = 0; k < 4; k++) rows.Add(Participant(++id, 0, 1, "female", 200 + 60 * k, relapse: k < 2));
        return new TrialData(rows, [new AdverseEventRecord(0, "Sepsis", 3)], "in-memory", DataLayout.Simple);
    }

    [Fact]
    public void AStratumWithOneArmHasSingularHazardRatioAndNoLogRank()
    {
        var results = TrialAnalysis.Run(Protocol, Data());
        var byLabel = results.Primary.Strata.ToDictionary(s => s.Label);

        var average = byLabel["SR-average"];
        Assert.Equal(EstimateStatus.Estimated, average.Comparisons[0].Status);
        Assert.True(double.IsFinite(average.Comparisons[0].HazardRatio.HazardRatio));
        Assert.Equal(EstimateStatus.Estimated, average.LogRankStatus);
        Assert.NotNull(average.LogRank);

        var high = byLabel["SR-high"];
        Assert.Equal(EstimateStatus.Singular, high.Comparisons[0].Status);
        Assert.True(double.IsNaN(high.Comparisons[0].HazardRatio.HazardRatio));
        Assert.Equal(EstimateStatus.SingleArm, high.LogRankStatus);
        Assert.Null(high.LogRank);

        // Stratified by risk, the overall comparison rests on SR-average and is estimated.
        Assert.Equal(EstimateStatus.Estimated, results.Primary.Overall.Comparisons[0].Status);
        Assert.Equal(EstimateStatus.Estimated, results.Primary.Overall.LogRankStatus);
    }

    [Fact]
    public void SubgroupsCarryTheSameStatuses()
    {
        var results = TrialAnalysis.Run(Protocol, Data());
        var risk = results.Subgroups.Where(s => s.Factor == "risk").ToDictionary(s => s.Level);
        Assert.Equal(EstimateStatus.Estimated, risk["SR-average"].Status);
        Assert.Equal(EstimateStatus.Singular, risk["SR-high"].Status);
        Assert.True(double.IsNaN(risk["SR-high"].HazardRatio.Estimate));
        Assert.Equal(4, risk["SR-high"].N);
    }

    [Fact]
    public void ACutOffBeforeAnyEventLeavesNoEventsAsTheStatus()
    {
        // Everyone is still followed on day 50, so nobody has had an event yet.
        var results = TrialAnalysis.Run(Protocol, Data(), new Results.AnalysisOptions { Cutoff = Day0.AddDays(50) });
        Assert.Equal(EstimateStatus.NoEvents, results.Primary.Overall.Comparisons[0].Status);
        Assert.True(double.IsNaN(results.Primary.Overall.Comparisons[0].HazardRatio.HazardRatio));
        Assert.All(results.Subgroups, s => Assert.Equal(EstimateStatus.NoEvents, s.Status));
        Assert.Contains("Monitoring: no event yet, so there is nothing to monitor.", results.Notes);
    }

    [Fact]
    public void SafetyWithAnArmWithoutParticipantsIsANoteNotAnException()
    {
        var data = Data();
        var controlOnly = data with { Participants = data.Participants.Where(p => p.Arm == 0).ToArray() };
        var results = TrialAnalysis.Run(Protocol, controlOnly);
        Assert.Null(results.Safety);
        Assert.Contains(results.Notes, n => n == "Safety: the adverse-event table could not be computed (arm 'Chemotherapy + blinatumomab' has no participant: every arm needs a denominator).");
        Assert.Equal(EstimateStatus.Singular, results.Primary.Overall.Comparisons[0].Status);
        Assert.Equal(EstimateStatus.SingleArm, results.Primary.Overall.LogRankStatus);
    }
}
