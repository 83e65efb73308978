using Evident.Testing;

namespace Evident.Protocol.Tests;

/// <summary>Every public type of Evident.Protocol is sealed and immutable and exposes no array (STYLE.md, "Results are values").</summary>
public sealed class TypeConventionTests
{
    [Fact]
    public void Public_types_are_sealed_and_immutable()
    {
        var assembly = typeof(Evident.Protocol.TrialProtocol).Assembly;
        Assert.True(TypeConventions.CheckedTypeCount(assembly) >= 10);
        Assert.Empty(TypeConventions.Violations(assembly));
    }
}
