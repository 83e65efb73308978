using Evident.Design.Monitoring;
using Evident.Design.Simulation;

namespace Evident.Design.Tests.Simulation;

/// <summary>The lists a simulation input exposes cannot be changed through a cast (TypeConventionTests checks the types).</summary>
public class ResultConventionTests
{
    [Fact]
    public void HazardListsCannotBeMutated()
    {
        var h = new PiecewiseHazard([0.0, 1], [0.1, 0.2]);
        Assert.Throws<NotSupportedException>(() => ((IList<double>)h.Rates)[0] = 5);
    }
}
