namespace Evident.Design.Simulation;

/// <summary>Mutable integer counters of one worker; private to one thread until <see cref="ToTally"/>.</summary>
internal sealed class TallyAccumulator(int looks)
{
    public long Replicates;
    public readonly long[] RejectByLook = new long[looks];
    public readonly long[] FutilityByLook = new long[Math.Max(looks - 1, 0)];
    public long EventsNotReached;
    public long EventsSum;
    public long SubjectsSum;
    public Int128 DurationSum;
    public Int128 HazardRatioSum;
    public long HazardRatioCount;
    public readonly long[] Histogram = new long[SimulationTally.HistogramBins];

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
        HazardRatioSum += other.HazardRatioSum;
        HazardRatioCount += other.HazardRatioCount;
        for (int b = 0; b < Histogram.Length; b++) Histogram[b] += other.LogHazardRatioHistogram[b];
    }

    public SimulationTally ToTally(long firstReplicate) => new()
    {
        FirstReplicate = firstReplicate,
        Replicates = Replicates,
        RejectByLook = Array.AsReadOnly((long[])RejectByLook.Clone()),
        FutilityByLook = Array.AsReadOnly((long[])FutilityByLook.Clone()),
        EventsNotReached = EventsNotReached,
        EventsSum = EventsSum,
        SubjectsSum = SubjectsSum,
        DurationSum = DurationSum,
        HazardRatioSum = HazardRatioSum,
        HazardRatioCount = HazardRatioCount,
        LogHazardRatioHistogram = Array.AsReadOnly((long[])Histogram.Clone()),
    };
}
