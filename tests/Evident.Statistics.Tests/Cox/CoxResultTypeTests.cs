using System.Reflection;
using Evident.Statistics.Cox;

namespace Evident.Statistics.Tests.Cox;

/// <summary>Every public Cox result type is sealed and immutable (no public setters, no exposed arrays).</summary>
public class CoxResultTypeTests
{
    [Theory]
    [InlineData(typeof(CoxFit))]
    [InlineData(typeof(CoxCoefficient))]
    [InlineData(typeof(ZphResult))]
    [InlineData(typeof(SymmetricMatrix))]
    [InlineData(typeof(CoxOptions))]
    public void IsSealedAndImmutable(Type type)
    {
        Assert.True(type.IsSealed, $"{type.Name} must be sealed");
        foreach (var prop in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var setter = prop.SetMethod;
            if (setter is not null && setter.IsPublic)
            {
                bool initOnly = setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit");
                Assert.True(initOnly, $"{type.Name}.{prop.Name} has a public setter");
            }
            Assert.False(prop.PropertyType.IsArray, $"{type.Name}.{prop.Name} exposes an array");
        }
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
            Assert.True(field.IsInitOnly, $"{type.Name}.{field.Name} is a mutable public field");
    }

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
