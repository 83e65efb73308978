using Evident.Testing;

namespace Evident.Randomization.Tests;

/// <summary>Every public type of Evident.Randomization is sealed and immutable and exposes no array (STYLE.md, "Results are values").</summary>
public sealed class TypeConventionTests
{
    [Fact]
    public void Public_types_are_sealed_and_immutable()
    {
        var assembly = typeof(Evident.Randomization.Allocation).Assembly;
        Assert.True(TypeConventions.CheckedTypeCount(assembly) >= 10);
        Assert.Empty(TypeConventions.Violations(assembly));
    }
}
