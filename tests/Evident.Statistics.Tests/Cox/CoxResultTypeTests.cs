using Evident.Statistics.Cox;

namespace Evident.Statistics.Tests.Cox;

/// <summary>The lists a Cox result exposes cannot be cast back to arrays (TypeConventionTests checks the types).</summary>
public class CoxResultTypeTests
{
    [Fact]
    public void ListsCannotBeCastBackToArrays()
    {
        var fit = CoxCaseData.Book6().Fit();
        Assert.IsNotType<double[]>(fit.Coefficients);
        Assert.IsNotType<CoxCoefficient[]>(fit.Terms);
        var copy = fit.Variance.ToArray();
        copy[0] = 42;
        Assert.NotEqual(42, fit.Variance[0, 0]);
    }
}
