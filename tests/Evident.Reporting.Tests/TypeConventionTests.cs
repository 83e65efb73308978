using Evident.Testing;

namespace Evident.Reporting.Tests;

/// <summary>Every public type of Evident.Reporting is sealed and immutable and exposes no array (STYLE.md, "Results are values").</summary>
public sealed class TypeConventionTests
{
    [Fact]
    public void Public_types_are_sealed_and_immutable()
    {
        var assembly = typeof(Evident.Reporting.Figures.KaplanMeierFigure).Assembly;
        Assert.True(TypeConventions.CheckedTypeCount(assembly) >= 5);
        Assert.Empty(TypeConventions.Violations(assembly));
    }
}
