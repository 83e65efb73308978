using System.Globalization;
using Evident.Design.Monitoring;

namespace Evident.Design.Tests.Monitoring;

/// <summary>
/// <see cref="InterimMonitoring"/> against rpact 3.3.4 <c>getAnalysisResults</c> (cases from make_design_refs.R):
/// bounds, α spent, RCIs and conditional power to 1e-5 relative, repeated p-values to 1e-4 (rpact's search tolerances).
/// </summary>
public class InterimMonitoringReferenceTests
{
    [Theory]
    [InlineData("monitor-obf-4-look2")]
    [InlineData("monitor-obf-4-stop1")]
    [InlineData("monitor-pocock-3-final")]
    [InlineData("monitor-hsd-uneven")]
    public void MatchesRpact(string name)
    {
        var rc = DesignCase.Load(name);
        var result = Analyse(rc, rc.Numbers("--events"), rc.Numbers("--z"));
        AssertLooks(rc, result);
    }

    [Fact]
    public void DataSnapshotsGiveSurvdiffZAndRpactAnalysis()
    {
        var rc = DesignCase.Load("monitor-data-strata");
        var files = rc.Args.Where(a => a.StartsWith("data/", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, files.Length);
        var events = new double[files.Length];
        var z = new double[files.Length];
        for (int k = 0; k < files.Length; k++)
        {
            var (time, status, arm, stratum) = ReadSnapshot(Path.Combine(DesignCase.Directory, files[k]));
            var look = InterimMonitoring.LogRankZ(time, status, arm, stratum, 2);
            events[k] = look.Events;
            z[k] = look.Z;
        }
        Assert.Equal(rc.Vector("events"), events);
        rc.AssertClose(rc.Vector("z"), z, "z (survdiff)");
        AssertLooks(rc, Analyse(rc, events, z));
    }

    private static InterimAnalysis Analyse(DesignCase rc, double[] events, double[] z) => InterimMonitoring.Analyse(new MonitoringOptions
    {
        Design = rc.DesignOptions(),
        Events = events,
        Z = z,
        MaxEvents = rc.Num("--max-events"),
        HazardRatio = rc.Num("--hazard-ratio"),
    });

    private static void AssertLooks(DesignCase rc, InterimAnalysis result)
    {
        var looks = result.Looks;
        rc.AssertClose(rc.Vector("information"), looks.Select(l => l.InformationFraction), "information");
        rc.AssertClose(rc.Vector("critical_values"), looks.Select(l => l.EfficacyBound), "critical_values");
        rc.AssertClose(rc.Vector("alpha_spent"), looks.Select(l => l.AlphaSpent), "alpha_spent");
        rc.AssertClose(rc.Vector("hazard_ratio"), looks.Select(l => l.HazardRatio), "hazard_ratio");
        rc.AssertClose(rc.Vector("rci_lower"), looks.Select(l => l.RciLower), "rci_lower");
        rc.AssertClose(rc.Vector("rci_upper"), looks.Select(l => l.RciUpper), "rci_upper");
        rc.AssertClose(rc.Vector("conditional_power_design"), looks.Select(l => l.ConditionalPowerDesign), "conditional_power_design");
        rc.AssertClose(rc.Vector("conditional_power_trend"), looks.Select(l => l.ConditionalPowerTrend), "conditional_power_trend");
        // Repeated p-values live in a companion case with rpact's looser search tolerance (1e-4 relative).
        var rp = DesignCase.Load(rc.Name + "-repeated-p");
        var repeated = rp.Vector("repeated_p_values");
        for (int k = 0; k < repeated.Length; k++)
            if (!double.IsNaN(repeated[k])) rp.AssertClose(repeated[k], looks[k].RepeatedPValue, $"repeated_p_values[{k}]");
        var decisions = rc.Expected.GetProperty("decisions").EnumerateArray().Select(e => e.GetString()).ToArray();
        for (int k = 0; k < decisions.Length; k++)
        {
            var expected = decisions[k] switch
            {
                "stop_efficacy" => MonitoringDecision.StopForEfficacy,
                "final_not_rejected" => MonitoringDecision.FinalNoRejection,
                _ => MonitoringDecision.Continue,
            };
            Assert.Equal(expected, looks[k].Decision);
        }
    }

    private static (double[] Time, bool[] Status, int[] Arm, int[] Stratum) ReadSnapshot(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',').Select(h => h.Trim('"')).ToList();
        int ti = header.IndexOf("time"), si = header.IndexOf("status"), ai = header.IndexOf("arm"), ri = header.IndexOf("risk");
        int n = lines.Length - 1;
        var time = new double[n];
        var status = new bool[n];
        var arm = new int[n];
        var stratum = new int[n];
        for (int i = 0; i < n; i++)
        {
            var f = lines[i + 1].Split(',').Select(v => v.Trim('"')).ToArray();
            time[i] = double.Parse(f[ti], CultureInfo.InvariantCulture);
            status[i] = f[si] == "1";
            arm[i] = f[ai] == "experimental" ? 1 : 0;
            stratum[i] = f[ri] == "high" ? 0 : 1;
        }
        return (time, status, arm, stratum);
    }
}
