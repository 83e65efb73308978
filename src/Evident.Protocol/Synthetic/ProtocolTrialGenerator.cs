using Evident.Protocol;

namespace Evident.Protocol.Synthetic;

/// <summary>
/// Draws a synthetic trial that follows a protocol (arms, strata, allocation, components) under a
/// <see cref="TrialScenario"/>: <c>evident synthesize</c> and <c>evident demo</c>. Reproducible: the same protocol and
/// scenario (seed included) always give the same trial.
/// </summary>
/// <remarks>
/// <para>
/// Randomization dates are uniform over the accrual window; the stratum follows the scenario's proportions, other
/// stratification factors and covariates their level mix (uniform when not given); arms come from stratified permuted
/// blocks with the protocol's ratio and block sizes (Zelen 1974), one block sequence per stratum.
/// </para>
/// <para>
/// The first event is drawn from the cause-specific hazards of the participant's stratum and arm. Every component of an
/// arm shares the arm's profile, so the all-cause hazard is λ(t) = Σ_k λ_k(t) and, given an event at t, the cause is
/// k with probability H_k/Σ H (Prentice et al. 1978): time by inversion of the piecewise-linear cumulative hazard at
/// an Exp(1) draw, then the cause. Loss to follow-up is exponential; follow-up ends at the cut-off. Adverse events are
/// Bernoulli per participant and term.
/// </para>
/// </remarks>
public static class ProtocolTrialGenerator
{
    /// <summary>Generates the trial.</summary>
    /// <param name="protocol">The protocol.</param>
    /// <param name="scenario">The scenario, checked against the protocol (<see cref="TrialScenario.Parse"/>).</param>
    /// <param name="participants">Overrides <see cref="TrialScenario.Participants"/> when given (≥ 2).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="participants"/> is below 2.</exception>
    public static SyntheticTrialData Generate(TrialProtocol protocol, TrialScenario scenario, int? participants = null)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(scenario);
        int n = participants ?? scenario.Participants;
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(participants), n, "a trial needs at least 2 participants.");
        var random = new Random(scenario.Seed);
        var offStudyRandom = new Random(unchecked(scenario.Seed * 7919 + 1));
        double unitDays = protocol.TimeUnit.Days();

        int accrualDays = scenario.AccrualEnd.DayNumber - scenario.AccrualStart.DayNumber;
        var entry = new int[n];
        for (int i = 0; i < n; i++) entry[i] = random.Next(accrualDays + 1);
        Array.Sort(entry);

        var allocation = new BlockAllocator(protocol.Allocation, protocol.Arms.Count, scenario.Strata.Count);
        var siteIds = protocol.Sites.Count > 0 ? protocol.Sites.Select(s => s.Id).ToArray() : Enumerable.Range(1, scenario.Sites).Select(s => $"S{s:D2}").ToArray();
        double lossRate = -Math.Log(1 - scenario.YearlyLossToFollowUp) / (365.25 / unitDays);
        var records = new List<SyntheticRecord>(n);
        var events = new List<SyntheticAdverseEvent>();
        int width = Math.Max(4, (int)Math.Ceiling(Math.Log10(n + 1)));
        for (int i = 0; i < n; i++)
        {
            string id = "P" + (i + 1).ToString("D" + width, System.Globalization.CultureInfo.InvariantCulture);
            var randomized = scenario.AccrualStart.AddDays(entry[i]);
            int s = Pick(scenario.Strata.Select(x => x.Proportion).ToArray(), random.NextDouble());
            var stratum = scenario.Strata[s];
            var strata = Strata(protocol, stratum.Level, random);
            var covariates = Covariates(protocol, scenario, random);
            int arm = allocation.Next(s, random);
            string site = siteIds[random.Next(siteIds.Length)];

            var hazards = stratum.Arms[arm];
            double eventTime = FirstEventTime(hazards, scenario, random);
            double u = random.NextDouble();
            double lossTime = lossRate > 0 ? -Math.Log(1 - random.NextDouble()) / lossRate : double.PositiveInfinity;
            int adminDays = scenario.Cutoff.DayNumber - randomized.DayNumber;
            int eventDays = Days(eventTime, unitDays), lossDays = Days(lossTime, unitDays);
            string? component = null;
            DateOnly? eventDate = null;
            DateOnly lastContact;
            if (eventDays <= Math.Min(lossDays, adminDays))
            {
                component = protocol.Components[Pick(hazards.CumulativeHazards, u * hazards.CumulativeHazards.Sum())].Id;
                eventDate = randomized.AddDays(eventDays);
                lastContact = randomized.AddDays(Math.Max(eventDays, Math.Min(lossDays, adminDays)));
            }
            else
            {
                lastContact = randomized.AddDays(Math.Min(lossDays, adminDays));
            }
            records.Add(new SyntheticRecord(id, protocol.Arms[arm].Id, site, Array.AsReadOnly(strata), Array.AsReadOnly(covariates),
                                            randomized, lastContact, component, eventDate)
                        { OffStudy = OffStudy(scenario.OffStudy, offStudyRandom, randomized, lastContact, lossDays < adminDays, eventDate, unitDays), DeathCause = DeathCause(protocol, scenario, component, offStudyRandom) });

            AddAdverseEvents(scenario, id, s, arm, random, events);
        }
        return new SyntheticTrialData(protocol, scenario, records.AsReadOnly(), events.AsReadOnly());
    }

    /// <summary>The stratification levels of one participant: the scenario's stratum for the first factor, uniform for the others.</summary>
    private static string[] Strata(TrialProtocol protocol, string firstLevel, Random random)
    {
        var strata = new string[protocol.Strata.Count];
        for (int f = 0; f < strata.Length; f++)
            strata[f] = f == 0 ? firstLevel : protocol.Strata[f].Levels[random.Next(protocol.Strata[f].Levels.Count)];
        return strata;
    }

    /// <summary>The covariate levels of one participant: the scenario's mix, else uniform over the protocol's levels.</summary>
    private static string[] Covariates(TrialProtocol protocol, TrialScenario scenario, Random random)
    {
        var covariates = new string[protocol.Covariates.Count];
        for (int c = 0; c < covariates.Length; c++)
        {
            var mix = scenario.Covariates.FirstOrDefault(x => x.Covariate == protocol.Covariates[c].Id);
            covariates[c] = mix is not null
                ? mix.Levels[Pick(mix.Probabilities, random.NextDouble())]
                : protocol.Covariates[c].Levels.Count > 0 ? protocol.Covariates[c].Levels[random.Next(protocol.Covariates[c].Levels.Count)] : "";
        }
        return covariates;
    }

    /// <summary>
    /// The participant's off-study records: off therapy with probability <see cref="ScenarioOffStudy.OffTherapy"/> on a day
    /// uniform over the therapy period, kept only when it falls before the first event and the last contact; and, when
    /// follow-up ended early (<paramref name="lost"/>), a withdrawal or a loss to follow-up at the last contact. Every
    /// participant takes the same three draws, so the records of one do not depend on those of another.
    /// </summary>
    private static IReadOnlyList<SyntheticOffStudy> OffStudy(ScenarioOffStudy? plan, Random random, DateOnly randomized, DateOnly lastContact, bool lost, DateOnly? eventDate, double unitDays)
    {
        if (plan is null) return [];
        var records = new List<SyntheticOffStudy>(2);
        bool offTherapy = random.NextDouble() < plan.OffTherapy;
        var stop = randomized.AddDays(1 + (int)(random.NextDouble() * plan.Therapy * unitDays));
        string reason = plan.Reasons.Count > 0 ? plan.Reasons[Pick(plan.ReasonProbabilities, random.NextDouble())] : "";
        bool withdrawn = random.NextDouble() < plan.Withdrawn;
        if (offTherapy && (eventDate is not { } e || stop < e) && stop < lastContact)
            records.Add(new SyntheticOffStudy(OffStudyKind.OffTherapy, stop, reason, null));
        if (lost)
            records.Add(withdrawn ? new SyntheticOffStudy(OffStudyKind.Withdrawn, lastContact, "Consent withdrawn", false)
                                  : new SyntheticOffStudy(OffStudyKind.LostToFollowUp, lastContact, "No contact", null));
        return records.AsReadOnly();
    }

    /// <summary>A cause of death drawn from the scenario's causes when <paramref name="component"/> is the protocol's death component.</summary>
    private static string? DeathCause(TrialProtocol protocol, TrialScenario scenario, string? component, Random random) =>
        scenario.DeathCauses.Count > 0 && protocol.Components.FirstOrDefault(c => c.IsDeath)?.Id is { } death && component == death
            ? scenario.DeathCauses[Pick(scenario.DeathCauses.Select(c => c.Probability).ToArray(), random.NextDouble())].Cause
            : null;

    /// <summary>One Bernoulli draw per term for grades 1–2 and one for grade ≥ 3 (then ≥ 4, then 5) in the participant's stratum and arm.</summary>
    private static void AddAdverseEvents(TrialScenario scenario, string id, int stratum, int arm, Random random, List<SyntheticAdverseEvent> events)
    {
        foreach (var ae in scenario.AdverseEvents)
        {
            if (ae.Grade1To2 > 0 && random.NextDouble() < ae.Grade1To2) events.Add(new(id, ae.Term, 1 + random.Next(2)));
            double v = random.NextDouble();
            double p4 = ae.Grade4Plus[stratum][arm], p3 = ae.Grade3Plus[stratum][arm];
            if (v < p4) events.Add(new(id, ae.Term, random.NextDouble() < ae.Grade5Share ? 5 : 4));
            else if (v < p3) events.Add(new(id, ae.Term, 3));
        }
    }

    /// <summary>Whole days after randomization, at least 1 (an event on the day of randomization is recorded the next day).</summary>
    private static int Days(double time, double unitDays) =>
        double.IsPositiveInfinity(time) || time * unitDays > int.MaxValue / 2 ? int.MaxValue / 2 : Math.Max(1, (int)Math.Ceiling(time * unitDays));

    /// <summary>Inverts Λ(t) = Σ_j λ_j·|I_j ∩ [0, t]| at an Exp(1) draw; +∞ when the hazard is zero from some point on.</summary>
    private static double FirstEventTime(ScenarioArmHazards hazards, TrialScenario scenario, Random random)
    {
        double total = 0;
        foreach (double h in hazards.CumulativeHazards) total += h;
        if (total <= 0) return double.PositiveInfinity;
        // Normalize the profile so that Λ(M) = total.
        double area = 0, previous = 0;
        for (int j = 0; j <= scenario.Breaks.Count; j++)
        {
            double end = j < scenario.Breaks.Count ? Math.Min(scenario.Breaks[j], scenario.Milestone) : scenario.Milestone;
            if (end > previous) area += hazards.Profile[j] * (end - previous);
            previous = Math.Max(previous, j < scenario.Breaks.Count ? scenario.Breaks[j] : previous);
        }
        if (area <= 0) return double.PositiveInfinity;
        double target = -Math.Log(1 - random.NextDouble());
        double start = 0, cumulative = 0;
        for (int j = 0; j <= scenario.Breaks.Count; j++)
        {
            double rate = total * hazards.Profile[j] / area;
            double end = j < scenario.Breaks.Count ? scenario.Breaks[j] : double.PositiveInfinity;
            double gain = rate * (end - start);
            if (rate > 0 && cumulative + gain >= target) return start + (target - cumulative) / rate;
            if (!double.IsPositiveInfinity(end)) cumulative += gain;
            start = end;
        }
        return double.PositiveInfinity;
    }

    private static int Pick(IReadOnlyList<double> weights, double u)
    {
        double cumulative = 0;
        for (int k = 0; k < weights.Count - 1; k++)
        {
            cumulative += weights[k];
            if (u < cumulative) return k;
        }
        return weights.Count - 1;
    }

    /// <summary>Stratified permuted blocks: each stratum draws blocks of a random allowed size holding each arm ratio-proportionally.</summary>
    private sealed class BlockAllocator(AllocationPlan plan, int arms, int strata)
    {
        private readonly Queue<int>[] blocks = Enumerable.Range(0, strata).Select(_ => new Queue<int>()).ToArray();

        public int Next(int stratum, Random random)
        {
            var queue = blocks[stratum];
            if (queue.Count == 0)
            {
                int unit = plan.Ratio.Sum();
                int size = plan.BlockSizes.Count > 0 ? plan.BlockSizes[random.Next(plan.BlockSizes.Count)] : 2 * unit;
                var block = new List<int>(size);
                for (int a = 0; a < arms; a++)
                    for (int r = 0; r < plan.Ratio[a] * (size / unit); r++) block.Add(a);
                var shuffled = block.ToArray();
                random.Shuffle(shuffled);
                foreach (int a in shuffled) queue.Enqueue(a);
            }
            return queue.Dequeue();
        }
    }
}
