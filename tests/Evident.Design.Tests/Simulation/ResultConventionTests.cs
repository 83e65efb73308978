using System.Reflection;
using Evident.Design.Monitoring;
using Evident.Design.Simulation;

namespace Evident.Design.Tests.Simulation;

/// <summary>The monitoring and simulation result types are sealed, immutable and expose no arrays.</summary>
public class ResultConventionTests
{
    private static readonly Type[] Types =
    [
        typeof(InterimAnalysis), typeof(InterimLook), typeof(LogRankLook), typeof(MonitoringOptions),
        typeof(SimulationResult), typeof(SimulationTally), typeof(SimulationScenario), typeof(SimulationStratum),
        typeof(SimulationRun), typeof(PiecewiseHazard), typeof(PiecewiseAccrual), typeof(LookSchedule),
    ];

    [Fact]
    public void SealedWithoutPublicSettersOrArrays()
    {
        foreach (var type in Types)
        {
            Assert.True(type.IsSealed, $"{type.Name} is not sealed");
            foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                Assert.False(p.PropertyType.IsArray, $"{type.Name}.{p.Name} exposes an array");
                var setter = p.SetMethod;
                if (setter is null || !setter.IsPublic) continue;
                bool initOnly = setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");
                Assert.True(initOnly, $"{type.Name}.{p.Name} has a public setter");
            }
        }
    }

    [Fact]
    public void HazardListsCannotBeMutated()
    {
        var h = new PiecewiseHazard([0.0, 1], [0.1, 0.2]);
        Assert.Throws<NotSupportedException>(() => ((IList<double>)h.Rates)[0] = 5);
    }
}
