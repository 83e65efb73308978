using System.Diagnostics;
using System.Globalization;
using Evident.Data;
using Evident.Statistics.Cox;

namespace Evident.Benchmarks;

/// <summary>
/// A Stopwatch split of one Cox fit into its phases (sorting and laying out the design, each likelihood evaluation,
/// the information matrix's factorisation, the linear predictor, the concordance), with the wall and the process CPU
/// time of each, then the whole fit as <c>evident cox</c> runs it, and at the end each phase's median over the repeats
/// (a repeat that meets a full garbage collection is slow in whichever phase it falls). Run it on an idle machine, or
/// compare CPU times.
/// <code>
/// dotnet run -c Release --project bench/Evident.Benchmarks -- profile-cox FILE.csv "Surv(time, status) ~ x1 + … + strata(stratum)" [repeats]
/// </code>
/// </summary>
internal static class CoxPhaseProfile
{
    public static void Run(string path, string formula, int repeats)
    {
        var parsed = SurvivalFormula.Parse(formula);
        var frame = ModelFrame.Build(TableReader.Read(path, parsed.Columns), parsed);
        var options = new CoxOptions();
        var phases = new List<(string Phase, double Wall, double Cpu)>();
        for (int r = 0; r < repeats; r++)
        {
            Console.WriteLine($"repeat {r + 1} of {repeats} ({frame.Time.Length:N0} rows, {frame.CovariateCount} covariates, {frame.StratumCount} strata)");
            var clock = new PhaseClock(phases);
            var design = CoxDesign.Build(frame.Entry, frame.Time, frame.Event, frame.Covariates, frame.CovariateCount,
                                         frame.Stratum, [], null, scale: true);
            clock.Lap("sort and lay out the design");
            var likelihood = new CoxLikelihood(design, options.Ties);
            var beta = new double[design.P];
            var u = new double[design.P];
            var information = new double[design.P * design.P];
            likelihood.Evaluate(beta, u, information);
            clock.Lap("evaluate ℓ, U, I at β = 0");
            var newton = CoxNewtonRaphson.Run(design, options);
            clock.Lap($"Newton–Raphson ({newton.Iterations} iterations + β = 0)");
            likelihood.Evaluate(newton.Beta, u, information);
            clock.Lap("one evaluation at β̂");
            var factor = (double[])information.Clone();
            CoxCholesky.Decompose(factor, design.P, options.TolerancePivot);
            CoxCholesky.Inverse(factor, design.P);
            clock.Lap("factor and invert I");
            var eta = design.LinearPredictor(newton.Beta);
            clock.Lap("linear predictor");
            double concordance = HarrellConcordance.Compute(design, eta);
            clock.Lap("concordance");
            var fit = CoxRegression.FitCountingProcess(frame.Entry, frame.Time, frame.Event, frame.Covariates, frame.CovariateCount,
                                                       frame.Stratum, frame.Cluster, [], options);
            clock.Lap("whole fit (CoxRegression)");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  β̂₁ = {fit.Coefficients[0]:R}, ℓ = {fit.LogLikelihood:R}, C = {concordance:R}"));
        }
        Console.WriteLine($"median over {repeats} repeats");
        foreach (var group in phases.GroupBy(p => p.Phase))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {group.Key,-44} {Median(group.Select(p => p.Wall)),8:F1} ms wall {Median(group.Select(p => p.Cpu)),8:F1} ms CPU"));
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed class PhaseClock(List<(string Phase, double Wall, double Cpu)> phases)
    {
        private readonly Stopwatch _wall = Stopwatch.StartNew();
        private TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;

        public void Lap(string phase)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            double wall = _wall.Elapsed.TotalMilliseconds, used = (cpu - _cpu).TotalMilliseconds;
            phases.Add((phase, wall, used));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {phase,-44} {wall,8:F1} ms wall {used,8:F1} ms CPU"));
            _cpu = cpu;
            _wall.Restart();
        }
    }
}
