using Evident.Statistics.Survival;

namespace Evident.Statistics.Tests.Survival;

/// <summary>The lists a survival result exposes cannot be changed through a cast (TypeConventionTests checks the types).</summary>
public sealed class SurvivalResultShapeTests
{
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
