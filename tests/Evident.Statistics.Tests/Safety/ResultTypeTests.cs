using System.Reflection;
using Evident.Statistics.Milestone;
using Evident.Statistics.Safety;

namespace Evident.Statistics.Tests.Safety;

/// <summary>Every public result type of the milestone and safety kernels is a sealed, immutable record.</summary>
public sealed class ResultTypeTests
{
    public static TheoryData<Type> ResultTypes => new()
    {
        typeof(FisherExactTest), typeof(MantelHaenszelTest), typeof(RiskDifferenceEstimate), typeof(SafetyComparison),
        typeof(SafetyTermSummary), typeof(SafetyTable), typeof(MilestoneEstimate), typeof(MilestoneContrast),
        typeof(MilestoneComparison), typeof(StratifiedMilestoneDifference),
    };

    [Theory]
    [MemberData(nameof(ResultTypes))]
    public void Is_sealed_and_immutable(Type type)
    {
        Assert.True(type.IsSealed, $"{type.Name} is not sealed");
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var setter = property.SetMethod;
            bool initOnly = setter is not null && setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit");
            Assert.True(setter is null || initOnly, $"{type.Name}.{property.Name} has a public setter");
            Assert.False(property.PropertyType.IsArray, $"{type.Name}.{property.Name} exposes an array");
        }
    }
}
