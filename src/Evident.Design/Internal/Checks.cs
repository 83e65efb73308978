namespace Evident.Design.Internal;

/// <summary>Argument checks for the public entry points; every range check rejects NaN.</summary>
internal static class Checks
{
    /// <summary>Information fractions: non-empty, finite, strictly increasing, in (0, 1], last = 1 (to 1e-10).</summary>
    public static double[] InformationRates(IReadOnlyList<double> information, int looks, string name)
    {
        if (information.Count != looks)
            throw new ArgumentException($"{name} has {information.Count} values but there are {looks} looks.", name);
        var t = new double[looks];
        for (int k = 0; k < looks; k++)
        {
            double v = information[k];
            if (!(v > 0 && v <= 1 + 1e-10))
                throw new ArgumentException($"{name}[{k}] = {v}: information fractions must lie in (0, 1].", name);
            if (k > 0 && !(v > t[k - 1]))
                throw new ArgumentException($"{name}[{k}] = {v} is not greater than {name}[{k - 1}] = {t[k - 1]}: information fractions must be strictly increasing.", name);
            t[k] = v;
        }
        if (Math.Abs(t[^1] - 1) > 1e-10)
            throw new ArgumentException($"The last information fraction is {t[^1]}; it must be 1.", name);
        t[^1] = 1;
        return t;
    }

    public static void Probability(double value, double upper, string name, string what)
    {
        if (!(value > 0 && value <= upper))
            throw new ArgumentException($"{name} = {value}: {what}.", name);
    }

    public static void Positive(double value, string name)
    {
        if (!(value > 0) || double.IsPositiveInfinity(value))
            throw new ArgumentException($"{name} = {value}: must be a positive finite number.", name);
    }
}
