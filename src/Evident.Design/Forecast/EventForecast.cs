using System.Globalization;
using Evident.Design.Internal;
using Evident.Design.Simulation;

namespace Evident.Design.Forecast;

/// <summary>
/// Predicts when each look's event count will be reached from blinded (pooled) data, with a prediction interval:
/// Bagiella &amp; Heitjan (2001, Stat Med 20:2083), as R's eventPred (Lu 2023) does it. Accrual of the remaining
/// participants is a Poisson process at the observed rate (Gamma posterior) or at the protocol's planned rate; the
/// pooled time to event is exponential or piecewise exponential with each piece's hazard drawn from its Gamma posterior
/// (Jeffreys prior: Gamma(d<sub>j</sub> + ½, E<sub>j</sub>) for d<sub>j</sub> events in time at risk E<sub>j</sub>);
/// dropout is exponential with a known hazard. Each replicate draws the parameters, then the residual event times of
/// the participants still followed (conditional on being event-free now) and the arrivals and event times of those
/// still to come; a look's predicted time in that replicate is when its target is reached.
/// </summary>
/// <remarks>
/// Contract: <c>entry</c>, <c>followUp</c> and <c>isEvent</c> hold one value per enrolled participant — the time of
/// enrolment from the start of accrual (0 ≤ entry ≤ now), the follow-up observed so far (≥ 0) and whether it ended with
/// an event. Participants without an event are taken to be still followed at <c>now</c>. Replicate r uses its own
/// random stream from (seed, r), so results do not depend on the number of threads.
/// </remarks>
public static class EventForecast
{
    private const int Block = 128;

    /// <summary>Fits the blinded models and simulates the trial's continuation.</summary>
    /// <param name="entry">Enrolment times, finite, in [0, now].</param>
    /// <param name="followUp">Observed follow-up, finite, ≥ 0.</param>
    /// <param name="isEvent">Whether each follow-up ended with an event.</param>
    /// <param name="now">The forecast's time origin (the data cut-off), finite.</param>
    /// <param name="options">Targets, accrual, hazard pieces, dropout, level, replicates, seed.</param>
    /// <exception cref="DesignInputException">Inputs of different lengths or out of range; a hazard piece that no follow-up reaches; accrual to continue without a rate.</exception>
    public static EventForecastResult Predict(ReadOnlySpan<double> entry, ReadOnlySpan<double> followUp, ReadOnlySpan<bool> isEvent, double now, EventForecastOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var model = ForecastModel.Fit(entry, followUp, isEvent, now, options);
        int looks = options.TargetEvents.Count, replicates = options.Replicates;
        var times = new double[looks][];
        for (int l = 0; l < looks; l++) times[l] = new double[replicates];
        int blocks = (replicates + Block - 1) / Block;
        Parallel.For(0, blocks, b =>
        {
            var buffer = new double[model.Ongoing.Length + model.Remaining];
            for (int r = b * Block; r < Math.Min(replicates, (b + 1) * Block); r++)
            {
                int count = model.Simulate(new ReplicateRandom(options.Seed, r), buffer);
                Array.Sort(buffer, 0, count);
                for (int l = 0; l < looks; l++)
                {
                    int need = options.TargetEvents[l] - model.EventTimes.Length;
                    times[l][r] = need <= 0 ? 0 : need <= count ? buffer[need - 1] - now : double.PositiveInfinity;
                }
            }
        });
        var forecasts = new LookForecast[looks];
        for (int l = 0; l < looks; l++)
        {
            int target = options.TargetEvents[l];
            if (target <= model.EventTimes.Length)
            {
                double at = model.EventTimes[target - 1] - now;
                forecasts[l] = new LookForecast(l + 1, target, true, at, at, at, 1);
                continue;
            }
            var t = times[l];
            Array.Sort(t);
            double alpha = (1 - options.Level) / 2;
            forecasts[l] = new LookForecast(l + 1, target, false, Quantile(t, 0.5), Quantile(t, alpha), Quantile(t, 1 - alpha),
                t.Count(double.IsFinite) / (double)replicates);
        }
        return new EventForecastResult(entry.Length, model.EventTimes.Length, model.AccrualRateEstimate,
            Array.AsReadOnly(model.Starts), Array.AsReadOnly(model.Hazards), Array.AsReadOnly(model.Exposure), Array.AsReadOnly(model.PieceEvents),
            options.Level, replicates, Array.AsReadOnly(forecasts));
    }

    /// <summary>R's type-7 quantile of sorted values; +∞ when an order statistic it needs is infinite.</summary>
    private static double Quantile(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        if (double.IsPositiveInfinity(sorted[hi])) return h == lo && double.IsFinite(sorted[lo]) ? sorted[lo] : double.PositiveInfinity;
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    internal static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
