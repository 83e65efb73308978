using Evident.Design.Internal;

namespace Evident.Design.Simulation;

/// <summary>
/// Monte-Carlo simulation of a group-sequential two-arm survival trial analysed by the (stratified) log-rank test.
/// The flag-form scenario is rpact 3.3 <c>getSimulationSurvival</c>; agreement is within Monte-Carlo error (the
/// generators differ).
/// </summary>
/// <remarks>
/// <para>
/// Each replicate: N entry times as ordered uniforms on the accrual distribution (exponential spacings), 1:1
/// allocation in permuted blocks of two in entry order, a stratum per subject, and per subject the first of the
/// primary event (hazard HR<sub>arm</sub>·λ<sub>stratum</sub>(t)), a competing event and dropout, each by inverting
/// its piecewise-exponential cumulative hazard. Look k happens at the calendar time of the d<sub>k</sub>-th primary
/// event (partial selection of the event calendar times, then a sort of the first d<sub>K</sub>) or at a fixed time.
/// </para>
/// <para>
/// The log-rank statistic at calendar time τ uses follow-up min(y<sub>i</sub>, τ − e<sub>i</sub>): subjects whose exit
/// e + y falls before the last look are sorted once by y; the administratively censored leave the risk set in reverse
/// entry order, which is already sorted, so each look is a linear merge. Z = (E − O)/√V of the experimental arm
/// (positive favours it); reject at look k when Z ≥ c<sub>k</sub>, stop for futility when Z ≤ the futility bound;
/// the hazard ratio estimate is exp((O − E)/V) (Peto's one-step estimate). Event times are continuous, so tied exits
/// have probability 0 and are taken one at a time.
/// </para>
/// <para>
/// When fewer primary events than planned ever occur, the look is held at the last event with the events there are
/// and ends the trial (counted in <see cref="SimulationTally.EventsNotReached"/>). Calendar-time looks use the
/// design's planned bounds whatever the number of events.
/// </para>
/// <para>
/// Reproducibility: replicate i draws from a generator seeded by (seed, i) alone (<see cref="ReplicateRandom"/>);
/// replicates run in parallel and all totals are integers, so results are identical for any thread count and any
/// sharding. Cost per replicate: O(N) generation and merge per look, plus sorting the ≈ d<sub>K</sub> early exits.
/// </para>
/// </remarks>
public static class SurvivalSimulation
{
    private const int ChunkSize = 128;

    /// <summary>Simulates the replicates of <paramref name="run"/>'s shard.</summary>
    /// <param name="scenario">The trial; see <see cref="Validate"/> for the checks.</param>
    /// <param name="run">Replicates ≥ 1, 0 ≤ shard &lt; shard count.</param>
    /// <exception cref="ArgumentException">Invalid scenario or run, with a message naming the value.</exception>
    public static SimulationResult Run(SimulationScenario scenario, SimulationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var design = Validate(scenario);
        if (run.Replicates < 1) throw new ArgumentException($"Replicates = {run.Replicates}: at least one replicate is needed.", nameof(run));
        if (run.ShardCount < 1 || run.ShardIndex < 0 || run.ShardIndex >= run.ShardCount)
            throw new ArgumentException($"Shard {run.ShardIndex + 1}/{run.ShardCount}: the shard must be between 1 and the number of shards.", nameof(run));
        if (run.ShardCount > run.Replicates)
            throw new ArgumentException($"{run.ShardCount} shards for {run.Replicates} replicates: every shard needs at least one replicate.", nameof(run));

        var model = new TrialModel(scenario, design);
        long first = run.FirstReplicate, end = run.EndReplicate;
        long chunks = (end - first + ChunkSize - 1) / ChunkSize;
        var total = new TallyAccumulator(design.Looks);
        var gate = new object();
        long done = 0;
        Parallel.For(0L, chunks, new ParallelOptions { MaxDegreeOfParallelism = run.MaxDegreeOfParallelism },
            () => new ReplicateSimulator(model),
            (chunk, _, simulator) =>
            {
                long from = first + chunk * ChunkSize, to = Math.Min(end, from + ChunkSize);
                for (long i = from; i < to; i++) simulator.Simulate(run.Seed, i);
                if (run.Progress is { } progress) progress.Report(Interlocked.Add(ref done, to - from));
                return simulator;
            },
            simulator =>
            {
                var part = simulator.Tally.ToTally(0);
                lock (gate) total.Add(part);
            });
        return new SimulationResult(design, run.Seed, run.Replicates, total.ToTally(first));
    }

