using System.Globalization;
using System.Text;

namespace Evident.Benchmarks;

/// <summary>
/// Simulated competing-risks data: two arms, age and a marker, cause 1 with a covariate-dependent hazard, cause 2/3
/// competing, uniform censoring over 30 time units, times rounded to 0.01 (ties). The same rows feed the kernel
/// benchmarks and, written as CSV, the whole-command timings and the cmprsk comparison.
/// </summary>
internal sealed record CompetingRisksData(double[] Time, int[] Cause, int[] Arm, int[] Stratum, double[] Covariates)
{
    public static CompetingRisksData Generate(int rows, int seed)
    {
        var random = new Random(seed);
        var data = new CompetingRisksData(new double[rows], new int[rows], new int[rows], new int[rows], new double[rows * 3]);
        for (int i = 0; i < rows; i++)
        {
            int arm = random.Next(2);
            double age = Math.Round(random.NextDouble() * 40 + 40, 0);
            double marker = random.NextDouble() * 2 - 1;
            data.Arm[i] = arm;
            data.Stratum[i] = random.Next(4);
            data.Covariates[i * 3] = arm;
            data.Covariates[i * 3 + 1] = age;
            data.Covariates[i * 3 + 2] = marker;
            double rate = 0.05 * Math.Exp(-0.3 * arm + 0.02 * (age - 60) + 0.4 * marker);
            double t1 = -Math.Log(random.NextDouble()) / rate;
            double t2 = -Math.Log(random.NextDouble()) / 0.04;
            double c = random.NextDouble() * 30;
            double t = Math.Min(t1, Math.Min(t2, c));
            data.Time[i] = Math.Round(t, 2);
            data.Cause[i] = t == c ? 0 : t == t1 ? 1 : (random.Next(4) == 0 ? 3 : 2);
        }
        return data;
    }

    /// <summary>Writes columns time, cause, arm, stratum, age, marker.</summary>
    public void WriteCsv(string path)
    {
        var csv = new StringBuilder("time,cause,arm,stratum,age,marker\n");
        for (int i = 0; i < Time.Length; i++)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{Time[i]:R},{Cause[i]},{Arm[i]},{Stratum[i] + 1},{Covariates[i * 3 + 1]:R},{Covariates[i * 3 + 2]:R}\n");
        }
        File.WriteAllText(path, csv.ToString());
    }
}
