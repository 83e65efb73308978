using System.Runtime.CompilerServices;

namespace Evident.Design.Simulation;

/// <summary>
/// Simulates replicates one at a time into its own <see cref="TallyAccumulator"/>. One instance per worker thread;
/// its buffers are reused across replicates and never shared. See <see cref="SurvivalSimulation"/> for the model.
/// </summary>
internal sealed class ReplicateSimulator
{
    private const byte PrimaryEvent = 1, CompetingEvent = 2, Dropout = 3;

    private readonly SurvivalSimulation.TrialModel _m;
    private readonly double[] _entry;       // ascending
    private readonly double[] _exit;        // follow-up time to the first of event, competing event, dropout
    private readonly byte[] _kind;
    private readonly int[] _cell;           // 2·(stratum in the test) + arm; arm 1 = experimental
    private readonly double[] _eventCalendar;
    private readonly double[] _exitKey;
    private readonly int[] _exitIndex;
    private readonly int[] _atRisk;
    private readonly double[] _lookTime;
    private readonly long[] _lookEvents;
    private readonly int[] _armAtRisk = new int[2];
    private readonly LookStatistic _statistic;

    public ReplicateSimulator(SurvivalSimulation.TrialModel model)
    {
        _m = model;
        int n = model.Subjects;
        _entry = new double[n];
        _exit = new double[n];
        _kind = new byte[n];
        _cell = new int[n];
        _eventCalendar = new double[n];
        _exitKey = new double[n];
        _exitIndex = new int[n];
        _atRisk = new int[2 * model.StrataInTest];
        _lookTime = new double[model.Schedule.Length];
        _lookEvents = new long[model.Schedule.Length];
        Tally = new TallyAccumulator(model.Schedule.Length);
        _statistic = new LookStatistic(model.Test, model.StrataInTest, n, model.DecideByBounds);
    }

