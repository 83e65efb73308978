namespace Evident.Design.Simulation;

/// <summary>Mutable integer counters of one worker; private to one thread until <see cref="ToTally"/>.</summary>
internal sealed class TallyAccumulator
{
    public long Replicates;
    public readonly long[] RejectByLook;
    public readonly long[] FutilityByLook;
    public long EventsNotReached;
    public long EventsSum;
    public long SubjectsSum;
    public Int128 DurationSum;
    public readonly long[] StopsByLook;
    public readonly Int128[] HazardRatioSumByLook;
    public readonly long[] HazardRatioCountByLook;
    public readonly long[][] HistogramByLook;

    public TallyAccumulator(int looks)
    {
        RejectByLook = new long[looks];
        FutilityByLook = new long[Math.Max(looks - 1, 0)];
        StopsByLook = new long[looks];
        HazardRatioSumByLook = new Int128[looks];
        HazardRatioCountByLook = new long[looks];
        HistogramByLook = new long[looks][];
        for (int k = 0; k < looks; k++) HistogramByLook[k] = new long[SimulationTally.HistogramBins];
    }

    public static Int128 Fixed(double value) => (Int128)Math.Round(value * SimulationTally.FixedPointScale);

    public static int Bin(double logHazardRatio)
    {
        double x = (logHazardRatio + SimulationTally.LogHazardRatioRange) / SimulationTally.LogHazardRatioBinWidth;
        return x <= 0 ? 0 : x >= SimulationTally.HistogramBins - 1 ? SimulationTally.HistogramBins - 1 : (int)x;
    }

    public void Add(SimulationTally other)
    {
        Replicates += other.Replicates;
        for (int k = 0; k < RejectByLook.Length; k++) RejectByLook[k] += other.RejectByLook[k];
        for (int k = 0; k < FutilityByLook.Length; k++) FutilityByLook[k] += other.FutilityByLook[k];
        EventsNotReached += other.EventsNotReached;
        EventsSum += other.EventsSum;
        SubjectsSum += other.SubjectsSum;
        DurationSum += other.DurationSum;
        for (int k = 0; k < StopsByLook.Length; k++)
        {
            StopsByLook[k] += other.StopsByLook[k];
            HazardRatioSumByLook[k] += other.HazardRatioSumByLook[k];
            HazardRatioCountByLook[k] += other.HazardRatioCountByLook[k];
            var mine = HistogramByLook[k];
            var theirs = other.LogHazardRatioHistogramByLook[k];
            for (int b = 0; b < mine.Length; b++) mine[b] += theirs[b];
        }
    }

    public SimulationTally ToTally(long firstReplicate)
    {
        var histograms = new IReadOnlyList<long>[HistogramByLook.Length];
        for (int k = 0; k < histograms.Length; k++) histograms[k] = Array.AsReadOnly((long[])HistogramByLook[k].Clone());
        return new SimulationTally
        {
            FirstReplicate = firstReplicate,
            Replicates = Replicates,
            RejectByLook = Array.AsReadOnly((long[])RejectByLook.Clone()),
            FutilityByLook = Array.AsReadOnly((long[])FutilityByLook.Clone()),
            EventsNotReached = EventsNotReached,
            EventsSum = EventsSum,
            SubjectsSum = SubjectsSum,
            DurationSum = DurationSum,
            StopsByLook = Array.AsReadOnly((long[])StopsByLook.Clone()),
            HazardRatioSumByLook = Array.AsReadOnly((Int128[])HazardRatioSumByLook.Clone()),
            HazardRatioCountByLook = Array.AsReadOnly((long[])HazardRatioCountByLook.Clone()),
            LogHazardRatioHistogramByLook = Array.AsReadOnly(histograms),
        };
    }
}