    /// <summary>
    /// Checks a scenario and builds its design. Subjects ≥ 2; at least one stratum, proportions &gt; 0, hazard ratios
    /// &gt; 0; a one-sided design with one look per scheduled value; event counts strictly increasing positive integers
    /// with the last ≤ N (and no more looks than events); calendar times strictly increasing, positive and finite.
    /// </summary>
    /// <exception cref="ArgumentException">The first problem found, in plain words.</exception>
    public static GroupSequentialDesign Validate(SimulationScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Subjects < 2) throw new ArgumentException($"Subjects = {scenario.Subjects}: a two-arm trial needs at least 2 subjects.", nameof(scenario));
        if (scenario.Strata is null || scenario.Strata.Count == 0) throw new ArgumentException("The scenario has no strata.", nameof(scenario));
        if (scenario.Strata.Count > 255) throw new ArgumentException($"{scenario.Strata.Count} strata: at most 255 are supported.", nameof(scenario));
        foreach (var s in scenario.Strata)
        {
            if (!(s.Proportion > 0) || !double.IsFinite(s.Proportion)) throw new ArgumentException($"Stratum '{s.Name}': proportion = {s.Proportion}; it must be a positive number.", nameof(scenario));
            if (!(s.HazardRatio > 0) || !double.IsFinite(s.HazardRatio)) throw new ArgumentException($"Stratum '{s.Name}': hazard ratio = {s.HazardRatio}; it must be a positive finite number.", nameof(scenario));
            ArgumentNullException.ThrowIfNull(s.ControlHazard, $"Stratum '{s.Name}' control hazard");
        }
        ArgumentNullException.ThrowIfNull(scenario.Accrual, "Accrual");
        ArgumentNullException.ThrowIfNull(scenario.Looks, "Looks");
        ArgumentNullException.ThrowIfNull(scenario.Design, "Design");
        if (scenario.Design.TwoSided) throw new ArgumentException("Simulation is one-sided (rejecting for a hazard ratio below 1); the design is two-sided.", nameof(scenario));
        var values = scenario.Looks.Values;
        if (values.Count != scenario.Design.Looks)
            throw new ArgumentException($"The schedule has {values.Count} looks but the design has {scenario.Design.Looks}.", nameof(scenario));
        for (int k = 0; k < values.Count; k++)
        {
            double v = values[k];
            if (!(v > 0) || !double.IsFinite(v)) throw new ArgumentException($"Look {k + 1} at {v}: looks must be at positive finite values.", nameof(scenario));
            if (k > 0 && !(v > values[k - 1])) throw new ArgumentException($"Look {k + 1} at {v} is not after look {k} at {values[k - 1]}: looks must be strictly increasing.", nameof(scenario));
            if (scenario.Looks.Timing == LookTiming.Events && v != Math.Floor(v)) throw new ArgumentException($"Look {k + 1} at {v} events: event counts must be whole numbers.", nameof(scenario));
        }
        if (scenario.Looks.Timing == LookTiming.Events)
        {
            if (values[^1] < values.Count) throw new ArgumentException($"{values.Count} looks but only {values[^1]} events: there are more looks than events.", nameof(scenario));
            if (values[^1] > scenario.Subjects) throw new ArgumentException($"{values[^1]} events planned but only {scenario.Subjects} subjects: events cannot exceed subjects.", nameof(scenario));
        }
        return GroupSequential.Create(scenario.Design);
    }

    /// <summary>The scenario in the flat form the inner loop reads.</summary>
    internal sealed class TrialModel
    {
        public TrialModel(SimulationScenario scenario, GroupSequentialDesign design)
        {
            Subjects = scenario.Subjects;
            Accrual = scenario.Accrual;
            Dropout = scenario.Dropout;
            int s = scenario.Strata.Count;
            Control = new PiecewiseHazard[s];
            Competing = new PiecewiseHazard?[s];
            HazardRatio = new double[s];
            CumulativeProportion = new double[s];
            double total = 0;
            foreach (var stratum in scenario.Strata) total += stratum.Proportion;
            double running = 0;
            for (int j = 0; j < s; j++)
            {
                var stratum = scenario.Strata[j];
                Control[j] = stratum.ControlHazard;
                Competing[j] = stratum.CompetingHazard;
                HazardRatio[j] = stratum.HazardRatio;
                CumulativeProportion[j] = (running += stratum.Proportion) / total;
            }
            CumulativeProportion[^1] = 1;
            StrataInTest = scenario.Stratified ? s : 1;
            EventDriven = scenario.Looks.Timing == LookTiming.Events;
            Schedule = scenario.Looks.Values.ToArray();
            Critical = design.CriticalValues.ToArray();
            Futility = new double[design.Looks];
            for (int k = 0; k < design.Looks; k++) Futility[k] = design.FutilityBounds is { } f && k < f.Count ? f[k] : double.NegativeInfinity;
        }

        public int Subjects { get; }
        public PiecewiseAccrual Accrual { get; }
        public PiecewiseHazard? Dropout { get; }
        public PiecewiseHazard[] Control { get; }
        public PiecewiseHazard?[] Competing { get; }
        public double[] HazardRatio { get; }
        public double[] CumulativeProportion { get; }
        public int StrataInTest { get; }
        public bool EventDriven { get; }
        public double[] Schedule { get; }
        public double[] Critical { get; }
        public double[] Futility { get; }
    }
}