    public TallyAccumulator Tally { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Simulate(ulong seed, long replicate)
    {
        var rng = new ReplicateRandom(seed, replicate);
        int events = Generate(ref rng);
        int lastLook = ScheduleLooks(events, out bool notReached);
        int exits = CollectExits(_lookTime[lastLook]);

        var tally = Tally;
        tally.Replicates++;
        if (notReached) tally.EventsNotReached++;
        for (int k = 0; k <= lastLook; k++)
        {
            double tau = _lookTime[k];
            var (z, logHazardRatio, enrolled) = LogRankAt(tau, exits);
            if (_m.Test.Kind != SimulationTestKind.LogRank) z = _statistic.Z(_m.Critical[k], _m.Futility[k]);
            bool reject = z >= _m.Critical[k];
            bool futile = !reject && k < lastLook && z <= _m.Futility[k];
            if (!(reject || futile || k == lastLook)) continue;
            if (reject) tally.RejectByLook[k]++;
            if (futile) tally.FutilityByLook[k]++;
            tally.EventsSum += _lookEvents[k];
            tally.SubjectsSum += enrolled;
            tally.DurationSum += TallyAccumulator.Fixed(tau);
            tally.StopsByLook[k]++;
            if (double.IsFinite(logHazardRatio))
            {
                tally.HazardRatioCountByLook[k]++;
                tally.HazardRatioSumByLook[k] += TallyAccumulator.Fixed(Math.Exp(logHazardRatio));
                tally.HistogramByLook[k][TallyAccumulator.Bin(logHazardRatio)]++;
            }
            return;
        }
    }

    /// <summary>Entry, arm, stratum and exit of every subject; returns the number of primary events (calendar times in _eventCalendar).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Generate(ref ReplicateRandom rng)
    {
        var m = _m;
        int n = m.Subjects;
        // Ordered uniforms U(1) < … < U(n): partial sums of n + 1 exponential spacings over their total.
        double sum = 0;
        for (int i = 0; i < n; i++) _entry[i] = sum += rng.NextExponential();
        sum += rng.NextExponential();
        var accrual = m.Accrual;
        if (accrual.Rates.Count == 1)
        {
            double scale = accrual.End / sum;
            for (int i = 0; i < n; i++) _entry[i] *= scale;
        }
        else
        {
            for (int i = 0; i < n; i++) _entry[i] = accrual.Quantile(_entry[i] / sum);
        }

        ulong bits = 0;
        int bitsLeft = 0;
        int strata = m.CumulativeProportion.Length, testStrata = m.StrataInTest;
        var dropout = m.Dropout;
        int events = 0;
        for (int i = 0; i < n; i++)
        {
            int arm;
            if ((i & 1) == 0)
            {
                if (bitsLeft == 0) { bits = rng.NextBits(); bitsLeft = 64; }
                arm = (int)(bits & 1);
                bits >>= 1;
                bitsLeft--;
            }
            else
            {
                arm = 1 - (_cell[i - 1] & 1);
            }
            int s = 0;
            if (strata > 1)
            {
                double u = rng.NextUniform();
                while (m.CumulativeProportion[s] <= u) s++;
            }
            double t = arm == 1 && m.Experimental[s] is { } experimental
                ? experimental.Invert(rng.NextExponential(), 1.0)
                : m.Control[s].Invert(rng.NextExponential(), arm == 1 ? m.HazardRatio[s] : 1.0);
            byte kind = PrimaryEvent;
            if (m.Competing[s] is { } competing)
            {
                double c = competing.Invert(rng.NextExponential(), 1.0);
                if (c < t) { t = c; kind = CompetingEvent; }
            }
            if (dropout is not null)
            {
                double d = dropout.Invert(rng.NextExponential(), 1.0);
                if (d < t) { t = d; kind = Dropout; }
            }
            _exit[i] = t;
            _kind[i] = kind;
            _cell[i] = 2 * (testStrata == 1 ? 0 : s) + arm;
            if (kind == PrimaryEvent) _eventCalendar[events++] = _entry[i] + t;
        }
        return events;
    }

    /// <summary>Fills the look times and event counts; returns the index of the last look that can take place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ScheduleLooks(int events, out bool notReached)
    {
        var schedule = _m.Schedule;
        int looks = schedule.Length;
        notReached = false;
        if (!_m.EventDriven)
        {
            var calendar = _eventCalendar.AsSpan(0, events);
            for (int k = 0; k < looks; k++)
            {
                double tau = schedule[k];
                int count = 0;
                foreach (double c in calendar) if (c <= tau) count++;
                _lookTime[k] = tau;
                _lookEvents[k] = count;
            }
            return looks - 1;
        }

        int needed = (int)schedule[^1];
        int sorted = Math.Min(needed, events);
        if (events > needed) Select(_eventCalendar.AsSpan(0, events), needed - 1);
        _eventCalendar.AsSpan(0, sorted).Sort();
        for (int k = 0; k < looks; k++)
        {
            int d = (int)schedule[k];
            if (d <= events)
            {
                _lookTime[k] = _eventCalendar[d - 1];
                _lookEvents[k] = d;
                continue;
            }
            // The planned events never happen: analyse at the last event (or, with none, when the last subject exits).
            notReached = true;
            _lookTime[k] = events > 0 ? _eventCalendar[events - 1] : LastExit();
            _lookEvents[k] = events;
            return k;
        }
        return looks - 1;
    }

    private double LastExit()
    {
        double last = 0;
        for (int i = 0; i < _entry.Length; i++) last = Math.Max(last, _entry[i] + _exit[i]);
        return last;
    }

    /// <summary>Subjects whose exit falls by <paramref name="horizon"/>, sorted by follow-up time; returns their number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int CollectExits(double horizon)
    {
        int count = 0;
        for (int i = 0; i < _entry.Length; i++)
        {
            if (_entry[i] + _exit[i] <= horizon)
            {
                _exitKey[count] = _exit[i];
                _exitIndex[count++] = i;
            }
        }
        _exitKey.AsSpan(0, count).Sort(_exitIndex.AsSpan(0, count));
        return count;
    }

    /// <summary>
    /// The (stratified) log-rank test at calendar time τ: Z = (E − O)/√V of the experimental arm, log HR = (O − E)/V
    /// (NaN when V = 0), and the subjects enrolled by τ; feeds the same events to <see cref="_statistic"/> when the
    /// test is another one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (double Z, double LogHazardRatio, int Enrolled) LogRankAt(double tau, int exits)
    {
        int enrolled = _entry.AsSpan().BinarySearch(tau);
        enrolled = enrolled >= 0 ? enrolled + 1 : ~enrolled;
        var atRisk = _atRisk;
        Array.Clear(atRisk);
        for (int i = 0; i < enrolled; i++) atRisk[_cell[i]]++;
        var statistic = _statistic;
        bool weighted = statistic.Weighted, restricted = statistic.RestrictedMean;
        statistic.Reset();
        var armAtRisk = _armAtRisk;
        if (restricted)
        {
            armAtRisk[0] = armAtRisk[1] = 0;
            for (int c = 0; c < atRisk.Length; c++) armAtRisk[c & 1] += atRisk[c];
        }

        double observed = 0, expected = 0, variance = 0;
        int b = enrolled - 1; // administrative censoring at τ − e_b, ascending as b falls
        for (int a = 0; a < exits; a++)
        {
            int i = _exitIndex[a];
            double y = _exit[i];
            if (_entry[i] + y > tau) continue;
            while (b >= 0 && tau - _entry[b] < y)
            {
                if (_entry[b] + _exit[b] > tau)
                {
                    atRisk[_cell[b]]--;
                    armAtRisk[_cell[b] & 1]--;
                }
                b--;
            }
            int cell = _cell[i];
            if (_kind[i] == PrimaryEvent)
            {
                int control = cell & ~1;
                double n1 = atRisk[control + 1], n = atRisk[control] + n1;
                double p = n1 / n;
                if ((cell & 1) == 1) observed += 1;
                expected += p;
                variance += p * (1 - p);
                if (weighted) statistic.AddWeighted(cell >> 1, n, p, (cell & 1) == 1);
                if (restricted) statistic.AddRestrictedMean(cell & 1, y, armAtRisk[cell & 1]);
            }
            atRisk[cell]--;
            armAtRisk[cell & 1]--;
        }
        if (!(variance > 0)) return (0, double.NaN, enrolled);
        return ((expected - observed) / Math.Sqrt(variance), (observed - expected) / variance, enrolled);
    }

    /// <summary>Rearranges <paramref name="values"/> so that values[k] is the k-th smallest and values[..k] are all ≤ it (Hoare's selection).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Select(Span<double> values, int k)
    {
        int lo = 0, hi = values.Length - 1;
        while (hi > lo)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (values[mid] < values[lo]) (values[mid], values[lo]) = (values[lo], values[mid]);
            if (values[hi] < values[lo]) (values[hi], values[lo]) = (values[lo], values[hi]);
            if (values[hi] < values[mid]) (values[hi], values[mid]) = (values[mid], values[hi]);
            double pivot = values[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return;
        }
    }
}
