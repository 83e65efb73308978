using Evident.Testing;

namespace Evident.Data.Tests;

/// <summary>Every public type of Evident.Data is sealed and immutable and exposes no array (STYLE.md, "Results are values").</summary>
public sealed class TypeConventionTests
{
    [Fact]
    public void Public_types_are_sealed_and_immutable()
    {
        var assembly = typeof(Evident.Data.ModelFrame).Assembly;
        Assert.True(TypeConventions.CheckedTypeCount(assembly) >= 10);
        Assert.Empty(TypeConventions.Violations(assembly));
    }
}
