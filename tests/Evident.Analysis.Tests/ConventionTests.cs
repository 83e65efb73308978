using Evident.Analysis.Models;
using Evident.Testing;

namespace Evident.Analysis.Tests;

/// <summary>Every public result of Evident.Analysis is a sealed, immutable value (STYLE.md, "Results are values").</summary>
public sealed class ConventionTests
{
    [Fact]
    public void PublicTypesAreSealedAndImmutable()
    {
        var assembly = typeof(CoxModel).Assembly;
        Assert.True(TypeConventions.CheckedTypeCount(assembly) > 20);
        Assert.Empty(TypeConventions.Violations(assembly));
    }
}
