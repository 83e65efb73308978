using System.Reflection;

namespace Evident.Design.Tests;

/// <summary>Every public result type is a sealed, immutable record exposing read-only lists (NodaTime's MutabilityTest idea).</summary>
public class ConventionTests
{
    private static readonly Type[] Results =
        [typeof(GroupSequentialDesign), typeof(SurvivalSampleSizeResult), typeof(BoundaryCrossingProbabilities), typeof(GroupSequentialOptions), typeof(SurvivalSampleSizeOptions)];

    [Fact]
    public void ResultTypesAreSealedAndHaveNoPublicSetters()
    {
        foreach (var type in Results)
        {
            Assert.True(type.IsSealed, $"{type.Name} is not sealed");
            foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var setter = p.SetMethod;
                if (setter is null || !setter.IsPublic) continue;
                bool initOnly = setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");
                Assert.True(initOnly, $"{type.Name}.{p.Name} has a public setter");
            }
        }
    }

    [Fact]
    public void ResultsExposeNoArrays()
    {
        foreach (var type in Results)
            foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                Assert.False(p.PropertyType.IsArray, $"{type.Name}.{p.Name} exposes an array");
    }

    [Fact]
    public void ReturnedListsCannotBeMutated()
    {
        var d = GroupSequential.Create(new GroupSequentialOptions { Looks = 3 });
        Assert.Throws<NotSupportedException>(() => ((IList<double>)d.CriticalValues)[0] = 0);
        Assert.Throws<NotSupportedException>(() => ((IList<double>)d.AlphaSpent)[0] = 0);
        Assert.Throws<NotSupportedException>(() => ((IList<double>)d.Information)[0] = 0);
    }

    [Fact]
    public void UserInformationIsCopied()
    {
        double[] info = [0.3, 0.7, 1.0];
        var d = GroupSequential.Create(new GroupSequentialOptions { Looks = 3, Information = info });
        info[0] = 0.5;
        Assert.Equal(0.3, d.Information[0]);
    }
}
