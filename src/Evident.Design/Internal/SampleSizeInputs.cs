namespace Evident.Design.Internal;

/// <summary>
/// The checked survival and accrual inputs of <see cref="SurvivalSampleSize"/>: hazard pieces of the control arm and
/// rpact's accrual specification (times, intensities, relative or absolute, open or fixed end).
/// </summary>
/// <param name="HazardStarts">Starts of the hazard pieces, 0 first.</param>
/// <param name="ControlHazards">λ<sub>2</sub> per piece.</param>
/// <param name="AccrualTimes">rpact <c>accrualTime</c>, 0 first.</param>
/// <param name="AccrualIntensities">rpact <c>accrualIntensity</c>.</param>
/// <param name="Relative">All intensities are below 1 (rpact's rule for relative intensities), or accrual is uniform.</param>
internal sealed record SampleSizeInputs(double[] HazardStarts, double[] ControlHazards, double[] AccrualTimes, double[] AccrualIntensities, bool Relative)
{
    /// <summary>As many accrual times as intensities: the last piece runs until enough subjects are enrolled.</summary>
    public bool OpenEnd => AccrualTimes.Length == AccrualIntensities.Length;

    /// <summary>Checks the hazard and accrual options.</summary>
    /// <exception cref="DesignInputException">A missing, conflicting or out-of-range input.</exception>
    /// <param name="options">The options.</param>
    /// <param name="overallHazards">False for a stratified design, whose hazards are per stratum: only accrual is read.</param>
    public static SampleSizeInputs Read(SurvivalSampleSizeOptions options, bool overallHazards = true)
    {
        var (starts, hazards) = overallHazards ? Hazards(options) : ([0], []);
        var (times, intensities, relative) = Accrual(options);
        return new SampleSizeInputs(starts, hazards, times, intensities, relative);
    }

    private static (double[] Starts, double[] Hazards) Hazards(SurvivalSampleSizeOptions options)
    {
        int given = (options.ControlMedian.HasValue ? 1 : 0) + (options.ControlHazard.HasValue ? 1 : 0) + (options.ControlHazards is null ? 0 : 1);
        if (given != 1)
            throw new DesignInputException("ControlMedian", null, "give exactly one of the control median, the control hazard and the piecewise control hazards.");
        if (options.ControlMedian is double median)
        {
            Checks.Positive(median, "ControlMedian");
            if (options.PiecewiseSurvivalTimes is not null)
                throw new DesignInputException("PiecewiseSurvivalTimes", DesignInputException.Text(options.PiecewiseSurvivalTimes), "piecewise survival times need piecewise control hazards, not a median.");
            return ([0], [Math.Log(2) / median]);
        }
        if (options.ControlHazard is double hazard)
        {
            Checks.Positive(hazard, "ControlHazard");
            if (options.PiecewiseSurvivalTimes is not null)
                throw new DesignInputException("PiecewiseSurvivalTimes", DesignInputException.Text(options.PiecewiseSurvivalTimes), "piecewise survival times need piecewise control hazards, not one hazard.");
            return ([0], [hazard]);
        }
        double[] pieces = [.. options.ControlHazards!];
        if (pieces.Length == 0) throw new DesignInputException("ControlHazards", "", "give at least one hazard.");
        foreach (double h in pieces) Checks.Within(h, DesignLimits.Positive, "ControlHazards", "every hazard must be a positive finite number.");
        double[] starts = options.PiecewiseSurvivalTimes is { } s ? [.. s] : pieces.Length == 1 ? [0] : [];
        if (starts.Length != pieces.Length)
            throw new DesignInputException("PiecewiseSurvivalTimes", DesignInputException.Text(starts),
                $"{starts.Length} piece starts for {pieces.Length} hazards; give one start per hazard, 0 first.");
        Increasing(starts, "PiecewiseSurvivalTimes");
        return (starts, pieces);
    }

    private static (double[] Times, double[] Intensities, bool Relative) Accrual(SurvivalSampleSizeOptions options)
    {
        if (options.AccrualTime is double length)
        {
            if (options.AccrualTimes is not null || options.AccrualIntensities is not null)
                throw new DesignInputException("AccrualTime", DesignInputException.Text(length), "give a uniform accrual time or piecewise accrual times and intensities, not both.");
            Checks.Positive(length, "AccrualTime");
            return ([0, length], [1], true);
        }
        if (options.AccrualTimes is not { } timeList || options.AccrualIntensities is not { } intensityList)
            throw new DesignInputException("AccrualTimes", null, "give the accrual time, or piecewise accrual times with their intensities.");
        double[] times = [.. timeList], intensities = [.. intensityList];
        Increasing(times, "AccrualTimes");
        if (intensities.Length == 0 || (times.Length != intensities.Length && times.Length != intensities.Length + 1))
            throw new DesignInputException("AccrualIntensities", DesignInputException.Text(intensities),
                $"{intensities.Length} intensities for {times.Length} accrual times; give one per piece: as many as the times (the last piece open) or one fewer (accrual ends at the last time).");
        foreach (double r in intensities) Checks.Within(r, DesignLimits.NonNegative, "AccrualIntensities", "every intensity must be a finite number ≥ 0.");
        if (intensities.All(r => r == 0)) throw new DesignInputException("AccrualIntensities", DesignInputException.Text(intensities), "at least one intensity must be positive.");
        if (times.Length == intensities.Length && intensities[^1] == 0)
            throw new DesignInputException("AccrualIntensities", DesignInputException.Text(intensities), "the last piece is open, so its intensity must be positive.");
        return (times, intensities, intensities.All(r => r < 1));
    }

    private static void Increasing(double[] starts, string name)
    {
        if (starts.Length == 0 || starts[0] != 0)
            throw new DesignInputException(name, DesignInputException.Text(starts), "the first time must be 0.");
        for (int i = 1; i < starts.Length; i++)
            if (!(starts[i] > starts[i - 1]) || !double.IsFinite(starts[i]))
                throw new DesignInputException(name, DesignInputException.Text(starts), $"value {i + 1} ({DesignInputException.Text(starts[i])}) must be finite and greater than value {i}.");
    }
}
