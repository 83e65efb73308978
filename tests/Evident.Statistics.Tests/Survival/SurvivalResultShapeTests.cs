using System.Reflection;
using Evident.Statistics.Survival;

namespace Evident.Statistics.Tests.Survival;

/// <summary>Every public survival result type is sealed and immutable, and exposes no mutable array (NodaTime's MutabilityTest idea).</summary>
public sealed class SurvivalResultShapeTests
{
    public static TheoryData<Type> ResultTypes => new()
    {
        typeof(RiskSetTable), typeof(KaplanMeierCurve), typeof(KaplanMeierStep), typeof(KaplanMeierPoint),
        typeof(LogRankTest), typeof(LogRankGroup), typeof(RestrictedMeanSurvival), typeof(RestrictedMeanDifference),
    };

    [Theory]
    [MemberData(nameof(ResultTypes))]
    public void Result_types_are_sealed_and_immutable(Type type)
    {
        Assert.True(type.IsSealed, $"{type.Name} is not sealed");
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            Assert.True(field.IsInitOnly, $"{type.Name}.{field.Name} is not readonly");
        foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
        {
            Assert.False(property.PropertyType.IsArray, $"{type.Name}.{property.Name} exposes an array");
            var setter = property.SetMethod;
            if (setter is { IsPublic: true })
                Assert.Contains(setter.ReturnParameter.GetRequiredCustomModifiers(), m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");
        }
    }

    [Fact]
    public void Lists_cannot_be_modified_through_a_cast()
    {
        var curve = KaplanMeier.Fit([1, 2], [true, false]);
        Assert.False(curve.Steps is IList<KaplanMeierStep> { IsReadOnly: false });
        Assert.False(curve.RiskSets.Time is double[]);
        var test = LogRank.Test([1, 2], [true, true], [0, 1], 2, [], 0);
        Assert.False(test.Groups is LogRankGroup[]);
        Assert.False(test.Variance[0] is double[]);
    }
}
