using System.Globalization;

namespace Evident.Design.Internal;

/// <summary>Argument checks for the public entry points; every range check rejects NaN. They throw <see cref="DesignInputException"/>.</summary>
internal static class Checks
{
    /// <summary>Information fractions: non-empty, finite, strictly increasing, in (0, 1], last = 1 (to 1e-10).</summary>
    public static double[] InformationRates(IReadOnlyList<double> information, int looks, string name)
    {
        string text = DesignInputException.Text(information);
        if (information.Count != looks)
            throw new DesignInputException(name, text, $"{information.Count} values given but there are {looks} looks.");
        var t = new double[looks];
        for (int k = 0; k < looks; k++)
        {
            double v = information[k];
            if (!(DesignLimits.InformationFraction.Contains(v) || (v > 1 && v <= 1 + 1e-10)))
                throw new DesignInputException(name, text, $"value {k + 1} ({DesignInputException.Text(v)}) is outside (0, 1]: information fractions must lie in (0, 1].");
            if (k > 0 && !(v > t[k - 1]))
                throw new DesignInputException(name, text, $"value {k + 1} ({DesignInputException.Text(v)}) is not greater than value {k} ({DesignInputException.Text(t[k - 1])}): information fractions must be strictly increasing.");
            t[k] = v;
        }
        if (Math.Abs(t[^1] - 1) > 1e-10)
            throw new DesignInputException(name, text, $"the last information fraction is {DesignInputException.Text(t[^1])}; it must be 1.");
        t[^1] = 1;
        return t;
    }

    /// <summary><paramref name="value"/> lies in <paramref name="range"/>; otherwise "name = value: problem".</summary>
    public static void Within(double value, ValueRange range, string name, string problem)
    {
        if (!range.Contains(value)) throw new DesignInputException(name, DesignInputException.Text(value), problem);
    }

    /// <summary>A positive finite number (<see cref="DesignLimits.Positive"/>).</summary>
    public static void Positive(double value, string name) => Within(value, DesignLimits.Positive, name, "must be a positive finite number.");

    /// <summary>
    /// Every look adds at least one planned event: D<sub>max</sub>·(t<sub>k</sub> − t<sub>k−1</sub>) ≥ 1 for k = 1..K
    /// (t<sub>0</sub> = 0), so in particular D<sub>max</sub> ≥ K. A look that adds less than one event would analyse
    /// the same data as the one before (the simulation's rule: event counts are strictly increasing whole numbers).
    /// </summary>
    /// <returns>Null when the rule holds; otherwise the problem in words.</returns>
    public static string? TooFewEventsPerLook(IReadOnlyList<double> information, double maxEvents)
    {
        const double slack = 1e-9;
        int looks = information.Count;
        if (maxEvents < looks - slack)
            return string.Create(CultureInfo.InvariantCulture, $"{looks} looks need at least one event each, but only {maxEvents:G6} events are planned in all (more looks than events).");
        double previous = 0;
        for (int k = 0; k < looks; k++)
        {
            double added = maxEvents * (information[k] - previous);
            if (added < 1 - slack)
                return string.Create(CultureInfo.InvariantCulture, $"look {k + 1} adds only {added:G6} planned events (information {previous:G6} to {information[k]:G6} of {maxEvents:G6}); every look needs at least one new event.");
            previous = information[k];
        }
        return null;
    }
}
