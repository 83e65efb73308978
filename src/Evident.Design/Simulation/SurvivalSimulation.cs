using System.Globalization;
using Evident.Design.Internal;

namespace Evident.Design.Simulation;

/// <summary>
/// Monte-Carlo simulation of a group-sequential two-arm survival trial analysed by the (stratified) log-rank test, or
/// by a Fleming–Harrington, MaxCombo or RMST test (<see cref="SimulationScenario.Test"/>, computed by <see cref="LookStatistic"/>).
/// The flag-form scenario is rpact 3.3 <c>getSimulationSurvival</c>; agreement is within Monte-Carlo error (the
/// generators differ).
/// </summary>
/// <remarks>
/// <para>
/// Each replicate: N entry times as ordered uniforms on the accrual distribution (exponential spacings), 1:1
/// allocation in permuted blocks of two in entry order, a stratum per subject, and per subject the first of the
/// primary event (hazard HR<sub>arm</sub>·λ<sub>stratum</sub>(t), or ratio(t)·λ<sub>stratum</sub>(t) with
/// <see cref="SimulationStratum.HazardRatioOverTime"/>), a competing event and dropout, each by inverting
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
    /// <exception cref="DesignInputException">Invalid scenario or run, naming the input and value.</exception>
    public static SimulationResult Run(SimulationScenario scenario, SimulationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var design = Validate(scenario);
        if (run.Replicates < 1) throw new DesignInputException("Replicates", run.Replicates.ToString(CultureInfo.InvariantCulture), "at least one replicate is needed.");
        if (run.ShardCount < 1 || run.ShardIndex < 0 || run.ShardIndex >= run.ShardCount)
            throw new DesignInputException("ShardIndex", Shard(run), "the shard must be between 1 and the number of shards.");
        if (run.ShardCount > run.Replicates)
            throw new DesignInputException("ShardCount", Shard(run), $"{run.ShardCount} shards for {run.Replicates} replicates: every shard needs at least one replicate.");

        var model = new TrialModel(scenario, design) { DecideByBounds = run.DecideByBounds };
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
        return new SimulationResult(design, run.Seed, run.Replicates, total.ToTally(first)) { Test = scenario.Test };
    }

    /// <summary>
    /// Checks a scenario and builds its design. Subjects ≥ 2; at least one stratum, proportions &gt; 0, hazard ratios
    /// &gt; 0; a one-sided design with one look per scheduled value; event counts strictly increasing positive integers
    /// with the last ≤ N (and no more looks than events); calendar times strictly increasing, positive and finite.
    /// </summary>
    /// <exception cref="DesignInputException">The first problem found, in plain words; schedule problems name <see cref="ScheduleInput"/>.</exception>
    public static GroupSequentialDesign Validate(SimulationScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (!DesignLimits.Subjects.Contains(scenario.Subjects)) throw new DesignInputException("Subjects", scenario.Subjects.ToString(CultureInfo.InvariantCulture), "a two-arm trial needs at least 2 subjects.");
        if (scenario.Strata is null || scenario.Strata.Count == 0) throw new DesignInputException("Strata", null, "the scenario has no strata.");
        if (scenario.Strata.Count > 255) throw new DesignInputException("Strata", null, $"{scenario.Strata.Count} strata: at most 255 are supported.");
        foreach (var s in scenario.Strata)
        {
            if (!(s.Proportion > 0) || !double.IsFinite(s.Proportion)) throw new DesignInputException("Strata", null, $"stratum '{s.Name}': proportion = {DesignInputException.Text(s.Proportion)}; it must be a positive number.");
            if (!(s.HazardRatio > 0) || !double.IsFinite(s.HazardRatio)) throw new DesignInputException(scenario.Strata.Count == 1 ? "HazardRatio" : "Strata", scenario.Strata.Count == 1 ? DesignInputException.Text(s.HazardRatio) : null,
                    scenario.Strata.Count == 1 ? "must be a positive finite number." : $"stratum '{s.Name}': hazard ratio = {DesignInputException.Text(s.HazardRatio)}; it must be a positive finite number.");
            ArgumentNullException.ThrowIfNull(s.ControlHazard, $"Stratum '{s.Name}' control hazard");
        }
        ArgumentNullException.ThrowIfNull(scenario.Accrual, "Accrual");
        ArgumentNullException.ThrowIfNull(scenario.Test, "Test");
        ArgumentNullException.ThrowIfNull(scenario.Looks, "Looks");
        ArgumentNullException.ThrowIfNull(scenario.Design, "Design");
        if (scenario.Design.TwoSided) throw new DesignInputException("TwoSided", "true", "simulation is one-sided (rejecting for a hazard ratio below 1).");
        var values = scenario.Looks.Values;
        if (values.Count != scenario.Design.Looks)
            throw new DesignInputException(ScheduleInput, DesignInputException.Text(values), $"{values.Count} looks scheduled but the design has {scenario.Design.Looks}.");
        for (int k = 0; k < values.Count; k++)
        {
            double v = values[k];
            if (!(v > 0) || !double.IsFinite(v)) throw new DesignInputException(ScheduleInput, DesignInputException.Text(values), $"look {k + 1} at {DesignInputException.Text(v)}: looks must be at positive finite values.");
            if (k > 0 && !(v > values[k - 1])) throw new DesignInputException(ScheduleInput, DesignInputException.Text(values), $"look {k + 1} at {DesignInputException.Text(v)} is not after look {k} at {DesignInputException.Text(values[k - 1])}: looks must be strictly increasing.");
            if (scenario.Looks.Timing == LookTiming.Events && v != Math.Floor(v)) throw new DesignInputException(ScheduleInput, DesignInputException.Text(values), $"look {k + 1} at {DesignInputException.Text(v)} events: event counts must be whole numbers.");
        }
        if (scenario.Looks.Timing == LookTiming.Events)
        {
            if (values[^1] < values.Count) throw new DesignInputException(ScheduleInput, DesignInputException.Text(values), $"{values.Count} looks but only {DesignInputException.Text(values[^1])} events: there are more looks than events.");
            if (values[^1] > scenario.Subjects) throw new DesignInputException(ScheduleInput, DesignInputException.Text(values), $"{DesignInputException.Text(values[^1])} events planned but only {scenario.Subjects} subjects: events cannot exceed subjects.");
        }
        return GroupSequential.Create(scenario.Design);
    }

    /// <summary>The <see cref="DesignInputException.Input"/> of schedule errors: <see cref="SimulationScenario.Looks"/>' values.</summary>
    public const string ScheduleInput = "Looks.Values";

    private static string Shard(SimulationRun run) => string.Create(CultureInfo.InvariantCulture, $"{run.ShardIndex + 1}/{run.ShardCount}");

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
            Experimental = new PiecewiseHazard?[s];
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
                Experimental[j] = stratum.HazardRatioOverTime is { } ratio ? stratum.ControlHazard.Times(ratio) : null;
                CumulativeProportion[j] = (running += stratum.Proportion) / total;
            }
            CumulativeProportion[^1] = 1;
            StrataInTest = scenario.Stratified ? s : 1;
            Test = scenario.Test;
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
        public PiecewiseHazard?[] Experimental { get; }
        public SimulationTest Test { get; }
        public double[] CumulativeProportion { get; }
        public int StrataInTest { get; }
        public bool EventDriven { get; }
        public double[] Schedule { get; }
        public double[] Critical { get; }
        public double[] Futility { get; }
        public bool DecideByBounds { get; init; } = true;
    }
}
