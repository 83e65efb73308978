namespace Evident.Protocol.Synthetic;

/// <summary>Generates reproducible synthetic trials (for the demo, examples and tests).</summary>
public static class SyntheticTrial
{
    /// <summary>
    /// Draws the participants of <paramref name="design"/> from <paramref name="random"/>. Allocation is 1:1 by permuted
    /// blocks of 4 within each stratum; event time ~ Exp(λ_arm,stratum), loss ~ Exp(μ), censoring at the cut-off.
    /// The same design and seed always give the same trial.
    /// </summary>
    public static IReadOnlyList<SyntheticParticipant> Generate(SyntheticTrialDesign design, Random random)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(random);
        if (design.Participants < 2) throw new ArgumentOutOfRangeException(nameof(design), design.Participants, "a trial needs at least two participants.");
        if (!(design.AccrualMonths > 0 && design.CutoffMonths > design.AccrualMonths))
            throw new ArgumentOutOfRangeException(nameof(design), "the cut-off must come after a positive accrual period.");
        if (!(design.YearlyLossToFollowUp >= 0 && design.YearlyLossToFollowUp < 1))
            throw new ArgumentOutOfRangeException(nameof(design), design.YearlyLossToFollowUp, "the yearly loss to follow-up must be in [0, 1).");
        double total = design.Strata.Sum(s => s.Proportion);
        if (design.Strata.Count == 0 || Math.Abs(total - 1) > 1e-9)
            throw new ArgumentException($"the strata's proportions sum to {total}; they must sum to 1.", nameof(design));

        double lossHazard = -Math.Log(1 - design.YearlyLossToFollowUp) / 12.0;
        var blocks = design.Strata.Select(_ => new Queue<bool>()).ToArray();
        var participants = new List<SyntheticParticipant>(design.Participants);
        for (int i = 0; i < design.Participants; i++)
        {
            double entry = design.AccrualMonths * random.NextDouble();
            int s = PickStratum(design.Strata, random.NextDouble());
            if (blocks[s].Count == 0) RefillBlock(blocks[s], random);
            bool treated = blocks[s].Dequeue();
            var stratum = design.Strata[s];
            double hazard = SyntheticStratum.Hazard(treated ? stratum.TreatmentSurvival : stratum.ControlSurvival, design.MilestoneMonths);
            double eventTime = Exponential(hazard, random);
            double lossTime = lossHazard > 0 ? Exponential(lossHazard, random) : double.PositiveInfinity;
            double administrative = design.CutoffMonths - entry;
            double time = Math.Min(eventTime, Math.Min(lossTime, administrative));
            participants.Add(new SyntheticParticipant(
                $"P{i + 1:D4}", treated ? design.TreatmentArm : design.ControlArm, stratum.Name,
                Math.Round(entry, 2), Math.Round(time, 2), eventTime <= Math.Min(lossTime, administrative)));
        }
        return participants;
    }

    private static int PickStratum(IReadOnlyList<SyntheticStratum> strata, double u)
    {
        double cumulative = 0;
        for (int s = 0; s < strata.Count - 1; s++)
        {
            cumulative += strata[s].Proportion;
            if (u < cumulative) return s;
        }
        return strata.Count - 1;
    }

    private static void RefillBlock(Queue<bool> block, Random random)
    {
        Span<bool> arms = [false, false, true, true];
        random.Shuffle(arms);
        foreach (bool arm in arms) block.Enqueue(arm);
    }

    private static double Exponential(double rate, Random random) => -Math.Log(1 - random.NextDouble()) / rate;
}
